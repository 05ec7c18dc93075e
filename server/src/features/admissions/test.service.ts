import type { z } from 'zod';
import type { CandidateTest, SetTestBody, StaffTestSchema } from '@ms/contracts/admissions';
import type { Database } from '../../db/client.ts';
import type { Executor } from '../programmes/programmes.repo.ts';
import type { admissionTestQuestions } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { createLruCache } from '../../lib/lru-cache.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { createWriteBatcher } from '../../lib/write-batcher.ts';
import { createApplicationsRepo } from './applications.repo.ts';
import type { OwnRow } from './applications.present.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { createTestRepo, type AttemptWithAnswers, type TestWindow } from './test.repo.ts';
import { createTestBlocksRepo, type BankBlock } from './test-blocks.repo.ts';
import { bankProblems, blockConflict, blockDeadline, blockState, conflict, planAttemptBlocks } from './test-blocks.ts';
import { createTestBlockActions } from './test-block-actions.ts';
import { scoreTest } from './test-scoring.ts';
import { attemptBlocksOf, attemptView, notStartedView } from './test-view.ts';

type Meta = { ip: string | null };
type QuestionRow = typeof admissionTestQuestions.$inferSelect;

/**
 * The online test: staff set the window and the question bank, optionally in ordered blocks with time
 * limits of their own (without blocks: one time limit for the whole test). A candidate starts once,
 * takes the blocks in order (each block's questions in their own random order, its deadline fixed when
 * it is opened and enforced here, not in the browser), saves each answer as given, and finishes; the
 * score (0–100) becomes the application's test score.
 */
