import crypto from 'node:crypto';
import type { VcApiUpdateStatusBody } from '@ms/contracts/diplomas';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { VC_V2_CONTEXT, type DocumentLoader } from './diplomas.contexts.ts';
import type { KeyStore } from './diplomas.keys.ts';
import { canIssueThroughVcApi } from './diplomas.policy.ts';
import { signCredential } from './diplomas.sign.ts';
import type { StatusLists } from './diplomas.status-list.ts';
import { createVcCredentialsRepo } from './diplomas.vc.repo.ts';

/** Raised inside the issuing transaction when the id is taken: rolls back the status entry it reserved. */
class CredentialExists extends Error {}

const conflictExists = () => new AppError('conflict', { fields: [{ path: 'credential.id', key: 'diploma.credential_exists' }] });

/**
 * W3C VC API issuing (staff). The endpoint issues, it does not merely sign: every credential gets a
 * Bitstring Status List entry of the academy's lists and a row in the registry
 * (diploma_vc_credentials), so it can be revoked and reinstated later (POST /credentials/status).
 * The issuer is always the active key's did:key, whatever the input says; a `credentialStatus` or
 * `proof` in the input is replaced.
 */
export function createVcIssuer(deps: { db: Database; clock: Clock; keys: KeyStore; statusLists: StatusLists; documentLoader: DocumentLoader }) {
  return {
    async issue(actor: Actor, credential: Record<string, unknown>): Promise<Record<string, unknown>> {
      if (!canIssueThroughVcApi(actor)) throw new AppError('forbidden');
      const context = credential['@context'];
      const type = credential.type;
      if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT) throw new AppError('validation', { fields: [{ path: 'credential.@context', key: 'diploma.wrong_context' }] });
      if (!Array.isArray(type) || !type.includes('OpenBadgeCredential')) throw new AppError('validation', { fields: [{ path: 'credential.type', key: 'diploma.not_open_badge' }] });
      const credentialId = typeof credential.id === 'string' && credential.id.length > 0 ? credential.id.slice(0, 500) : `urn:uuid:${crypto.randomUUID()}`;
      if (await createVcCredentialsRepo(deps.db).byCredentialId(credentialId)) throw conflictExists();
      const key = await deps.keys.activeKey();
      const issuer = typeof credential.issuer === 'object' && credential.issuer ? credential.issuer : {};
      const now = deps.clock.now();
      try {
        return await deps.db.transaction(async (tx) => {
          const entry = await deps.statusLists.reserveEntry(tx, key);
          const { proof: _proof, credentialStatus: _status, ...rest } = credential;
          const unsigned = {
            ...rest,
            id: credentialId,
            issuer: { ...issuer, id: key.did, type: ['Profile'] },
            credentialStatus: { id: `${entry.url}#${entry.index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(entry.index), statusListCredential: entry.url },
          };
          let signed: Record<string, unknown>;
          try {
            signed = await signCredential({ credential: unsigned, key: key.key, documentLoader: deps.documentLoader, now });
          } catch (error) {
            // Undefined terms, unknown contexts, bad dates: the input's fault, said plainly.
            throw new AppError('validation', { fields: [{ path: 'credential', key: 'field.invalid' }], extra: { reason: error instanceof Error ? error.message.slice(0, 300) : 'invalid' } });
          }
          const name = typeof signed.name === 'string' ? signed.name.slice(0, 200) : null;
          const isInserted = await createVcCredentialsRepo(tx).insert({ credentialId, name, keyId: key.row.id, statusListId: entry.listId, statusIndex: entry.index, credential: signed, issuedAt: now, issuedBy: actor.userId });
          if (!isInserted) throw new CredentialExists();
          await recordAudit(tx, { actor, action: 'diploma.vc_api_issue', entity: 'credential', entityId: credentialId.slice(0, 200), details: { name, statusListId: entry.listId, statusIndex: entry.index } });
          return signed;
        });
      } catch (error) {
        if (error instanceof CredentialExists) throw conflictExists();
        throw error;
      }
    },

    /** Revokes ('revoked') or reinstates ('active') a credential issued here; the signed list is re-signed in the same transaction. */
    async updateStatus(actor: Actor, body: VcApiUpdateStatusBody): Promise<{ credentialId: string; status: 'revoked' | 'active' }> {
      if (!canIssueThroughVcApi(actor)) throw new AppError('forbidden');
      const row = await createVcCredentialsRepo(deps.db).byCredentialId(body.credentialId);
      if (!row) throw notFound();
      const status = body.credentialStatus[0]!.status;
      if (status === 'revoked' && row.revokedAt) throw new AppError('conflict', { fields: [{ path: 'credentialStatus', key: 'diploma.already_revoked' }] });
      if (status === 'active' && !row.revokedAt) throw new AppError('conflict', { fields: [{ path: 'credentialStatus', key: 'diploma.not_revoked' }] });
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        await createVcCredentialsRepo(tx).setRevocation(row.id, status === 'revoked' ? { revokedAt: now, revocationReason: body.reason } : { revokedAt: null, revocationReason: null });
        await deps.statusLists.resign(tx, row.statusListId);
        await recordAudit(tx, { actor, action: status === 'revoked' ? 'diploma.vc_api_revoke' : 'diploma.vc_api_reinstate', entity: 'credential', entityId: row.credentialId.slice(0, 200), details: { reason: body.reason } });
      });
      return { credentialId: row.credentialId, status };
    },
  };
}
