import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { admissionApplications, admissionTestAnswers, admissionTestAttempts, admissionTestQuestions } from '../../db/schema/index.ts';
import { buildTestApp, signInWithRole, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildCampaign, buildSubmittedApplication } from '../../../test/admissions.ts';
import { buildProgrammeTree } from '../../../test/factories.ts';
import { scoreTest } from './test-scoring.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let staff: TestAgent;
let otherStaff: TestAgent;
beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildProgrammeTree(t.db);
  const other = await buildProgrammeTree(t.db);
  staff = await signInWithRole(t, tree, 'staff');
  otherStaff = await signInWithRole(t, other, 'staff');
});
afterAll(async () => t?.close());

const options = [
  { key: 'a', textRu: 'А', textEn: 'A' },
  { key: 'b', textRu: 'Б', textEn: 'B' },
  { key: 'c', textRu: 'В', textEn: 'C' },
];
const QUESTIONS = [
  { kind: 'single', correct: ['a'], points: 1, options },
  { kind: 'multiple', correct: ['a', 'c'], points: 2, options },
  { kind: 'numeric', correct: { value: 550_000, tolerance: 0 }, points: 1, options: [] },
  { kind: 'numeric', correct: { value: 0.3, tolerance: 0.1 }, points: 3, options: [] },
];
/** Answers as candidates give them: right, wrong, duplicated, empty, of the wrong type, on the tolerance's edge. */
const ANSWER_POOL: unknown[] = [['a'], ['b'], ['a', 'c'], ['c', 'a', 'a'], ['a', 'b', 'c'], [], 550_000, 549_999.5, 0.4, 0.2, 0.1 + 0.2, 0.45, 'a', ['c']];

describe('set-based scoring of expired attempts', () => {
  it('scores every expired, unfinished attempt exactly as the candidate’s own finish would', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const questions = await t.db
      .insert(admissionTestQuestions)
      .values(QUESTIONS.map((q, position) => ({ ...q, campaignId: campaign.id, position, textRu: `Вопрос ${position}`, textEn: `Question ${position}` })))
      .returning();
    const past = new Date(Date.now() - 60_000);
    const expected = new Map<string, number>();
    let seed = 7;
    const next = () => (seed = (seed * 48_271) % 2_147_483_647);
    for (let i = 0; i < 40; i += 1) {
      const { application } = await buildSubmittedApplication(t.db, campaign.id, 'RU-SAM');
      // The last question is left out of some candidates' order (a bank changed for them is not scored on it).
      const order = questions.filter((_, k) => k < 3 || i % 4 !== 0);
      const [attempt] = await t.db.insert(admissionTestAttempts).values({ applicationId: application.id, questionOrder: order.map((q) => q.id), startedAt: past, deadlineAt: past }).returning();
      const answers = new Map<string, unknown>();
      for (const q of order) if (next() % 5 !== 0) answers.set(q.id, ANSWER_POOL[next() % ANSWER_POOL.length]);
      if (answers.size > 0) await t.db.insert(admissionTestAnswers).values([...answers].map(([questionId, answer]) => ({ attemptId: attempt!.id, questionId, answer, answeredAt: past })));
      expected.set(application.id, scoreTest(order, answers));
    }
    // Not touched: a finished attempt and one still running.
    const { application: finished } = await buildSubmittedApplication(t.db, campaign.id, 'RU-SAM', { testScore: 12 });
    await t.db.insert(admissionTestAttempts).values({ applicationId: finished.id, questionOrder: [questions[0]!.id], startedAt: past, deadlineAt: past, finishedAt: past, score: 12 });
    const { application: running } = await buildSubmittedApplication(t.db, campaign.id, 'RU-SAM');
    await t.db.insert(admissionTestAttempts).values({ applicationId: running.id, questionOrder: [questions[0]!.id], startedAt: past, deadlineAt: new Date(Date.now() + 3_600_000) });

    const response = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/test/score` });
    expect(response.json()).toEqual({ scored: 40 });
    const rows = await t.db.select().from(admissionApplications).where(inArray(admissionApplications.id, [...expected.keys(), finished.id, running.id]));
    const actual = new Map(rows.map((r) => [r.id, r.testScore]));
    for (const [id, score] of expected) expect(actual.get(id), id).toBe(score);
    expect(actual.get(finished.id)).toBe(12);
    expect(actual.get(running.id)).toBeNull();
    const again = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/test/score` });
    expect(again.json()).toEqual({ scored: 0 });
    const [attempt] = await t.db.select().from(admissionTestAttempts).where(eq(admissionTestAttempts.applicationId, running.id));
    expect(attempt!.finishedAt).toBeNull();
  });

  it('answers 404 to staff of another programme', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id);
    expect((await otherStaff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/test/score` })).statusCode).toBe(404);
  });
});
