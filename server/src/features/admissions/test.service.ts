import type { z } from 'zod';
import type { CandidateTest, SetTestBody, StaffTestSchema, TestQuestionInput } from '@ms/contracts/admissions';
import type { Database } from '../../db/client.ts';
import type { admissionTestQuestions } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { createLruCache } from '../../lib/lru-cache.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { createWriteBatcher } from '../../lib/write-batcher.ts';
import { createApplicationsRepo } from './applications.repo.ts';
import type { OwnRow } from './applications.present.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { createTestRepo, type AttemptWithAnswers, type TestWindow } from './test.repo.ts';
import { scoreTest, shuffled } from './test-scoring.ts';

type Meta = { ip: string | null };
type QuestionRow = typeof admissionTestQuestions.$inferSelect;
const conflict = (key: 'admissions.test_not_open' | 'admissions.test_time_up' | 'admissions.test_finished' | 'admissions.test_not_allowed' | 'admissions.test_started') =>
  new AppError('conflict', { fields: [{ path: 'id', key }] });

/** The correct answer must name existing options (one for a single choice); numeric needs a number. */
function questionProblems(questions: TestQuestionInput[]): FieldProblem[] {
  return questions.flatMap((q, index) => {
    const keys = new Set(q.options.map((o) => o.key));
    const isNumeric = q.kind === 'numeric';
    const isValid = isNumeric
      ? !Array.isArray(q.correct) && q.options.length === 0
      : Array.isArray(q.correct) && q.options.length >= 2 && keys.size === q.options.length && q.correct.every((k) => keys.has(k)) && (q.kind === 'multiple' || q.correct.length === 1);
    return isValid ? [] : [{ path: `body.questions.${index}.correct`, key: 'admissions.test_bad_question' as const }];
  });
}

/**
 * The online test: staff set the window, the time limit and the question bank; a candidate starts once
 * (their own random order, a deadline fixed at the start and enforced here, not in the browser), saves
 * each answer as given, and finishes; the score (0–100) becomes the application's test score.
 */
