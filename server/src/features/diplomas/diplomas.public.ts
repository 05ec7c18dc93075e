import * as vc from '@digitalbazaar/vc';
import type { PublicDiploma, VcApiUpdateStatusBody, VerificationResult } from '@ms/contracts/diplomas';
import type { Database } from '../../db/client.ts';
import { requireAdmin, type Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import type { Locale } from '../../lib/messages.ts';
import { didWebDocument } from './diplomas.did.ts';
import type { KeyStore } from './diplomas.keys.ts';
import { diplomaStatus } from './diplomas.present.ts';
import { verifySuite } from './diplomas.sign.ts';
import { createDiplomasRepo } from './diplomas.repo.ts';
import type { StatusLists } from './diplomas.status-list.ts';
import { createVcIssuer } from './diplomas.vc-issue.ts';
import type { Verifier } from './diplomas.verify.ts';

/** The W3C VC API verification result: the checks that ran, and the problems found. */
function vcApiResult(result: VerificationResult) {
  return {
    isVerified: result.isVerified,
    body: {
      checks: result.checks.filter((c) => c.isPassed).map((c) => (c.check === 'signature' ? 'proof' : c.check)),
      warnings: [] as string[],
      errors: result.checks.filter((c) => !c.isPassed).map((c) => c.message),
    },
  };
}

/** Anonymous verification, the VC API, the did:web document and the status lists. */
export function createDiplomasPublicService(deps: { db: Database; clock: Clock; auditBuffer: AuditBuffer; keys: KeyStore; statusLists: StatusLists; verifier: Verifier; publicUrl: string }) {
  const repo = createDiplomasRepo(deps.db);
  const vcIssuer = createVcIssuer({ db: deps.db, clock: deps.clock, keys: deps.keys, statusLists: deps.statusLists, documentLoader: deps.verifier.documentLoader });

  return {
    /** A diploma by its unguessable id: only what a verifier needs. The registry decides revocation as well as the signed list. */
    async publicDiploma(id: string, locale: Locale): Promise<PublicDiploma> {
      const found = await repo.diplomaWithStatusList(id);
      if (!found) throw notFound();
      const { diploma } = found;
      const result = await deps.verifier.verify(diploma.credential, locale, { statusList: found.statusList });
      deps.auditBuffer.record({ actor: null, action: 'diploma.public_verify', entity: 'diploma', entityId: id });
      const registryStatus = diplomaStatus(diploma, deps.clock.now());
      return {
        ...result,
        id,
        status: result.isSignatureValid ? registryStatus : null,
        revokedAt: diploma.revokedAt?.toISOString() ?? null,
        programmeNameRu: diploma.programmeNameRu,
        programmeNameEn: diploma.programmeNameEn,
        streamNameRu: diploma.streamNameRu,
        streamNameEn: diploma.streamNameEn,
      };
    },

    /** Verifies an uploaded credential JSON (from a holder's wallet or a file). */
    async verifyUpload(credential: Record<string, unknown>, locale: Locale): Promise<VerificationResult> {
      return deps.verifier.verify(credential, locale);
    },

    async vcApiVerifyCredential(credential: Record<string, unknown>, locale: Locale) {
      return vcApiResult(await deps.verifier.verify(credential, locale));
    },

    /** A presentation: its own proof when it has one (with the verifier's challenge), then each credential. */
    async vcApiVerifyPresentation(presentation: Record<string, unknown>, options: Record<string, unknown> | undefined, locale: Locale) {
      const errors: string[] = [];
      const checks: string[] = [];
      if (presentation.proof) {
        const result = await vc.verify({ presentation, suite: verifySuite(), documentLoader: deps.verifier.documentLoader, challenge: typeof options?.challenge === 'string' ? options.challenge : undefined, checkStatus: async () => ({ verified: true }) });
        if (result.verified) checks.push('proof');
        else errors.push(`presentation: ${(result.error?.errors?.[0] ?? result.error)?.message ?? 'invalid proof'}`.slice(0, 300));
      }
      const credentials = ([] as unknown[]).concat(presentation.verifiableCredential ?? []);
      for (const [index, credential] of credentials.entries()) {
        if (!credential || typeof credential !== 'object') {
          errors.push(`verifiableCredential[${index}]: not an object`);
          continue;
        }
        const { body } = vcApiResult(await deps.verifier.verify(credential as Record<string, unknown>, locale));
        checks.push(...body.checks.map((c) => `verifiableCredential[${index}].${c}`));
        errors.push(...body.errors.map((e) => `verifiableCredential[${index}]: ${e}`));
      }
      if (credentials.length === 0 && !presentation.proof) errors.push('the presentation holds no credential and no proof');
      return { isVerified: errors.length === 0, body: { checks, warnings: [] as string[], errors } };
    },

    /** VC API issue (staff): signed, registered, with a status entry (diplomas.vc-issue.ts). */
    async vcApiIssue(actor: Actor, credential: Record<string, unknown>) {
      return { verifiableCredential: await vcIssuer.issue(actor, credential) };
    },

    /** VC API status update (staff): revoke or reinstate a credential issued through the VC API. */
    vcApiUpdateStatus: (actor: Actor, body: VcApiUpdateStatusBody) => vcIssuer.updateStatus(actor, body),

    /** The platform's did:web document (all keys, retired ones included). */
    async didDocument() {
      await deps.keys.activeKey();
      return didWebDocument(deps.publicUrl, await deps.keys.publicKeys());
    },

    async statusList(id: string) {
      const credential = await deps.statusLists.byId(id);
      if (!credential) throw notFound();
      return credential;
    },

    /** Admin: a new signing key; the old one stays for verification and for its status lists. */
    async rotateKey(actor: Actor) {
      requireAdmin(actor);
      const key = await deps.keys.rotate();
      await recordAudit(deps.db, { actor, action: 'diploma.key_rotate', entity: 'diploma_key', entityId: key.row.id, details: { publicKeyMultibase: key.row.publicKeyMultibase } });
      return { publicKeyMultibase: key.row.publicKeyMultibase, did: key.did };
    },
  };
}

export type DiplomasPublicService = ReturnType<typeof createDiplomasPublicService>;
