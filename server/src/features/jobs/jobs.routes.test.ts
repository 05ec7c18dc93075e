import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildUser, TEST_PASSWORD } from '../../../test/factories.ts';

let t: TestApp;
let owner: TestAgent;
let other: TestAgent;
let ownerId: string;
// The test job runs until the test lets it finish.
let finish: () => void = () => undefined;

beforeAll(async () => {
  t = await buildTestApp();
  const user = await buildUser(t.db, { grants: [{ role: 'admin' }] });
  ownerId = user.id;
  owner = await signIn(t.app, user.email, TEST_PASSWORD);
  const stranger = await buildUser(t.db, { grants: [{ role: 'staff' }] });
  other = await signIn(t.app, stranger.email, TEST_PASSWORD);
  await t.jobs.register('jobs-test-wait', async () => {
    await new Promise<void>((resolve) => {
      finish = resolve;
    });
    return { answer: 42 };
  });
});
afterAll(async () => t?.close());

const startRun = () => t.jobs.enqueue('jobs-test-wait', {}, { userId: ownerId, email: 'owner@example.ru', personId: null, grants: [] });

async function waitUntilRunning(runId: string) {
  for (let i = 0; i < 200; i++) {
    const run = (await owner.request({ method: 'GET', url: `/api/jobs/${runId}` })).json() as { status: string };
    if (run.status === 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the test job never started');
}

describe('GET /api/jobs/:id', () => {
  it('answers at once without waitMs, and with waitMs as soon as the run finishes', async () => {
    const runId = await startRun();
    await waitUntilRunning(runId);
    const now = await owner.request({ method: 'GET', url: `/api/jobs/${runId}` });
    expect(now.json()).toMatchObject({ id: runId, status: 'running', result: null });

    const started = Date.now();
    const waiting = owner.request({ method: 'GET', url: `/api/jobs/${runId}?waitMs=10000` });
    setTimeout(() => finish(), 300);
    const answered = await waiting;
    const elapsed = Date.now() - started;
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ id: runId, status: 'succeeded', result: { answer: 42 } });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('answers an unfinished run with its progress when waitMs runs out, and a finished one at once', async () => {
    const runId = await startRun();
    await waitUntilRunning(runId);
    const started = Date.now();
    const answered = await owner.request({ method: 'GET', url: `/api/jobs/${runId}?waitMs=200` });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(answered.json()).toMatchObject({ status: 'running' });
    finish();
    const done = await owner.request({ method: 'GET', url: `/api/jobs/${runId}?waitMs=10000` });
    expect(done.json()).toMatchObject({ status: 'succeeded' });
    const again = Date.now();
    await owner.request({ method: 'GET', url: `/api/jobs/${runId}?waitMs=10000` });
    expect(Date.now() - again).toBeLessThan(1_000);
  });

  it('answers 404 for another user’s run even when waiting, and 400 for a wait over ten seconds', async () => {
    const runId = await startRun();
    const foreign = await other.request({ method: 'GET', url: `/api/jobs/${runId}?waitMs=5000` });
    expect(foreign.statusCode).toBe(404);
    const tooLong = await owner.request({ method: 'GET', url: `/api/jobs/${runId}?waitMs=10001` });
    expect(tooLong.statusCode).toBe(400);
    await waitUntilRunning(runId);
    finish();
  });
});
