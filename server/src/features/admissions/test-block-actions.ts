/**
 * Moving through a test's blocks: open the next block, finish the open one early. Both run with the
 * attempt locked FOR UPDATE, so they are serialised with each other, with the whole test's finish and
 * with answers in flight (the answer statement locks the attempt and the block row it writes under).
 */
import type { CandidateTest } from '@ms/contracts/admissions';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Executor } from '../programmes/programmes.repo.ts';
import type { OwnRow } from './applications.present.ts';
import { createTestRepo } from './test.repo.ts';
import { createTestBlocksRepo } from './test-blocks.repo.ts';
import { blockConflict, blockDeadline, blockState, conflict } from './test-blocks.ts';

type Meta = { ip: string | null };

interface BlockActionDeps {
  db: Database;
  clock: Clock;
  ownRow: (actor: Actor, applicationId: string) => Promise<OwnRow>;
  requireAllowed: (row: OwnRow) => void;
  scoreAndFinish: (tx: Executor, row: OwnRow, attempt: { id: string; questionOrder: string[] }, actor: Actor, meta: Meta) => Promise<void>;
  candidateView: (row: OwnRow) => Promise<CandidateTest>;
}

/** The block actions of the test service (see createTestService). */
export function createTestBlockActions(deps: BlockActionDeps) {
  const { db, clock } = deps;

  /** The locked attempt and its blocks, or the reason there is nothing to act on. */
  async function lockedAttempt(tx: Executor, applicationId: string) {
    const attempt = await createTestRepo(tx).findAttempt(applicationId, { isLocking: true });
    if (!attempt) throw conflict('admissions.test_not_open');
    return { attempt, blocks: await createTestBlocksRepo(tx).listAttemptBlocks(attempt.id) };
  }

  return {
    /**
     * Opens block n (1-based) once every block before it is finished or expired, inside the window. Its
     * deadline is fixed now: the earlier of now + its limit and the window's end. Opening the open block
     * again changes nothing (a retried request); a finished or expired block is never reopened.
     */
    async openBlock(actor: Actor, applicationId: string, n: number, meta: Meta): Promise<CandidateTest> {
      const row = await deps.ownRow(actor, applicationId);
      deps.requireAllowed(row);
      const closesAt = row.campaign.testClosesAt;
      await db.transaction(async (tx) => {
        const { attempt, blocks } = await lockedAttempt(tx, applicationId);
        if (attempt.finishedAt) throw conflict('admissions.test_finished');
        const target = blocks[n - 1];
        if (!target) throw new AppError('not_found');
        const now = clock.now();
        const state = blockState(target, now, closesAt);
        if (state === 'open') return;
        if (state === 'finished') throw blockConflict('admissions.test_block_finished', n);
        if (state === 'expired' || !closesAt) throw target.startedAt ? blockConflict('admissions.test_block_time_up', n) : conflict('admissions.test_not_open');
        const pending = blocks.slice(0, n - 1).find((b) => ['open', 'not_started'].includes(blockState(b, now, closesAt)));
        if (pending) throw blockConflict('admissions.test_block_open_first', pending.position + 1);
        const deadline = blockDeadline(now, target.timeLimitMinutes, closesAt);
        const blocksRepo = createTestBlocksRepo(tx);
        await blocksRepo.openBlock(attempt.id, target.position, now, deadline);
        // Once the last block is open no answer can come after its deadline: staff scoring may use it.
        if (n === blocks.length) await blocksRepo.setAttemptDeadline(attempt.id, deadline);
        await recordAudit(tx, { actor, action: 'admission.test_block_start', entity: 'admission_application', entityId: applicationId, ip: meta.ip, details: { block: n, deadlineAt: deadline.toISOString() } });
      });
      return deps.candidateView(row);
    },

    /**
     * Finishes block n early: its answers are final from now on. The last block (or any block once the
     * window has closed, so no later block can be opened) finishes the whole test and scores it.
     * Finishing a finished block again changes nothing.
     */
    async finishBlock(actor: Actor, applicationId: string, n: number, meta: Meta): Promise<CandidateTest> {
      const row = await deps.ownRow(actor, applicationId);
      const closesAt = row.campaign.testClosesAt;
      await db.transaction(async (tx) => {
        const { attempt, blocks } = await lockedAttempt(tx, applicationId);
        if (attempt.finishedAt) return;
        const target = blocks[n - 1];
        if (!target) throw new AppError('not_found');
        const now = clock.now();
        const state = blockState(target, now, closesAt);
        if (state === 'not_started') throw blockConflict('admissions.test_block_not_open', n);
        if (state === 'open') {
          await createTestBlocksRepo(tx).finishOpenBlocks(attempt.id, now, target.position);
          await recordAudit(tx, { actor, action: 'admission.test_block_finish', entity: 'admission_application', entityId: applicationId, ip: meta.ip, details: { block: n } });
        }
        const isLast = blocks.slice(n).every((b) => blockState(b, now, closesAt) === 'expired');
        if (isLast) await deps.scoreAndFinish(tx, row, attempt, actor, meta);
      });
      return deps.candidateView(row);
    },
  };
}
