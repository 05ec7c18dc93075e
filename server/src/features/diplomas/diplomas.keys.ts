import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { didKeyFor, verificationMethodFor } from './diplomas.did.ts';
import { createDiplomasRepo, type KeyRow } from './diplomas.repo.ts';
import { importSigningKey, type SigningKey } from './diplomas.sign.ts';

export interface IssuerKey {
  row: KeyRow;
  /** did:key of this key: the issuer id of what it signs. */
  did: string;
  key: SigningKey;
}

/**
 * The issuer's keys: generated on first use, rotated on demand, the secret half sealed with the app
 * secret. Opened keys are cached in memory (by id) so bulk issuance does not decrypt per diploma; the
 * secret never appears in a return value other than the signer object, nor in a log line.
 */
export function createKeyStore(deps: { db: Database; secretBox: SecretBox; clock: Clock }) {
  const cache = new Map<string, IssuerKey>();

  async function open(row: KeyRow): Promise<IssuerKey> {
    const cached = cache.get(row.id);
    if (cached) return cached;
    const did = didKeyFor(row.publicKeyMultibase);
    const key = await importSigningKey(row.publicKeyMultibase, deps.secretBox.open(row.sealedSecretKey), verificationMethodFor(row.publicKeyMultibase), did);
    const opened = { row, did, key };
    cache.set(row.id, opened);
    return opened;
  }

  async function generateRow(): Promise<{ publicKeyMultibase: string; sealedSecretKey: string }> {
    const pair = await Ed25519Multikey.generate();
    return { publicKeyMultibase: pair.publicKeyMultibase, sealedSecretKey: deps.secretBox.seal(pair.secretKeyMultibase!) };
  }

  return {
    /** The key new diplomas are signed with; the first call creates it. */
    async activeKey(): Promise<IssuerKey> {
      const repo = createDiplomasRepo(deps.db);
      const existing = await repo.activeKey();
      if (existing) return open(existing);
      const created = await repo.insertActiveKey({ ...(await generateRow()), createdAt: deps.clock.now() });
      // Another process may have created it first (one-active unique index): use theirs.
      return open(created ?? (await repo.activeKey())!);
    },
    /** A key by id, active or retired (re-signing a retired key's status list). */
    async keyById(id: string): Promise<IssuerKey | null> {
      const row = await createDiplomasRepo(deps.db).keyById(id);
      return row ? open(row) : null;
    },
    /** Retires the active key and makes a new one; what the old key signed keeps verifying. */
    async rotate(): Promise<IssuerKey> {
      const next = await generateRow();
      const row = await deps.db.transaction(async (tx) => {
        const repo = createDiplomasRepo(tx);
        await repo.retireActiveKey(deps.clock.now());
        return (await repo.insertActiveKey({ ...next, createdAt: deps.clock.now() }))!;
      });
      return open(row);
    },
    /** Public halves of every key, for the did:web document. */
    async publicKeys(): Promise<Array<{ publicKeyMultibase: string; isActive: boolean }>> {
      const rows = await createDiplomasRepo(deps.db).allKeys();
      return rows.map((r) => ({ publicKeyMultibase: r.publicKeyMultibase, isActive: r.isActive }));
    },
  };
}

export type KeyStore = ReturnType<typeof createKeyStore>;
