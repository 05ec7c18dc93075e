import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { createDocumentLoader } from './diplomas.contexts.ts';
import { buildDiplomaCredential, formatRegistryNumber, newDiplomaId, registryPrefix } from './diplomas.credential.ts';
import { evaluateEligibility, type EligibilityRow } from './diplomas.eligibility.ts';
import type { KeyStore } from './diplomas.keys.ts';
import { createDiplomasRepo, type StreamContext } from './diplomas.repo.ts';
import { signCredential } from './diplomas.sign.ts';
import type { StatusLists } from './diplomas.status-list.ts';
import crypto from 'node:crypto';

/** What the bulk issuance job is given. */
export type IssueJobInput = { streamId: string; validFrom: string | null; actorUserId: string | null; actorEmail: string };

type Executor = Pick<Database, 'transaction' | 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/** Diplomas issued per transaction by the bulk job. */
const ISSUE_BATCH = 25;

/** Raised inside the issuing transaction when someone else issued the same diploma first: rolls back the numbers taken. */
class AlreadyIssued extends Error {}

/**
 * Issuing diplomas: each diploma is one transaction or savepoint (status entry, registry number, signed
 * credential, audit), and the bulk job commits them in small batches; a rerun skips what exists (unique
 * person+stream): the bulk job is idempotent and resumable.
 */
export function createIssuance(deps: { db: Database; keys: KeyStore; statusLists: StatusLists; clock: Clock; publicUrl: string }) {
  const documentLoader = createDocumentLoader();

  /**
   * Issues one diploma; null when the person already has one for the stream. Inside a caller's
   * transaction (`within`) it is a savepoint: a conflict undoes only this diploma.
   */
  async function issueOne(options: { stream: StreamContext; person: EligibilityRow; validFrom: Date; actor: Actor; jobRunId: string | null }, within: Executor = deps.db): Promise<string | null> {
    const { stream, person, validFrom, actor } = options;
    if (await createDiplomasRepo(within).hasDiploma(person.personId, stream.streamId)) return null;
    const key = await deps.keys.activeKey();
    try {
      return await within.transaction(async (tx) => {
        const repo = createDiplomasRepo(tx);
        const entry = await deps.statusLists.reserveEntry(tx, key);
        const prefix = registryPrefix(stream.programmeNameRu);
        const year = validFrom.getUTCFullYear();
        const registryNumber = formatRegistryNumber(prefix, year, await repo.nextRegistrySequence(prefix, year));
        const id = newDiplomaId();
        const now = deps.clock.now();
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
        const isInserted = await repo.insertDiploma({
          id,
          registryNumber,
          personId: person.personId,
          streamId: stream.streamId,
          enrolmentId: person.enrolmentId,
          keyId: key.row.id,
          statusListId: entry.listId,
          statusIndex: entry.index,
          holderName: person.fullName,
          credential: signed,
          validFrom,
          issuedAt: now,
          issuedBy: actor.userId,
          jobRunId: options.jobRunId,
        });
        if (!isInserted) throw new AlreadyIssued();
        await recordAudit(tx, { actor, action: 'diploma.issue', entity: 'diploma', entityId: id, details: { registryNumber, streamId: stream.streamId, personId: person.personId, override: person.override?.reason ?? null } });
        return id;
      });
    } catch (error) {
      if (error instanceof AlreadyIssued) return null;
      throw error;
    }
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
      // Batches of ISSUE_BATCH diplomas per transaction: one commit (one WAL flush) per batch instead of
      // per diploma. A crash loses at most the batch in flight, and the rerun issues it.
      for (let start = 0; start < eligible.length; start += ISSUE_BATCH) {
        const batch = eligible.slice(start, start + ISSUE_BATCH);
        issued += await deps.db.transaction(async (tx) => {
          let count = 0;
          for (const person of batch) if (await issueOne({ stream, person, validFrom, actor, jobRunId: runId }, tx)) count += 1;
          return count;
        });
        await reportProgress(Math.min(start + ISSUE_BATCH, eligible.length), eligible.length);
      }
      return { eligible: eligible.length, issued, skipped: eligible.length - issued };
    },
  };
}

export type Issuance = ReturnType<typeof createIssuance>;
