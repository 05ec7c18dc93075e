import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, sessions } from '../../db/schema/index.ts';
import { anonymousAgent, buildTestApp, signIn, type TestApp } from '../../../test/app.ts';
import { buildUser, TEST_PASSWORD } from '../../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe('sign-in', () => {
  it('signs in with the right password and answers who I am with a CSRF token', async () => {
    const user = await buildUser(t.db, { grants: [{ role: 'admin' }] });
    const agent = await signIn(t.app, user.email, TEST_PASSWORD);
    const me = await agent.request({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: user.email, roles: ['admin'] });
    expect(agent.csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('refuses a wrong password with a translated problem and records the failed attempt', async () => {
    const user = await buildUser(t.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      payload: { email: user.email, password: 'wrong-password' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'invalid_credentials', title: 'Wrong e-mail or password', status: 401 });
    const failures = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in_failed'));
    expect(failures.some((row) => row.actorEmail === user.email)).toBe(true);
  });

  it('answers validation problems in Russian by default, naming the field', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'not-an-email' } });
    expect(response.statusCode).toBe(400);
    const body = response.json() as { title: string; errors: Array<{ path: string; message: string }> };
    expect(body.title).toBe('Проверьте введённые данные');
    expect(body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['body.email', 'body.password']));
    expect(body.errors.find((e) => e.path === 'body.password')?.message).toBe('Обязательное поле');
  });

  it('rotates the session at sign-in: the cookie it came with stops working', async () => {
    const user = await buildUser(t.db);
    const first = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email, password: TEST_PASSWORD } });
    const firstCookie = first.cookies.find((c) => c.name === 'ms_session')!;
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: `ms_session=${firstCookie.value}` },
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    const secondCookie = second.cookies.find((c) => c.name === 'ms_session')!;
    expect(secondCookie.value).not.toBe(firstCookie.value);
    expect(secondCookie.httpOnly).toBe(true);
    expect(secondCookie.sameSite).toBe('Lax');
    const stale = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `ms_session=${firstCookie.value}` } });
    expect(stale.statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const user = await buildUser(t.db);
    const agent = await signIn(t.app, user.email, TEST_PASSWORD);
    const response = await agent.request({ method: 'PUT', url: '/api/auth/me/locale', payload: { locale: 'en' }, headers: { 'x-csrf-token': 'forged' } });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'csrf' });
  });

  it('signs out of every session at once', async () => {
    const user = await buildUser(t.db);
    const phone = await signIn(t.app, user.email, TEST_PASSWORD);
    const laptop = await signIn(t.app, user.email, TEST_PASSWORD);
    expect((await laptop.request({ method: 'POST', url: '/api/auth/sign-out-all' })).statusCode).toBe(200);
    expect((await phone.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it('limits password guessing on one account to 10 attempts a minute', async () => {
    const user = await buildUser(t.db);
    const attempt = () => t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email, password: 'guess-guess' } });
    for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    // Another account from the same address is not locked out by it.
    const other = await buildUser(t.db);
    expect((await signIn(t.app, other.email, TEST_PASSWORD)).csrfToken).toBeTruthy();
  });

  it('answers 401 to an anonymous request for a private resource', async () => {
    const response = await anonymousAgent(t.app).request({ method: 'GET', url: '/api/auth/me' });
    expect(response.statusCode).toBe(401);
  });
});
