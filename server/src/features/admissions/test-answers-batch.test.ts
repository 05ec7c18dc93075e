import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { admissionApplications, admissionTestAnswers, admissionTestAttemptBlocks, admissionTestAttempts, admissionTestQuestions } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { buildCampaign, buildSubmittedApplication } from '../../../test/admissions.ts';
import { buildProgrammeTree, buildUser } from '../../../test/factories.ts';
import { createTestRepo } from './test.repo.ts';
import { createTestBlocksRepo } from './test-blocks.repo.ts';

// The group-commit statement must accept and refuse exactly what the one-answer statement does.
const NOW = new Date('2026-03-01T09:10:00Z');
const DEADLINE = new Date('2026-03-01T09:30:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

type Item = Parameters<ReturnType<typeof createTestRepo>['saveAnswersIfAllowed']>[0][number];

async function questionsOf(campaignId: string) {
  const rows = await t.db
    .insert(admissionTestQuestions)
    .values([
      { campaignId, position: 0, kind: 'single', textRu: 'В1', textEn: 'Q1', options: [{ key: 'a', textRu: 'А', textEn: 'A' }, { key: 'b', textRu: 'Б', textEn: 'B' }], correct: ['a'] },
      { campaignId, position: 1, kind: 'multiple', textRu: 'В2', textEn: 'Q2', options: [{ key: 'a', textRu: 'А', textEn: 'A' }, { key: 'b', textRu: 'Б', textEn: 'B' }], correct: ['a', 'b'] },
      { campaignId, position: 2, kind: 'numeric', textRu: 'В3', textEn: 'Q3', correct: { value: 3, tolerance: 0 } },
      { campaignId, position: 3, kind: 'numeric', textRu: 'В4', textEn: 'Q4', correct: { value: 4, tolerance: 0 } },
    ])
    .returning();
  return { single: rows[0]!.id, multiple: rows[1]!.id, numeric: rows[2]!.id, notInOrder: rows[3]!.id };
}

type BlockRow = Omit<typeof admissionTestAttemptBlocks.$inferInsert, 'attemptId' | 'position'>;

/**
 * A candidate with a signed-in account and an attempt (over the first three questions unless told):
 * one open block holding the whole order, as a bank without blocks has, unless blocks are given.
 */
async function candidate(campaignId: string, questionOrder: string[], attempt: { deadlineAt?: Date; finishedAt?: Date; blocks?: BlockRow[] } = {}) {
  const { application, person } = await buildSubmittedApplication(t.db, campaignId, 'RU-PER');
  const user = await buildUser(t.db, { personId: person.id });
  await t.db.update(admissionApplications).set({ userId: user.id }).where(eq(admissionApplications.id, application.id));
  const [row] = await t.db
    .insert(admissionTestAttempts)
    .values({ applicationId: application.id, questionOrder, startedAt: new Date('2026-03-01T09:00:00Z'), deadlineAt: attempt.deadlineAt ?? DEADLINE, finishedAt: attempt.finishedAt ?? null })
    .returning();
  const deadlineAt = attempt.deadlineAt ?? DEADLINE;
  const blocks = attempt.blocks ?? [{ timeLimitMinutes: 30, questionOrder, startedAt: new Date('2026-03-01T09:00:00Z'), deadlineAt, finishedAt: attempt.finishedAt ?? null }];
  await t.db.insert(admissionTestAttemptBlocks).values(blocks.map((b, position) => ({ ...b, attemptId: row!.id, position })));
  return { applicationId: application.id, attemptId: row!.id, owner: { userId: user.id, personId: person.id } };
}

type Tx = Parameters<Parameters<TestApp['db']['transaction']>[0]>[0];

/**
 * Holds `lockingWork` open in a transaction while the batch and the one-answer statements try to save `item`:
 * both must wait for it to commit and then refuse, storing nothing.
 */
async function expectRefusedAfter(attemptId: string, item: Parameters<ReturnType<typeof createTestRepo>['saveAnswerIfAllowed']>[0], lockingWork: (tx: Tx) => Promise<void>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let isLocked!: () => void;
  const locked = new Promise<void>((resolve) => (isLocked = resolve));
  const held = t.db.transaction(async (tx) => {
    await lockingWork(tx);
    isLocked();
    await released;
  });
  await locked;
  const repo = createTestRepo(t.db);
  const batch = repo.saveAnswersIfAllowed([item]);
  const single = repo.saveAnswerIfAllowed(item);
  // Long enough for both statements to reach the lock and wait on it.
  await new Promise((resolve) => setTimeout(resolve, 100));
  release();
  await held;
  expect((await batch).size).toBe(0);
  expect(await single).toBe(false);
  expect(await t.db.select().from(admissionTestAnswers).where(eq(admissionTestAnswers.attemptId, attemptId))).toHaveLength(0);
}

describe('answers written in one batch', () => {
  it('accepts and refuses each answer exactly as the one-answer statement does', async () => {
    const tree = await buildProgrammeTree(t.db);
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const other = await buildCampaign(t.db, tree.intake.id);
    const q = await questionsOf(campaign.id);
    const foreign = await questionsOf(other.id);
    const order = [q.single, q.multiple, q.numeric];
    const alice = await candidate(campaign.id, order);
    const bob = await candidate(campaign.id, order);
    const late = await candidate(campaign.id, order, { deadlineAt: NOW });
    const finished = await candidate(campaign.id, order, { finishedAt: new Date('2026-03-01T09:05:00Z') });
    // Three blocks: the first finished early, the second open, the third not opened yet; and one whose open block ran out.
    const started = new Date('2026-03-01T09:00:00Z');
    const blocked = await candidate(campaign.id, order, {
      blocks: [
        { timeLimitMinutes: 5, questionOrder: [q.single], startedAt: started, deadlineAt: new Date('2026-03-01T09:05:00Z'), finishedAt: new Date('2026-03-01T09:03:00Z') },
        { timeLimitMinutes: 20, questionOrder: [q.multiple], startedAt: new Date('2026-03-01T09:03:00Z'), deadlineAt: new Date('2026-03-01T09:23:00Z') },
        { timeLimitMinutes: 20, questionOrder: [q.numeric] },
      ],
    });
    const expired = await candidate(campaign.id, order, {
      blocks: [
        { timeLimitMinutes: 5, questionOrder: [q.single], startedAt: started, deadlineAt: NOW },
        { timeLimitMinutes: 20, questionOrder: [q.multiple, q.numeric] },
      ],
    });
    const answer = (who: typeof alice, questionId: string, value: unknown, now = NOW): Item => ({ applicationId: who.applicationId, owner: who.owner, questionId, answer: value, now });
    const cases: Array<[string, Item, boolean]> = [
      ['a single choice', answer(alice, q.single, ['a']), true],
      ['a multiple choice', answer(alice, q.multiple, ['b', 'a']), true],
      ['a number', answer(alice, q.numeric, 3), true],
      ['an empty choice (clears the answer)', answer(bob, q.single, []), true],
      ['two keys for a single choice', answer(bob, q.single, ['a', 'b']), false],
      ['a number for a choice', answer(bob, q.multiple, 1), false],
      ['a choice for a number', answer(bob, q.numeric, ['a']), false],
      ['someone else’s application', { ...answer(alice, q.single, ['a']), owner: bob.owner }, false],
      ['a question of another campaign', answer(bob, foreign.single, ['a']), false],
      ['a question outside the candidate’s order', answer(bob, q.notInOrder, 4), false],
      ['an unknown question', answer(bob, '00000000-0000-4000-8000-000000000000', 1), false],
      ['an answer at the deadline', answer(late, q.numeric, 3), false],
      ['an answer just before the deadline', answer(late, q.numeric, 3, new Date(NOW.getTime() - 1)), true],
      ['an answer to a finished attempt', answer(finished, q.numeric, 3), false],
      ['an answer in the open block', answer(blocked, q.multiple, ['a']), true],
      ['an answer in a block finished early', answer(blocked, q.single, ['a']), false],
      ['an answer in a block not opened yet', answer(blocked, q.numeric, 3), false],
      ['an answer at the block’s deadline', answer(expired, q.single, ['a']), false],
      ['an answer just before the block’s deadline', answer(expired, q.single, ['a'], new Date(NOW.getTime() - 1)), true],
      ['an answer in the block after an expired one, never opened', answer(expired, q.numeric, 3), false],
    ];
    const items = cases.map(([, item]) => item);
    // The batch first, in a transaction rolled back, so that both statements see the same rows.
    let batch = new Set<number>();
    await t.db
      .transaction(async (tx) => {
        batch = await createTestRepo(tx).saveAnswersIfAllowed(items);
        tx.rollback();
      })
      .catch(() => undefined);
    const repo = createTestRepo(t.db);
    const single: boolean[] = [];
    for (const item of items) single.push(await repo.saveAnswerIfAllowed(item));
    const expected = cases.map(([name, , isAccepted]) => [name, isAccepted]);
    expect(cases.map(([name], i) => [name, single[i]])).toEqual(expected);
    expect(cases.map(([name], i) => [name, batch.has(i)])).toEqual(expected);
  });

  it('keeps the later of two answers to the same question in one batch, and both callers are told it was saved', async () => {
    const tree = await buildProgrammeTree(t.db);
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const q = await questionsOf(campaign.id);
    const carol = await candidate(campaign.id, [q.single, q.multiple, q.numeric]);
    const base = { applicationId: carol.applicationId, owner: carol.owner, now: NOW };
    const accepted = await createTestRepo(t.db).saveAnswersIfAllowed([
      { ...base, questionId: q.single, answer: ['b'] },
      { ...base, questionId: q.numeric, answer: 7 },
      { ...base, questionId: q.single, answer: ['a'] },
      // A refused third answer does not undo the accepted second one.
      { ...base, questionId: q.single, answer: 5 },
    ]);
    expect([...accepted].sort()).toEqual([0, 1, 2]);
    const rows = await t.db.select().from(admissionTestAnswers).where(eq(admissionTestAnswers.attemptId, carol.attemptId));
    expect(Object.fromEntries(rows.map((r) => [r.questionId, r.answer]))).toEqual({ [q.single]: ['a'], [q.numeric]: 7 });
  });

  it('waits for a finish in progress and then refuses the answer, so nothing lands after the score', async () => {
    const tree = await buildProgrammeTree(t.db);
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const q = await questionsOf(campaign.id);
    const dave = await candidate(campaign.id, [q.single, q.multiple, q.numeric]);
    const item = { applicationId: dave.applicationId, owner: dave.owner, questionId: q.numeric, answer: 3, now: NOW };
    // What the finish does: lock the attempt, score, mark it finished, commit.
    await expectRefusedAfter(dave.attemptId, item, async (tx) => {
      await createTestRepo(tx).findAttempt(dave.applicationId, { isLocking: true });
      await tx.update(admissionTestAttempts).set({ finishedAt: NOW, score: 0 }).where(eq(admissionTestAttempts.id, dave.attemptId));
    });
  });

  it('waits for a block’s finish in progress and then refuses the answer to that block', async () => {
    const tree = await buildProgrammeTree(t.db);
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const q = await questionsOf(campaign.id);
    const erin = await candidate(campaign.id, [q.single, q.multiple, q.numeric], {
      blocks: [
        { timeLimitMinutes: 30, questionOrder: [q.single, q.numeric], startedAt: new Date('2026-03-01T09:00:00Z'), deadlineAt: DEADLINE },
        { timeLimitMinutes: 30, questionOrder: [q.multiple] },
      ],
    });
    const item = { applicationId: erin.applicationId, owner: erin.owner, questionId: q.numeric, answer: 3, now: NOW };
    // What finishing block 1 does: lock the attempt, close the block, commit.
    await expectRefusedAfter(erin.attemptId, item, async (tx) => {
      await createTestRepo(tx).findAttempt(erin.applicationId, { isLocking: true });
      await createTestBlocksRepo(tx).finishOpenBlocks(erin.attemptId, NOW, 0);
    });
  });

  it('writes answers of many candidates in one statement and overwrites earlier answers', async () => {
    const tree = await buildProgrammeTree(t.db);
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const q = await questionsOf(campaign.id);
    const people = await Promise.all(Array.from({ length: 20 }, () => candidate(campaign.id, [q.single, q.multiple, q.numeric])));
    const repo = createTestRepo(t.db);
    const send = (value: number) => repo.saveAnswersIfAllowed(people.map((p) => ({ applicationId: p.applicationId, owner: p.owner, questionId: q.numeric, answer: value, now: NOW })));
    expect((await send(1)).size).toBe(20);
    expect((await send(2)).size).toBe(20);
    const rows = await t.db.select().from(admissionTestAnswers).where(eq(admissionTestAnswers.questionId, q.numeric));
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.answer === 2)).toBe(true);
  });
});
