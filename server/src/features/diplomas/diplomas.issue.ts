import type { Database } from '../../db/client.ts';
import type { diplomas } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/access.ts';
import type { AuditEntry } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { createDocumentLoader } from './diplomas.contexts.ts';
import { buildDiplomaCredential, formatRegistryNumber, newDiplomaId, registryPrefix } from './diplomas.credential.ts';
import { evaluateEligibility, type EligibilityRow } from './diplomas.eligibility.ts';
import type { KeyStore } from './diplomas.keys.ts';
import { createIssueRepo } from './diplomas.issue.repo.ts';
import { createDiplomasRepo, type StreamContext } from './diplomas.repo.ts';
import { signCredential } from './diplomas.sign.ts';
import type { StatusLists } from './diplomas.status-list.ts';
import crypto from 'node:crypto';

/** What the bulk issuance job is given. */
export type IssueJobInput = { streamId: string; validFrom: string | null; actorUserId: string | null; actorEmail: string };

/**
 * Diplomas issued per transaction by the bulk job: a handful of statements per batch, one commit. The
 * batch's status list and registry counter stay locked while it signs (~0.5 ms a diploma), so a single
 * issuance elsewhere waits at most that long.
 */
const ISSUE_BATCH = 100;
/** Attempts at a batch that lost a race (someone issued one of its diplomas meanwhile). */
const BATCH_ATTEMPTS = 4;

/** Raised inside the issuing transaction when someone else issued one of the batch's diplomas first: rolls back the numbers taken. */
class AlreadyIssued extends Error {}

type BatchOptions = { stream: StreamContext; people: EligibilityRow[]; validFrom: Date; actor: Actor; jobRunId: string | null };

/**
 * Issuing diplomas in batches: each batch is one transaction (status entries and registry numbers
 * taken as ranges, signed credentials and audits inserted set-based). A batch skips whoever already
 * has a diploma of the stream (unique person+stream), and a batch that loses a race rolls back and
 * runs again: the bulk job is idempotent and resumable (a crash loses at most the batch in flight),
 * and registry numbers have no gaps.
 */
export function createIssuance(deps: { db: Database; keys: KeyStore; statusLists: StatusLists; clock: Clock; publicUrl: string }) {
  const documentLoader = createDocumentLoader();

  /** One transaction: the ids issued (in the order of `people`), none for those who had one. */
  async function issueBatchOnce(options: BatchOptions): Promise<string[]> {
    const { stream, validFrom, actor } = options;
    // The active key is read once per batch (a rotation takes effect at the next batch).
    const key = await deps.keys.activeKey();
    return deps.db.transaction(async (tx) => {
      const issueRepo = createIssueRepo(tx);
      const holders = await issueRepo.holders(stream.streamId, options.people.map((p) => p.personId));
      const people = options.people.filter((p) => !holders.has(p.personId));
      if (people.length === 0) return [];
      const entries = await deps.statusLists.reserveEntries(tx, key, people.length);
      const prefix = registryPrefix(stream.programmeNameRu);
      const year = validFrom.getUTCFullYear();
      const first = (await issueRepo.takeRegistrySequences(prefix, year, people.length)) - people.length + 1;
      const now = deps.clock.now();
      const rows: Array<typeof diplomas.$inferInsert> = [];
      const audits: AuditEntry[] = [];
      for (const [i, person] of people.entries()) {
        const entry = entries[i]!;
        const registryNumber = formatRegistryNumber(prefix, year, first + i);
        const id = newDiplomaId();
        const credential = buildDiplomaCredential({
          id,
          publicUrl: deps.publicUrl,
          issuerDid: key.did,
          stream,
          holderName: person.fullName,
          holderEmail: person.email,
          salt: crypto.randomBytes(12).toString('base64url'),
          registryNumber,
          validFrom,
          statusListUrl: entry.url,
          statusIndex: entry.index,
        });
        const signed = await signCredential({ credential, key: key.key, documentLoader, now });
        rows.push({ id, registryNumber, personId: person.personId, streamId: stream.streamId, enrolmentId: person.enrolmentId, keyId: key.row.id, statusListId: entry.listId, statusIndex: entry.index, holderName: person.fullName, credential: signed, validFrom, issuedAt: now, issuedBy: actor.userId, jobRunId: options.jobRunId });
        audits.push({ actor, action: 'diploma.issue', entity: 'diploma', entityId: id, details: { registryNumber, streamId: stream.streamId, personId: person.personId, override: person.override?.reason ?? null } });
      }
      if ((await issueRepo.insertDiplomas(rows)) !== rows.length) throw new AlreadyIssued();
      await issueRepo.insertAudits(audits);
      return rows.map((r) => r.id);
    });
  }

  /** A batch, run again (re-checking who holds one) when it lost a race to another issuer. */
  async function issueBatch(options: BatchOptions): Promise<string[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await issueBatchOnce(options);
      } catch (error) {
        if (!(error instanceof AlreadyIssued) || attempt >= BATCH_ATTEMPTS) throw error;
      }
    }
  }

  /** Issues one diploma; null when the person already has one for the stream. */
  async function issueOne(options: Omit<BatchOptions, 'people'> & { person: EligibilityRow }): Promise<string | null> {
    const [id] = await issueBatch({ ...options, people: [options.person] });
    return id ?? null;
  }

  return {
    issueOne,
    /** The bulk job: every eligible participant of the stream without a diploma gets one. */
    async issueStream(input: IssueJobInput, runId: string | null, reportProgress: (done: number, total: number) => Promise<void>) {
      const repo = createDiplomasRepo(deps.db);
      const stream = await repo.streamContext(input.streamId);
      if (!stream) throw new AppError('not_found');
      const actor: Actor = { userId: input.actorUserId, email: input.actorEmail, personId: null, grants: [] };
      const validFrom = input.validFrom ? new Date(input.validFrom) : (stream.ceremonyAt ?? deps.clock.now());
      const eligible = (await evaluateEligibility(deps.db, { streamId: stream.streamId, thresholdPct: stream.thresholdPct, at: deps.clock.now() })).filter((p) => p.isEligible);
      let issued = 0;
      await reportProgress(0, eligible.length);
      for (let start = 0; start < eligible.length; start += ISSUE_BATCH) {
        const people = eligible.slice(start, start + ISSUE_BATCH);
        issued += (await issueBatch({ stream, people, validFrom, actor, jobRunId: runId })).length;
        await reportProgress(Math.min(start + ISSUE_BATCH, eligible.length), eligible.length);
      }
      return { eligible: eligible.length, issued, skipped: eligible.length - issued };
    },
  };
}

export type Issuance = ReturnType<typeof createIssuance>;