export function createTestService(deps: { db: Database; clock: Clock; campaigns: CampaignsService }) {
  const { db, clock } = deps;
  const repo = createTestRepo(db);
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

  // A campaign's question bank is frozen once anyone has started (setTest refuses then, and answers hold
  // the questions by foreign key): 2,000 candidates opening the test page need not read it 2,000 times.
  const banks = createLruCache<Map<string, QuestionRow>>(100);
  async function questionBank(campaignId: string, order: readonly string[]): Promise<Map<string, QuestionRow>> {
    const cached = banks.get(campaignId);
    if (cached && order.every((id) => cached.has(id))) return cached;
    const bank = new Map((await repo.listQuestions(campaignId)).map((q) => [q.id, q]));
    // Only asked with an attempt's order in hand, i.e. once the bank can no longer change.
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

  async function candidateView(row: OwnRow): Promise<CandidateTest> {
    const c = row.campaign;
    const window = { campaignId: c.id, testOpensAt: c.testOpensAt, testClosesAt: c.testClosesAt, testDurationMinutes: c.testDurationMinutes };
    return view(window, await repo.findAttemptWithAnswers(row.application.id));
  }

  async function view(window: TestWindow, attempt: AttemptWithAnswers | null): Promise<CandidateTest> {
    const base = {
      opensAt: window.testOpensAt?.toISOString() ?? null,
      closesAt: window.testClosesAt?.toISOString() ?? null,
      durationMinutes: window.testDurationMinutes,
    };
    if (!attempt) return { ...base, state: 'not_started', startedAt: null, deadlineAt: null, secondsLeft: null, questions: [], score: null };
    const byId = await questionBank(window.campaignId, attempt.questionOrder);
    const answers = new Map(Object.entries(attempt.answers));
    const isFinished = attempt.finishedAt !== null;
    return {
      ...base,
      state: isFinished ? 'finished' : 'in_progress',
      startedAt: attempt.startedAt.toISOString(),
      deadlineAt: attempt.deadlineAt.toISOString(),
      secondsLeft: isFinished ? 0 : Math.max(0, Math.floor((attempt.deadlineAt.getTime() - clock.now().getTime()) / 1000)),
      questions: attempt.questionOrder
        .map((id) => byId.get(id))
        .filter((q): q is QuestionRow => Boolean(q))
        .map((q) => ({ id: q.id, kind: q.kind as 'single', textRu: q.textRu, textEn: q.textEn, options: q.options, answer: answers.get(q.id) ?? null })),
      score: attempt.score,
    };
  }

  return {
    async getStaffTest(actor: Actor, campaignId: string): Promise<z.infer<typeof StaffTestSchema>> {
      const campaign = await deps.campaigns.managedCampaign(actor, campaignId);
      const questions = await repo.listQuestions(campaignId);
      return {
        opensAt: campaign.campaign.testOpensAt?.toISOString() ?? null,
        closesAt: campaign.campaign.testClosesAt?.toISOString() ?? null,
        durationMinutes: campaign.campaign.testDurationMinutes,
        questions: questions.map((q) => ({ id: q.id, kind: q.kind as 'single', textRu: q.textRu, textEn: q.textEn, options: q.options, correct: q.correct as string[], points: q.points })),
        attempts: await repo.countAttempts(campaignId),
      };
    },

    /** Sets the window, the time limit and the whole question bank (only before anyone has started). */
    async setTest(actor: Actor, campaignId: string, body: SetTestBody, meta: Meta) {
      await deps.campaigns.managedCampaign(actor, campaignId);
      const problems = questionProblems(body.questions);
      if (new Date(body.closesAt).getTime() <= new Date(body.opensAt).getTime()) problems.push({ path: 'body.closesAt', key: 'admissions.close_before_open' });
      if (problems.length > 0) throw new AppError('validation', { fields: problems });
      await db.transaction(async (tx) => {
        const txRepo = createTestRepo(tx);
        if ((await txRepo.countAttempts(campaignId)) > 0) throw conflict('admissions.test_started');
        await txRepo.replaceQuestions(campaignId, body.questions.map((q, position) => ({ ...q, position })));
        await txRepo.setWindow(campaignId, { testOpensAt: new Date(body.opensAt), testClosesAt: new Date(body.closesAt), testDurationMinutes: body.durationMinutes, updatedAt: clock.now() });
        await recordAudit(tx, { actor, action: 'admission.set_test', entity: 'admission_campaign', entityId: campaignId, ip: meta.ip, details: { questions: body.questions.length } });
      });
      return this.getStaffTest(actor, campaignId);
    },

    async getOwnTest(actor: Actor, applicationId: string): Promise<CandidateTest> {
      const found = await repo.findOwnTest(applicationId, actor);
      if (!found) throw new AppError('not_found');
      return view(found.window, found.attempt);
    },

    /** Starts the attempt inside the window; the deadline is the earlier of start + duration and the window's end. */
    async start(actor: Actor, applicationId: string, meta: Meta): Promise<CandidateTest> {
      const row = await ownRow(actor, applicationId);
      requireAllowed(row);
      const c = row.campaign;
      const now = clock.now();
      const existing = await repo.findAttempt(applicationId);
      if (!existing) {
        if (!c.testOpensAt || !c.testClosesAt || !c.testDurationMinutes || now < c.testOpensAt || now >= c.testClosesAt) throw conflict('admissions.test_not_open');
        const questions = await repo.listQuestions(c.id);
        if (questions.length === 0) throw conflict('admissions.test_not_open');
        const deadline = Math.min(now.getTime() + c.testDurationMinutes * 60_000, c.testClosesAt.getTime());
        await db.transaction(async (tx) => {
          await createTestRepo(tx).insertAttempt({ applicationId, questionOrder: shuffled(questions.map((q) => q.id)), startedAt: now, deadlineAt: new Date(deadline) });
          await recordAudit(tx, { actor, action: 'admission.test_start', entity: 'admission_application', entityId: applicationId, ip: meta.ip });
        });
      }
      return candidateView(row);
    },

    /** Saves one answer as given; refused once the deadline has passed or the attempt is finished. */
    async saveAnswer(actor: Actor, applicationId: string, questionId: string, answer: unknown): Promise<{ ok: true }> {
      // One row of a shared statement when all is well; the step-by-step checks below only run to explain a refusal.
      if (await answers.write({ applicationId, owner: { userId: actor.userId, personId: actor.personId }, questionId, answer, now: clock.now() })) return { ok: true };
      const row = await ownRow(actor, applicationId);
      const attempt = await repo.findAttempt(applicationId);
      if (!attempt) throw conflict('admissions.test_not_open');
      if (attempt.finishedAt) throw conflict('admissions.test_finished');
      const now = clock.now();
      if (now.getTime() >= attempt.deadlineAt.getTime()) throw conflict('admissions.test_time_up');
      const question = (await repo.listQuestions(row.campaign.id)).find((q) => q.id === questionId);
      if (!question || !attempt.questionOrder.includes(questionId)) throw new AppError('validation', { fields: [{ path: 'questionId', key: 'admissions.test_unknown_question' }] });
      const fits = question.kind === 'numeric' ? typeof answer === 'number' : Array.isArray(answer) && (question.kind === 'multiple' || answer.length <= 1);
      if (!fits) throw new AppError('validation', { fields: [{ path: 'body.answer', key: 'admissions.test_bad_answer' }] });
      await repo.saveAnswer({ attemptId: attempt.id, questionId, answer, answeredAt: now });
      return { ok: true };
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

    /** Scores what was saved (also after the deadline: nothing late was accepted) and records the score. */
    async finish(actor: Actor, applicationId: string, meta: Meta): Promise<CandidateTest> {
      const row = await ownRow(actor, applicationId);
      await db.transaction(async (tx) => {
        const txRepo = createTestRepo(tx);
        const attempt = await txRepo.findAttempt(applicationId, { isLocking: true });
        if (!attempt) throw conflict('admissions.test_not_open');
        if (attempt.finishedAt) return;
        const questions = (await txRepo.listQuestions(row.campaign.id)).filter((q) => attempt.questionOrder.includes(q.id));
        const answers = new Map((await txRepo.listAnswers(attempt.id)).map((a) => [a.questionId, a.answer]));
        const score = scoreTest(questions, answers);
        await txRepo.finishAttempt(attempt.id, applicationId, score, clock.now());
        await recordAudit(tx, { actor, action: 'admission.test_finish', entity: 'admission_application', entityId: applicationId, ip: meta.ip, details: { score } });
      });
      return candidateView(row);
    },
  };
}

export type TestService = ReturnType<typeof createTestService>;