export function createTestService(deps: { db: Database; clock: Clock; campaigns: CampaignsService }) {
  const { db, clock } = deps;
  const repo = createTestRepo(db);
  const blocksRepo = createTestBlocksRepo(db);
  // 2,000 candidates answering at once: concurrent answers share one statement and one commit (group
  // commit); each request is answered after the commit that holds its answer.
  type AnswerWrite = Parameters<typeof repo.saveAnswerIfAllowed>[0];
  const answers = createWriteBatcher<AnswerWrite, boolean>({
    writeMany: async (items) => {
      const accepted = await repo.saveAnswersIfAllowed(items);
      return items.map((_, i) => accepted.has(i));
    },
    writeOne: (item) => repo.saveAnswerIfAllowed(item),
  });

  // A campaign's question bank and blocks are frozen once anyone has started (setTest refuses then, and
  // answers and attempts hold them by foreign key): 2,000 candidates opening the test page need not read
  // them 2,000 times.
  const banks = createLruCache<{ questions: Map<string, QuestionRow>; blocks: Map<string, BankBlock> }>(100);
  async function frozenBank(campaignId: string, attempt: AttemptWithAnswers) {
    const cached = banks.get(campaignId);
    const blockIds = attempt.blocks.flatMap((b) => (b.blockId ? [b.blockId] : []));
    if (cached && attempt.questionOrder.every((id) => cached.questions.has(id)) && blockIds.every((id) => cached.blocks.has(id))) return cached;
    const [questions, blocks] = await Promise.all([repo.listQuestions(campaignId), blocksRepo.listBlocks(campaignId)]);
    const bank = { questions: new Map(questions.map((q) => [q.id, q])), blocks: new Map(blocks.map((b) => [b.id, b])) };
    // Only asked with an attempt in hand, i.e. once the bank can no longer change.
    banks.set(campaignId, bank);
    return bank;
  }

  async function ownRow(actor: Actor, id: string): Promise<OwnRow> {
    const row = await createApplicationsRepo(db).findOwn(id, actor);
    if (!row) throw new AppError('not_found');
    return row;
  }

  /** Who sits the test: submitted and eligible applications (nominated ones when the campaign has the gate). */
  function requireAllowed(row: OwnRow): void {
    const a = row.application;
    const isAllowed = a.isEligible === true && (row.campaign.hasNominationGate ? a.status === 'nominated' : a.status === 'submitted' || a.status === 'nominated');
    if (!isAllowed) throw conflict('admissions.test_not_allowed');
  }

  const windowOf = (row: OwnRow): TestWindow => ({ campaignId: row.campaign.id, testOpensAt: row.campaign.testOpensAt, testClosesAt: row.campaign.testClosesAt, testDurationMinutes: row.campaign.testDurationMinutes });

  async function view(window: TestWindow, attempt: AttemptWithAnswers | null): Promise<CandidateTest> {
    if (!attempt) return notStartedView(window, await blocksRepo.listBlocksWithCounts(window.campaignId), clock.now());
    const bank = await frozenBank(window.campaignId, attempt);
    return attemptView({ window, attempt, bankBlocks: bank.blocks, questions: bank.questions, now: clock.now() });
  }

  async function candidateView(row: OwnRow): Promise<CandidateTest> {
    return view(windowOf(row), await repo.findAttemptWithAnswers(row.application.id));
  }

  /** Scores what was saved (nothing late was accepted), closes the open block and records the score; the caller holds the attempt's lock. */
  async function scoreAndFinish(tx: Executor, row: OwnRow, attempt: { id: string; questionOrder: string[] }, actor: Actor, meta: Meta) {
    const txRepo = createTestRepo(tx);
    const questions = (await txRepo.listQuestions(row.campaign.id)).filter((q) => attempt.questionOrder.includes(q.id));
    const saved = new Map((await txRepo.listAnswers(attempt.id)).map((a) => [a.questionId, a.answer]));
    const score = scoreTest(questions, saved);
    const now = clock.now();
    await createTestBlocksRepo(tx).finishOpenBlocks(attempt.id, now);
    await txRepo.finishAttempt(attempt.id, row.application.id, score, now);
    await recordAudit(tx, { actor, action: 'admission.test_finish', entity: 'admission_application', entityId: row.application.id, ip: meta.ip, details: { score } });
  }

  const blockActions = createTestBlockActions({ db, clock, ownRow, requireAllowed, scoreAndFinish, candidateView });

  return {
    async getStaffTest(actor: Actor, campaignId: string): Promise<z.infer<typeof StaffTestSchema>> {
      const campaign = await deps.campaigns.managedCampaign(actor, campaignId);
      const [questions, blocks, membership] = await Promise.all([repo.listQuestions(campaignId), blocksRepo.listBlocks(campaignId), blocksRepo.questionBlocks(campaignId)]);
      const keyOf = new Map(blocks.map((b) => [b.id, b.key]));
      return {
        opensAt: campaign.campaign.testOpensAt?.toISOString() ?? null,
        closesAt: campaign.campaign.testClosesAt?.toISOString() ?? null,
        durationMinutes: campaign.campaign.testDurationMinutes,
        blocks: blocks.map((b) => ({ key: b.key, titleRu: b.titleRu, titleEn: b.titleEn, timeLimitMinutes: b.timeLimitMinutes })),
        questions: questions.map((q) => {
          const block = keyOf.get(membership.get(q.id) ?? '');
          return { id: q.id, kind: q.kind as 'single', textRu: q.textRu, textEn: q.textEn, options: q.options, correct: q.correct as string[], points: q.points, ...(block ? { block } : {}) };
        }),
        attempts: await repo.countAttempts(campaignId),
      };
    },

    /** Sets the window, the time limits, the blocks and the whole question bank (only before anyone has started). */
    async setTest(actor: Actor, campaignId: string, body: SetTestBody, meta: Meta) {
      await deps.campaigns.managedCampaign(actor, campaignId);
      const problems = bankProblems(body);
      if (problems.length > 0) throw new AppError('validation', { fields: problems });
      // With blocks, the test's duration is what a candidate can spend answering: the sum of the limits.
      const duration = body.blocks.length > 0 ? body.blocks.reduce((sum, b) => sum + b.timeLimitMinutes, 0) : body.durationMinutes!;
      await db.transaction(async (tx) => {
        const txRepo = createTestRepo(tx);
        const txBlocks = createTestBlocksRepo(tx);
        if ((await txRepo.countAttempts(campaignId)) > 0) throw conflict('admissions.test_started');
        await txBlocks.deleteBlocks(campaignId);
        const ids = await txRepo.replaceQuestions(campaignId, body.questions.map(({ block: _block, ...q }, position) => ({ ...q, position })));
        await txBlocks.insertBlocks(campaignId, body.blocks, body.questions.flatMap((q, i) => (q.block ? [{ questionId: ids[i]!, blockKey: q.block }] : [])));
        await txRepo.setWindow(campaignId, { testOpensAt: new Date(body.opensAt), testClosesAt: new Date(body.closesAt), testDurationMinutes: duration, updatedAt: clock.now() });
        await recordAudit(tx, { actor, action: 'admission.set_test', entity: 'admission_campaign', entityId: campaignId, ip: meta.ip, details: { questions: body.questions.length, blocks: body.blocks.length } });
      });
      return this.getStaffTest(actor, campaignId);
    },

    async getOwnTest(actor: Actor, applicationId: string): Promise<CandidateTest> {
      const found = await repo.findOwnTest(applicationId, actor);
      if (!found) throw new AppError('not_found');
      return view(found.window, found.attempt);
    },

    /**
     * Starts the attempt inside the window and opens its first block (a bank without blocks: the whole
     * test); the deadline is the earlier of the opening + the block's limit and the window's end.
     */
    async start(actor: Actor, applicationId: string, meta: Meta): Promise<CandidateTest> {
      const row = await ownRow(actor, applicationId);
      requireAllowed(row);
      const c = row.campaign;
      const now = clock.now();
      const existing = await repo.findAttempt(applicationId);
      if (!existing) {
        if (!c.testOpensAt || !c.testClosesAt || !c.testDurationMinutes || now < c.testOpensAt || now >= c.testClosesAt) throw conflict('admissions.test_not_open');
        const closesAt = c.testClosesAt;
        const [questions, blocks, membership] = await Promise.all([repo.listQuestions(c.id), blocksRepo.listBlocks(c.id), blocksRepo.questionBlocks(c.id)]);
        if (questions.length === 0) throw conflict('admissions.test_not_open');
        const planned = planAttemptBlocks(blocks, questions.map((q) => ({ id: q.id, blockId: membership.get(q.id) ?? null })), c.testDurationMinutes);
        const first = planned[0]!;
        first.startedAt = now;
        first.deadlineAt = blockDeadline(now, first.timeLimitMinutes, closesAt);
        // The attempt's own deadline bounds every answer: the first block's when it is the only one, else
        // the window's end until the last block is opened (then that block's deadline).
        const deadline = planned.length === 1 ? first.deadlineAt : closesAt;
        await db.transaction(async (tx) => {
          const attemptId = await createTestRepo(tx).insertAttempt({ applicationId, questionOrder: planned.flatMap((b) => b.questionOrder), startedAt: now, deadlineAt: deadline });
          // A concurrent start won: its attempt and blocks stand.
          if (!attemptId) return;
          await createTestBlocksRepo(tx).insertAttemptBlocks(attemptId, planned);
          await recordAudit(tx, { actor, action: 'admission.test_start', entity: 'admission_application', entityId: applicationId, ip: meta.ip, details: { blocks: blocks.length } });
        });
      }
      return candidateView(row);
    },

    /** Opens block n once the blocks before it are over; see test-block-actions.ts. */
    openBlock: blockActions.openBlock,
    /** Finishes block n early (the last one finishes and scores the test). */
    finishBlock: blockActions.finishBlock,

    /** Saves one answer as given; refused unless its block is open and before the block's deadline. */
    async saveAnswer(actor: Actor, applicationId: string, questionId: string, answer: unknown): Promise<{ ok: true }> {
      // One row of a shared statement when all is well; the step-by-step checks below only run to explain a refusal.
      const write = { applicationId, owner: { userId: actor.userId, personId: actor.personId }, questionId, answer, now: clock.now() };
      if (await answers.write(write)) return { ok: true };
      const row = await ownRow(actor, applicationId);
      const attempt = await repo.findAttemptWithAnswers(applicationId);
      if (!attempt) throw conflict('admissions.test_not_open');
      if (attempt.finishedAt) throw conflict('admissions.test_finished');
      const now = clock.now();
      const blocks = attemptBlocksOf(attempt, row.campaign.testDurationMinutes);
      const block = blocks.find((b) => b.questionOrder.includes(questionId));
      const question = (await repo.listQuestions(row.campaign.id)).find((q) => q.id === questionId);
      if (!question || !block) throw new AppError('validation', { fields: [{ path: 'questionId', key: 'admissions.test_unknown_question' }] });
      const hasBlocks = blocks.some((b) => b.blockId !== null);
      const n = block.position + 1;
      const state = blockState(block, now, row.campaign.testClosesAt);
      if (state === 'finished') throw blockConflict('admissions.test_block_finished', n);
      if (state === 'expired' || now.getTime() >= attempt.deadlineAt.getTime()) throw hasBlocks ? blockConflict('admissions.test_block_time_up', n) : conflict('admissions.test_time_up');
      if (state === 'not_started') throw blockConflict('admissions.test_block_not_open', n);
      const fits = question.kind === 'numeric' ? typeof answer === 'number' : Array.isArray(answer) && (question.kind === 'multiple' || answer.length <= 1);
      if (!fits) throw new AppError('validation', { fields: [{ path: 'body.answer', key: 'admissions.test_bad_answer' }] });
      // Nothing found wrong: the state changed between the two reads (a block opened meanwhile). Only the
      // checked statement writes, so a race cannot slip an answer in here either.
      if (await repo.saveAnswerIfAllowed({ ...write, now })) return { ok: true };
      throw hasBlocks ? blockConflict('admissions.test_block_time_up', n) : conflict('admissions.test_time_up');
    },

    /** Staff score, set-based, every attempt whose time is up and that the candidate never finished. */
    async scoreExpired(actor: Actor, campaignId: string, meta: Meta): Promise<{ scored: number }> {
      await deps.campaigns.managedCampaign(actor, campaignId);
      return db.transaction(async (tx) => {
        const scored = await createTestRepo(tx).scoreExpiredAttempts(campaignId, clock.now());
        await recordAudit(tx, { actor, action: 'admission.score_expired_tests', entity: 'admission_campaign', entityId: campaignId, ip: meta.ip, details: { scored } });
        return { scored };
      });
    },

    /** Finishes the whole test now (blocks not yet taken stay unanswered) and records the score. */
    async finish(actor: Actor, applicationId: string, meta: Meta): Promise<CandidateTest> {
      const row = await ownRow(actor, applicationId);
      await db.transaction(async (tx) => {
        const attempt = await createTestRepo(tx).findAttempt(applicationId, { isLocking: true });
        if (!attempt) throw conflict('admissions.test_not_open');
        if (attempt.finishedAt) return;
        await scoreAndFinish(tx, row, attempt, actor, meta);
      });
      return candidateView(row);
    },
  };
}

export type TestService = ReturnType<typeof createTestService>;
