import { createCredential, createList } from '@digitalbazaar/vc-bitstring-status-list';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { isoSeconds } from './diplomas.credential.ts';
import { createDocumentLoader } from './diplomas.contexts.ts';
import type { IssuerKey, KeyStore } from './diplomas.keys.ts';
import { createIssueRepo } from './diplomas.issue.repo.ts';
import { createDiplomasRepo } from './diplomas.repo.ts';
import { signCredential } from './diplomas.sign.ts';

type Executor = Parameters<typeof createDiplomasRepo>[0];

/** 131,072 entries: the W3C minimum, so that one credential's bit hides among many (herd privacy). */
export const STATUS_LIST_SIZE = 131_072;
const PATH = '/api/public/status-lists/';

/**
 * Revocation through Bitstring Status Lists the platform signs and serves itself. A list belongs to one
 * key (verifiers demand the list's issuer equal the credential's); it is re-signed from the registry
 * (every revoked diploma's bit) whenever a diploma is revoked or reinstated.
 */
export function createStatusLists(deps: { db: Database; keys: KeyStore; clock: Clock; publicUrl: string }) {
  const urlOf = (listId: string) => `${deps.publicUrl}${PATH}${listId}`;

  async function sign(tx: Executor, listId: string, key: IssuerKey): Promise<Record<string, unknown>> {
    const repo = createDiplomasRepo(tx);
    const list = await createList({ length: STATUS_LIST_SIZE });
    for (const index of await repo.revokedIndexes(listId)) list.setStatus(index, true);
    const unsigned = await createCredential({ id: urlOf(listId), list, statusPurpose: 'revocation' });
    const now = deps.clock.now();
    const credential = { ...unsigned, issuer: key.did, validFrom: isoSeconds(now) };
    const signed = await signCredential({ credential, key: key.key, documentLoader: createDocumentLoader(), now });
    await repo.saveStatusListCredential(listId, signed, now);
    return signed;
  }

  return {
    urlOf,
    /** Takes the next free entry in the key's open list (opening a new list when full). */
    async reserveEntry(tx: Executor, key: IssuerKey): Promise<{ listId: string; index: number; url: string }> {
      const repo = createDiplomasRepo(tx);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        let list = await repo.openStatusList(key.row.id);
        if (!list) {
          list = await repo.insertStatusList(key.row.id, STATUS_LIST_SIZE);
          await sign(tx, list.id, key);
        }
        const index = await repo.reserveStatusIndex(list.id);
        if (index !== null) return { listId: list.id, index, url: urlOf(list.id) };
      }
      throw new Error('no free status list entry');
    },
    /**
     * Takes `count` entries for a batch (ranges of the key's open lists, opening new lists as they
     * fill), in order; the lists stay locked until the caller's transaction ends.
     */
    async reserveEntries(tx: Executor, key: IssuerKey, count: number): Promise<Array<{ listId: string; index: number; url: string }>> {
      const repo = createDiplomasRepo(tx);
      const issueRepo = createIssueRepo(tx);
      const entries: Array<{ listId: string; index: number; url: string }> = [];
      // Each round takes what one list has left; a full list found by a racing issuer costs a retry.
      for (let round = 0; entries.length < count && round < count + 3; round += 1) {
        let list = await repo.openStatusList(key.row.id);
        if (!list) {
          list = await repo.insertStatusList(key.row.id, STATUS_LIST_SIZE);
          await sign(tx, list.id, key);
        }
        const range = await issueRepo.reserveStatusRange(list.id, count - entries.length);
        if (!range) continue;
        for (let index = range.start; index < range.end; index += 1) entries.push({ listId: list.id, index, url: urlOf(list.id) });
      }
      if (entries.length < count) throw new Error('no free status list entry');
      return entries;
    },
    /** Re-signs a list after a revocation or reinstatement, inside the caller's transaction. */
    async resign(tx: Executor, listId: string): Promise<void> {
      const repo = createDiplomasRepo(tx);
      await repo.lockStatusList(listId);
      const list = await repo.statusListById(listId);
      if (!list) throw new Error('status list missing');
      const key = await deps.keys.keyById(list.keyId);
      if (!key) throw new Error('status list key missing');
      await sign(tx, listId, key);
    },
    /** The signed list for a URL of ours, or null (also what the offline document loader asks). */
    async resolve(url: string): Promise<Record<string, unknown> | null> {
      const prefix = `${deps.publicUrl}${PATH}`;
      if (!url.startsWith(prefix)) return null;
      return this.byId(url.slice(prefix.length));
    },
    async byId(listId: string): Promise<Record<string, unknown> | null> {
      if (!/^[0-9a-f-]{36}$/.test(listId)) return null;
      const list = await createDiplomasRepo(deps.db).statusListById(listId);
      return list?.credential ?? null;
    },
  };
}

export type StatusLists = ReturnType<typeof createStatusLists>;
