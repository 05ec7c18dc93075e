import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { admissionApplications, admissionTestAnswers, admissionTestAttempts } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildCampaign, buildSubmittedApplication } from '../../../test/admissions.ts';
import { buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';

// The server's clock, moved by the tests: timing is enforced by it, not by the browser.
let now = new Date('2026-03-01T09:00:00Z');
const clock = { now: () => now };
let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let staff: TestAgent;
beforeAll(async () => {
  t = await buildTestApp({ clock });
  tree = await buildProgrammeTree(t.db);
});
afterAll(async () => t?.close());

/** A staff member signed in now (a new account each time: sign-ins are rate-limited per account). */
async function signInStaff(): Promise<TestAgent> {
  const user = await buildUser(t.db, { grants: [{ role: 'staff', organisationId: tree.organisation.id, programmeId: tree.programme.id }] });
  return signIn(t.app, user.email, TEST_PASSWORD);
}

const QUESTIONS = [
  { kind: 'single', textRu: 'Столица Пермского края?', textEn: 'Capital of Perm Krai?', options: [{ key: 'a', textRu: 'Пермь', textEn: 'Perm' }, { key: 'b', textRu: 'Кунгур', textEn: 'Kungur' }], correct: ['a'] },
  {
    kind: 'multiple',
    textRu: 'Национальные цели?',
    textEn: 'National goals?',
    options: [{ key: 'a', textRu: 'Семья', textEn: 'Family' }, { key: 'b', textRu: 'Хаос', textEn: 'Chaos' }, { key: 'c', textRu: 'Экология', textEn: 'Ecology' }],
    correct: ['a', 'c'],
    points: 2,
  },
  { kind: 'numeric', textRu: 'Население «Управляй городом!»?', textEn: 'Population of the simulator city?', correct: { value: 550_000, tolerance: 0 } },
];

/** A campaign with the test open 1–3 March, 30 minutes, and a candidate signed in as its applicant. */
async function setUp() {
  // Sessions expire by the same moved clock: sign in afresh at each new "now".
  staff = await signInStaff();
  const campaign = await buildCampaign(t.db, tree.intake.id, { opensAt: new Date('2026-01-01T00:00:00Z'), closesAt: new Date('2026-02-01T00:00:00Z') });
  const set = await staff.request({
    method: 'PUT',
    url: `/api/admissions/campaigns/${campaign.id}/test`,
    payload: { opensAt: '2026-03-01T06:00:00Z', closesAt: '2026-03-03T06:00:00Z', durationMinutes: 30, questions: QUESTIONS },
  });
  expect(set.statusCode).toBe(200);
  const { application, person } = await buildSubmittedApplication(t.db, campaign.id, 'RU-PER');
  const user = await buildUser(t.db, { personId: person.id });
  await t.db.update(admissionApplications).set({ userId: user.id }).where(eq(admissionApplications.id, application.id));
  const candidate = await signIn(t.app, user.email, TEST_PASSWORD);
  return { campaign, application, candidate, url: `/api/me/applications/${application.id}/test` };
}

describe('online test', () => {
  it('starts once with a fixed deadline, saves answers as given, hides the answers and scores at the finish', async () => {
    now = new Date('2026-03-01T09:00:00Z');
    const { application, candidate, url } = await setUp();
    const started = await candidate.request({ method: 'POST', url: `${url}/start` });
    expect(started.statusCode).toBe(200);
    const test = started.json();
    expect(test).toMatchObject({ state: 'in_progress', deadlineAt: '2026-03-01T09:30:00.000Z', secondsLeft: 1800 });
    expect(JSON.stringify(test)).not.toContain('correct');
    const byKind = Object.fromEntries(test.questions.map((q: { kind: string; id: string }) => [q.kind, q.id]));
    now = new Date('2026-03-01T09:10:00Z');
    const again = await candidate.request({ method: 'POST', url: `${url}/start` });
    expect(again.json().deadlineAt).toBe('2026-03-01T09:30:00.000Z');
    for (const [kind, answer] of [['single', ['b']], ['single', ['a']], ['multiple', ['c', 'a']], ['numeric', 549_000]] as const) {
      const saved = await candidate.request({ method: 'PUT', url: `${url}/answers/${byKind[kind]}`, payload: { answer } });
      expect(saved.statusCode).toBe(200);
    }
    const resumed = await candidate.request({ method: 'GET', url });
    expect(resumed.json().questions.find((q: { id: string }) => q.id === byKind.single).answer).toEqual(['a']);
    const finished = await candidate.request({ method: 'POST', url: `${url}/finish` });
    expect(finished.json()).toMatchObject({ state: 'finished', score: 75 });
    const [row] = await t.db.select().from(admissionApplications).where(eq(admissionApplications.id, application.id));
    expect(row!.testScore).toBe(75);
    const late = await candidate.request({ method: 'PUT', url: `${url}/answers/${byKind.numeric}`, payload: { answer: 550_000 } });
    expect(late.statusCode).toBe(409);
  });

  it('refuses an answer after the time limit and scores only what came in time', async () => {
    now = new Date('2026-03-02T10:00:00Z');
    const { candidate, url } = await setUp();
    const test = (await candidate.request({ method: 'POST', url: `${url}/start` })).json();
    const single = test.questions.find((q: { kind: string }) => q.kind === 'single').id;
    await candidate.request({ method: 'PUT', url: `${url}/answers/${single}`, payload: { answer: ['a'] } });
    now = new Date('2026-03-02T10:30:01Z');
    const late = await candidate.request({ method: 'PUT', url: `${url}/answers/${single}`, payload: { answer: ['b'] } });
    expect(late.statusCode).toBe(409);
    expect(late.json().errors[0].message).toContain('Время теста истекло');
    const finished = await candidate.request({ method: 'POST', url: `${url}/finish` });
    expect(finished.json().score).toBe(25);
  });

  it('saves answers sent at once (one shared commit) and refuses a bad one among them with its own reason', async () => {
    now = new Date('2026-03-01T12:00:00Z');
    const { candidate, url } = await setUp();
    expect((await candidate.request({ method: 'GET', url })).json()).toMatchObject({ state: 'not_started', questions: [], durationMinutes: 30 });
    const other = await setUp();
    expect((await other.candidate.request({ method: 'GET', url })).statusCode).toBe(404);
    expect((await other.candidate.request({ method: 'PUT', url: `${url}/answers/00000000-0000-4000-8000-000000000000`, payload: { answer: 1 } })).statusCode).toBe(404);
    const test = (await candidate.request({ method: 'POST', url: `${url}/start` })).json();
    const byKind = Object.fromEntries(test.questions.map((q: { kind: string; id: string }) => [q.kind, q.id]));
    const sent = [
      [byKind.single, ['a']],
      [byKind.multiple, ['a', 'c']],
      [byKind.numeric, ['a']],
    ] as const;
    const responses = await Promise.all(sent.map(([id, answer]) => candidate.request({ method: 'PUT', url: `${url}/answers/${id}`, payload: { answer } })));
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 400]);
    expect(responses[2]!.json().errors[0].path).toBe('body.answer');
    const saved = (await candidate.request({ method: 'GET', url })).json().questions;
    expect(Object.fromEntries(saved.map((q: { kind: string; answer: unknown }) => [q.kind, q.answer]))).toEqual({ single: ['a'], multiple: ['a', 'c'], numeric: null });
  });

  it('scores exactly the answers it kept when answers race the finish', async () => {
    now = new Date('2026-03-01T13:00:00Z');
    const { application, candidate, url } = await setUp();
    const test = (await candidate.request({ method: 'POST', url: `${url}/start` })).json();
    const byKind = Object.fromEntries(test.questions.map((q: { kind: string; id: string }) => [q.kind, q.id]));
    const answers = [candidate.request({ method: 'PUT', url: `${url}/answers/${byKind.single}`, payload: { answer: ['a'] } }), candidate.request({ method: 'PUT', url: `${url}/answers/${byKind.numeric}`, payload: { answer: 550_000 } })];
    const finished = await candidate.request({ method: 'POST', url: `${url}/finish` });
    const statuses = (await Promise.all(answers)).map((r) => r.statusCode);
    // Each answer either came before the finish (saved and scored) or after it (refused, not saved).
    const kept = await t.db.select().from(admissionTestAnswers).innerJoin(admissionTestAttempts, eq(admissionTestAttempts.id, admissionTestAnswers.attemptId)).where(eq(admissionTestAttempts.applicationId, application.id));
    expect(kept).toHaveLength(statuses.filter((status) => status === 200).length);
    // Both answers are right and worth 1 point each, of 4 in all.
    expect(finished.json().score).toBe(kept.length * 25);
  });

  it('refuses a start outside the window and bad answers', async () => {
    now = new Date('2026-03-01T10:00:00Z');
    const { candidate, url } = await setUp();
    now = new Date('2026-02-28T10:00:00Z');
    expect((await candidate.request({ method: 'POST', url: `${url}/start` })).statusCode).toBe(409);
    now = new Date('2026-03-01T10:00:00Z');
    const test = (await candidate.request({ method: 'POST', url: `${url}/start` })).json();
    const numeric = test.questions.find((q: { kind: string }) => q.kind === 'numeric').id;
    const single = test.questions.find((q: { kind: string }) => q.kind === 'single').id;
    for (const [questionId, answer] of [[numeric, ['a']], [single, 5], [single, ['a', 'b']], [single, 'a']] as const) {
      expect((await candidate.request({ method: 'PUT', url: `${url}/answers/${questionId}`, payload: { answer } })).statusCode).toBe(400);
    }
    expect((await candidate.request({ method: 'PUT', url: `${url}/answers/00000000-0000-4000-8000-000000000000`, payload: { answer: 1 } })).statusCode).toBe(400);
    expect(await t.db.select().from(admissionTestAnswers).where(eq(admissionTestAnswers.questionId, numeric))).toHaveLength(0);
  });

  it('gives each candidate an order of their own and keeps the question bank fixed once started', async () => {
    now = new Date('2026-03-01T11:00:00Z');
    const orders = new Set<string>();
    let campaignId = '';
    for (let i = 0; i < 6; i += 1) {
      const { candidate, url, campaign } = await setUp();
      campaignId = campaign.id;
      const test = (await candidate.request({ method: 'POST', url: `${url}/start` })).json();
      orders.add(test.questions.map((q: { kind: string }) => q.kind).join(','));
    }
    // Six candidates, three questions: all in one order would happen with probability 6^-5.
    expect(orders.size).toBeGreaterThan(1);
    const change = await staff.request({
      method: 'PUT',
      url: `/api/admissions/campaigns/${campaignId}/test`,
      payload: { opensAt: '2026-03-01T06:00:00Z', closesAt: '2026-03-03T06:00:00Z', durationMinutes: 30, questions: QUESTIONS },
    });
    expect(change.statusCode).toBe(409);
  });

  it('refuses a question whose correct answer is not among its options', async () => {
    staff = await signInStaff();
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const bad = { ...QUESTIONS[0], correct: ['z'] };
    const response = await staff.request({
      method: 'PUT',
      url: `/api/admissions/campaigns/${campaign.id}/test`,
      payload: { opensAt: '2026-03-01T06:00:00Z', closesAt: '2026-03-03T06:00:00Z', durationMinutes: 30, questions: [bad] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.questions.0.correct');
  });
});
