import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { admissionApplications, admissionTestAnswers, auditLog } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildCampaign, buildSubmittedApplication } from '../../../test/admissions.ts';
import { buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';

// The server's clock, moved by the tests: block deadlines are enforced by it, not by the browser.
let now = new Date('2026-03-01T09:00:00Z');
const clock = { now: () => now };
let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
beforeAll(async () => {
  t = await buildTestApp({ clock });
  tree = await buildProgrammeTree(t.db);
});
afterAll(async () => t?.close());

const at = (iso: string) => (now = new Date(iso));
const options = [
  { key: 'a', textRu: 'А', textEn: 'A' },
  { key: 'b', textRu: 'Б', textEn: 'B' },
];
const single = (n: number, block?: string) => ({ kind: 'single', textRu: `Вопрос ${n}`, textEn: `Question ${n}`, options, correct: ['a'], ...(block ? { block } : {}) });
const BLOCKS = [
  { key: 'goals', titleRu: 'Национальные цели', titleEn: 'National goals', timeLimitMinutes: 10 },
  { key: 'finance', titleRu: 'Финансы', titleEn: 'Finance', timeLimitMinutes: 20 },
  { key: 'cases', titleRu: 'Кейсы', titleEn: 'Cases', timeLimitMinutes: 15 },
];
// Two questions in the first block, one in the second, two in the third: 5 points in all.
const QUESTIONS = [single(1, 'goals'), single(2, 'finance'), single(3, 'goals'), single(4, 'cases'), single(5, 'cases')];
const WINDOW = { opensAt: '2026-03-01T06:00:00Z', closesAt: '2026-03-03T06:00:00Z' };

async function signInStaff(): Promise<TestAgent> {
  const user = await buildUser(t.db, { grants: [{ role: 'staff', organisationId: tree.organisation.id, programmeId: tree.programme.id }] });
  return signIn(t.app, user.email, TEST_PASSWORD);
}

/** A campaign whose test is in three blocks, and a candidate signed in as its applicant; question ids by block. */
async function setUp(body: Record<string, unknown> = { ...WINDOW, blocks: BLOCKS, questions: QUESTIONS }) {
  const staff = await signInStaff();
  const campaign = await buildCampaign(t.db, tree.intake.id, { opensAt: new Date('2026-01-01T00:00:00Z'), closesAt: new Date('2026-02-01T00:00:00Z') });
  const set = await staff.request({ method: 'PUT', url: `/api/admissions/campaigns/${campaign.id}/test`, payload: body });
  expect(set.statusCode).toBe(200);
  const ids: Record<string, string[]> = {};
  for (const q of set.json().questions as Array<{ id: string; block?: string }>) (ids[q.block ?? 'none'] ??= []).push(q.id);
  const { application, person } = await buildSubmittedApplication(t.db, campaign.id, 'RU-PER');
  const user = await buildUser(t.db, { personId: person.id });
  await t.db.update(admissionApplications).set({ userId: user.id }).where(eq(admissionApplications.id, application.id));
  const candidate = await signIn(t.app, user.email, TEST_PASSWORD);
  const url = `/api/me/applications/${application.id}/test`;
  const answer = (questionId: string, value: unknown = ['a']) => candidate.request({ method: 'PUT', url: `${url}/answers/${questionId}`, payload: { answer: value } });
  const stored = async (questionIds: string[]) => t.db.select().from(admissionTestAnswers).where(inArray(admissionTestAnswers.questionId, questionIds));
  return { staff, campaign, application, candidate, url, ids, answer, stored, set: set.json() };
}

const message = (response: { json: () => { errors: Array<{ message: string }> } }) => response.json().errors[0]!.message;

describe('an online test in blocks', () => {
  it('shows the blocks before the start, then only the open block’s questions with its own deadline', async () => {
    at('2026-03-01T09:00:00Z');
    const { candidate, url, ids, set } = await setUp();
    expect(set).toMatchObject({ durationMinutes: 45, blocks: BLOCKS });
    const before = (await candidate.request({ method: 'GET', url })).json();
    expect(before).toMatchObject({ state: 'not_started', currentBlock: 1, questions: [] });
    expect(before.blocks.map((b: { titleEn: string; timeLimitMinutes: number; questionCount: number }) => [b.titleEn, b.timeLimitMinutes, b.questionCount])).toEqual([
      ['National goals', 10, 2],
      ['Finance', 20, 1],
      ['Cases', 15, 2],
    ]);
    const started = (await candidate.request({ method: 'POST', url: `${url}/start` })).json();
    expect(started).toMatchObject({ state: 'in_progress', currentBlock: 1, deadlineAt: '2026-03-01T09:10:00.000Z', secondsLeft: 600 });
    expect(started.blocks.map((b: { state: string }) => b.state)).toEqual(['open', 'not_started', 'not_started']);
    expect(started.questions.map((q: { id: string }) => q.id).sort()).toEqual([...ids.goals!].sort());
    expect(JSON.stringify(started)).not.toContain('correct');
  });

  it('refuses an answer to a block not opened yet and stores nothing', async () => {
    at('2026-03-01T10:00:00Z');
    const { candidate, url, ids, answer, stored } = await setUp();
    await candidate.request({ method: 'POST', url: `${url}/start` });
    const early = await answer(ids.finance![0]!);
    expect(early.statusCode).toBe(409);
    expect(message(early)).toBe('Блок 2 ещё не открыт');
    expect(await stored(ids.finance!)).toHaveLength(0);
    // Nor can block 3 be opened before block 2 is taken.
    const skip = await candidate.request({ method: 'POST', url: `${url}/blocks/3/start` });
    expect(skip.statusCode).toBe(409);
    expect(message(skip)).toBe('Сначала пройдите блок 1');
  });

  it('finishes a block early: its answers are final, it cannot be reopened, and the next block starts when opened', async () => {
    at('2026-03-01T11:00:00Z');
    const { candidate, url, ids, answer, stored, application } = await setUp();
    await candidate.request({ method: 'POST', url: `${url}/start` });
    expect((await answer(ids.goals![0]!)).statusCode).toBe(200);
    at('2026-03-01T11:04:00Z');
    const finished = (await candidate.request({ method: 'POST', url: `${url}/blocks/1/finish` })).json();
    expect(finished).toMatchObject({ state: 'in_progress', currentBlock: 2, questions: [], secondsLeft: null });
    expect(finished.blocks.map((b: { state: string }) => b.state)).toEqual(['finished', 'not_started', 'not_started']);
    const late = await answer(ids.goals![0]!, ['b']);
    expect(late.statusCode).toBe(409);
    expect(message(late)).toBe('Блок 1 уже завершён: его ответы больше не меняются');
    expect((await stored(ids.goals!)).map((a) => a.answer)).toEqual([['a']]);
    expect((await candidate.request({ method: 'POST', url: `${url}/blocks/1/start` })).statusCode).toBe(409);
    // Block 2 starts when the candidate opens it, not when block 1 ended.
    at('2026-03-01T12:00:00Z');
    const second = (await candidate.request({ method: 'POST', url: `${url}/blocks/2/start` })).json();
    expect(second).toMatchObject({ currentBlock: 2, deadlineAt: '2026-03-01T12:20:00.000Z' });
    expect(second.questions.map((q: { id: string }) => q.id)).toEqual(ids.finance);
    // Opening the open block again (a retried request) changes nothing.
    at('2026-03-01T12:05:00Z');
    expect((await candidate.request({ method: 'POST', url: `${url}/blocks/2/start` })).json().deadlineAt).toBe('2026-03-01T12:20:00.000Z');
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, application.id), inArray(auditLog.action, ['admission.test_block_start', 'admission.test_block_finish'])));
    expect(audit.map((a) => [a.action, a.details.block]).sort()).toEqual([
      ['admission.test_block_finish', 1],
      ['admission.test_block_start', 2],
    ]);
  });

  it('refuses an answer after the block’s deadline and stores nothing, then lets the next block open', async () => {
    at('2026-03-01T13:00:00Z');
    const { candidate, url, ids, answer, stored } = await setUp();
    await candidate.request({ method: 'POST', url: `${url}/start` });
    at('2026-03-01T13:10:00Z');
    const late = await answer(ids.goals![1]!);
    expect(late.statusCode).toBe(409);
    expect(message(late)).toBe('Время блока 1 истекло: ответы после его окончания не принимаются');
    expect(await stored(ids.goals!)).toHaveLength(0);
    const view = (await candidate.request({ method: 'GET', url })).json();
    expect(view).toMatchObject({ currentBlock: 2, questions: [] });
    expect(view.blocks[0].state).toBe('expired');
    expect((await candidate.request({ method: 'POST', url: `${url}/blocks/1/start` })).statusCode).toBe(409);
    expect((await candidate.request({ method: 'POST', url: `${url}/blocks/2/start` })).statusCode).toBe(200);
  });

  it('cuts a block short at the window’s close, and scores the test when the last block is finished', async () => {
    at('2026-03-03T05:00:00Z');
    const { candidate, url, ids, answer, application } = await setUp();
    await candidate.request({ method: 'POST', url: `${url}/start` });
    for (const id of ids.goals!) expect((await answer(id)).statusCode).toBe(200);
    await candidate.request({ method: 'POST', url: `${url}/blocks/1/finish` });
    await candidate.request({ method: 'POST', url: `${url}/blocks/2/start` });
    await candidate.request({ method: 'POST', url: `${url}/blocks/2/finish` });
    at('2026-03-03T05:50:00Z');
    const last = (await candidate.request({ method: 'POST', url: `${url}/blocks/3/start` })).json();
    // 15 minutes from 05:50 would end at 06:05; the window closes at 06:00.
    expect(last).toMatchObject({ currentBlock: 3, deadlineAt: '2026-03-03T06:00:00.000Z', secondsLeft: 600 });
    expect((await answer(ids.cases![0]!)).statusCode).toBe(200);
    at('2026-03-03T06:00:01Z');
    const late = await answer(ids.cases![1]!);
    expect(late.statusCode).toBe(409);
    expect(message(late)).toBe('Время блока 3 истекло: ответы после его окончания не принимаются');
    const done = (await candidate.request({ method: 'POST', url: `${url}/blocks/3/finish` })).json();
    // Right: both of block 1 and one of block 3, 3 points of 5.
    expect(done).toMatchObject({ state: 'finished', score: 60, currentBlock: null, questions: [] });
    const [row] = await t.db.select().from(admissionApplications).where(eq(admissionApplications.id, application.id));
    expect(row!.testScore).toBe(60);
  });

  it('lets staff score a candidate who left between blocks once the window has closed, not before', async () => {
    at('2026-03-02T09:00:00Z');
    const { staff, campaign, candidate, url, ids, answer, application } = await setUp();
    await candidate.request({ method: 'POST', url: `${url}/start` });
    expect((await answer(ids.goals![0]!)).statusCode).toBe(200);
    await candidate.request({ method: 'POST', url: `${url}/blocks/1/finish` });
    const score = () => staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/test/score` });
    // Blocks 2 and 3 can still be taken until the window closes.
    expect((await score()).json()).toEqual({ scored: 0 });
    at('2026-03-03T06:00:00Z');
    const fresh = await signInStaff();
    expect((await fresh.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/test/score` })).json()).toEqual({ scored: 1 });
    const [row] = await t.db.select().from(admissionApplications).where(eq(admissionApplications.id, application.id));
    expect(row!.testScore).toBe(20);
  });

  it('keeps a bank without blocks as before: one deadline for the whole test, all questions, no block list', async () => {
    at('2026-03-01T14:00:00Z');
    const { candidate, url, set } = await setUp({ ...WINDOW, durationMinutes: 30, questions: [single(1), single(2)] });
    expect(set).toMatchObject({ durationMinutes: 30, blocks: [] });
    expect((await candidate.request({ method: 'GET', url })).json()).toMatchObject({ state: 'not_started', blocks: [], currentBlock: null });
    const started = (await candidate.request({ method: 'POST', url: `${url}/start` })).json();
    expect(started).toMatchObject({ blocks: [], currentBlock: null, deadlineAt: '2026-03-01T14:30:00.000Z' });
    expect(started.questions).toHaveLength(2);
    at('2026-03-01T14:30:00Z');
    const late = await candidate.request({ method: 'PUT', url: `${url}/answers/${started.questions[0].id}`, payload: { answer: ['a'] } });
    expect(message(late)).toContain('Время теста истекло');
  });

  it('names the field of every problem in a bank’s blocks, with a translated message', async () => {
    const staff = await signInStaff();
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const put = (body: Record<string, unknown>) => staff.request({ method: 'PUT', url: `/api/admissions/campaigns/${campaign.id}/test`, payload: body });
    const errors = async (body: Record<string, unknown>) => {
      const response = await put(body);
      expect(response.statusCode).toBe(400);
      return Object.fromEntries((response.json().errors as Array<{ path: string; message: string }>).map((e) => [e.path, e.message]));
    };
    const blocks = [BLOCKS[0], { ...BLOCKS[1], key: 'goals' }, BLOCKS[2]];
    expect(await errors({ ...WINDOW, blocks, questions: [single(1, 'goals'), single(2, 'nowhere'), single(3)] })).toEqual({
      'body.blocks.1.key': 'Блок с таким ключом уже есть',
      'body.questions.1.block': 'Такого блока нет в тесте',
      'body.questions.2.block': 'Укажите блок вопроса',
      'body.blocks.2': 'В блоке нет ни одного вопроса',
    });
    const limits = await errors({ ...WINDOW, blocks: [{ ...BLOCKS[0], timeLimitMinutes: 0 }, { ...BLOCKS[1], timeLimitMinutes: 601, key: 'Bad Key' }], questions: [single(1, 'goals')] });
    expect(Object.keys(limits).sort()).toEqual(['body.blocks.0.timeLimitMinutes', 'body.blocks.1.key', 'body.blocks.1.timeLimitMinutes']);
    expect(await errors({ ...WINDOW, questions: [single(1, 'goals')] })).toEqual({ 'body.durationMinutes': 'Обязательное поле', 'body.questions.0.block': 'Такого блока нет в тесте' });
  });
});
