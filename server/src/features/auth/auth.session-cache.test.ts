import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestApp, type TestAgent } from '../../../test/app.ts';
import { buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { roleGrants, users } from '../../db/schema/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ isCaching: true });
});
afterAll(async () => t?.close());

/** Asks until the answer changes: a NOTIFY from another connection arrives a moment after its commit. */
async function eventually(agent: TestAgent, expected: (status: number, body: string) => boolean): Promise<boolean> {
  for (let i = 0; i < 100; i += 1) {
    const response = await agent.request({ method: 'GET', url: '/api/auth/me' });
    if (expected(response.statusCode, response.body)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe('sessions served from the in-memory cache', () => {
  it('ends a session at once on sign-out, with no wait for the notification', async () => {
    const user = await buildUser(t.db);
    const agent = await signIn(t.app, user.email, TEST_PASSWORD);
    expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await agent.request({ method: 'POST', url: '/api/auth/sign-out' })).statusCode).toBeLessThan(300);
    expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('answers a burst of first requests with one session, each as that user', async () => {
    const user = await buildUser(t.db);
    const agent = await signIn(t.app, user.email, TEST_PASSWORD);
    const answers = await Promise.all(Array.from({ length: 12 }, () => agent.request({ method: 'GET', url: '/api/auth/me' })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(200));
    expect(new Set(answers.map((a) => (a.json() as { email: string }).email))).toEqual(new Set([user.email]));
  });

  it('drops a grant revoked by another connection (as the CLI or SQL would) once PostgreSQL announces it', async () => {
    const user = await buildUser(t.db, { grants: [{ role: 'staff' }] });
    const agent = await signIn(t.app, user.email, TEST_PASSWORD);
    expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({ roles: ['staff'] });
    await t.db.delete(roleGrants).where(eq(roleGrants.userId, user.id));
    expect(await eventually(agent, (status, body) => status === 200 && (JSON.parse(body) as { roles: string[] }).roles.length === 0)).toBe(true);
  });

  it('signs out a user deactivated by another connection once PostgreSQL announces it', async () => {
    const user = await buildUser(t.db);
    const agent = await signIn(t.app, user.email, TEST_PASSWORD);
    expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    await t.db.update(users).set({ isActive: false }).where(eq(users.id, user.id));
    expect(await eventually(agent, (status) => status === 401)).toBe(true);
  });
});
