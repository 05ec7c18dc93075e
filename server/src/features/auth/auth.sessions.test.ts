import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestApp } from '../../../test/app.ts';
import { buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import type { Clock } from '../../lib/clock.ts';

/** A clock the test moves by hand, passed in through buildApp like any boundary double. */
const clock: Clock & { offsetMs: number } = { offsetMs: 0, now: (): Date => new Date(Date.now() + clock.offsetMs) };

let t: TestApp;
let cached: TestApp;
beforeAll(async () => {
  const env = { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '8' };
  [t, cached] = await Promise.all([buildTestApp({ clock, env }), buildTestApp({ clock, env, isCaching: true })]);
});
afterAll(async () => Promise.all([t?.close(), cached?.close()]));

// The same timeouts hold whether a session is read from PostgreSQL or served from the in-memory cache.
describe.each([{ mode: 'database', app: () => t }, { mode: 'cache', app: () => cached }])('session lifetime ($mode)', ({ app }) => {
  it('ends a session left idle longer than the idle timeout', async () => {
    clock.offsetMs = 0;
    const user = await buildUser(app().db);
    const agent = await signIn(app().app, user.email, TEST_PASSWORD);
    clock.offsetMs = 29 * 60_000;
    expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    // Used at 29 minutes, so still alive at 29 + 29 minutes of wall clock…
    clock.offsetMs = 58 * 60_000;
    expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    // …but not after 31 idle minutes.
    clock.offsetMs = 89 * 60_000;
    expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('ends a session at the absolute timeout even when it is used all along', async () => {
    clock.offsetMs = 0;
    const user = await buildUser(app().db);
    const agent = await signIn(app().app, user.email, TEST_PASSWORD);
    for (let minutes = 20; minutes < 8 * 60; minutes += 20) {
      clock.offsetMs = minutes * 60_000;
      expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    }
    clock.offsetMs = 8 * 60 * 60_000 + 60_000;
    expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});

describe('two-factor sign-in', () => {
  it('enrols with a code from the secret, then requires a valid code at every sign-in', async () => {
    clock.offsetMs = 0;
    const user = await buildUser(t.db, { grants: [{ role: 'staff' }] });
    const agent = await signIn(t.app, user.email, TEST_PASSWORD);
    const setup = (await agent.request({ method: 'POST', url: '/api/auth/totp/setup' })).json() as { secret: string; otpauthUrl: string };
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret) });
    expect((await agent.request({ method: 'POST', url: '/api/auth/totp/confirm', payload: { code: '000000' === totp.generate() ? '111111' : '000000' } })).statusCode).toBe(401);
    expect((await agent.request({ method: 'POST', url: '/api/auth/totp/confirm', payload: { code: totp.generate() } })).statusCode).toBe(200);

    const withoutCode = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json()).toMatchObject({ code: 'totp_required' });
    const wrongCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: user.email, password: TEST_PASSWORD, totpCode: String((Number(totp.generate()) + 1) % 1_000_000).padStart(6, '0') },
    });
    expect(wrongCode.json()).toMatchObject({ code: 'totp_invalid' });
    const withCode = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email, password: TEST_PASSWORD, totpCode: totp.generate() } });
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json()).toMatchObject({ isTotpEnabled: true });
  });
});
