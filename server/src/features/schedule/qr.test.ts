import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueQrToken, verifyQrToken } from './qr.ts';

const sign = (value: string) => crypto.createHmac('sha256', 'k').update(value).digest('base64url');
const otherSign = (value: string) => crypto.createHmac('sha256', 'other').update(value).digest('base64url');
const sessionId = '3f0c1a52-7a4e-4a7d-9d35-2f1e6f0b9c11';
const t0 = new Date('2025-06-02T07:00:10Z');
const plus = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('rotating QR tokens', () => {
  it('accepts a fresh code and names its session', () => {
    const { token } = issueQrToken(sign, sessionId, t0);
    expect(verifyQrToken(sign, token, plus(5))).toEqual({ ok: true, sessionId });
  });

  it('expires a code once its 30-second step and the scan grace are over', () => {
    const { token, expiresAt } = issueQrToken(sign, sessionId, t0);
    expect(expiresAt.getTime() - t0.getTime()).toBeLessThanOrEqual(30_000);
    expect(verifyQrToken(sign, token, new Date(expiresAt.getTime() + 4_000)).ok).toBe(true);
    expect(verifyQrToken(sign, token, new Date(expiresAt.getTime() + 6_000))).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('refuses a code signed with another key or altered', () => {
    const { token } = issueQrToken(otherSign, sessionId, t0);
    expect(verifyQrToken(sign, token, t0)).toMatchObject({ ok: false, reason: 'forged' });
    const good = issueQrToken(sign, sessionId, t0).token;
    const otherSession = good.replace(sessionId, '3f0c1a52-7a4e-4a7d-9d35-2f1e6f0b9c12');
    expect(verifyQrToken(sign, otherSession, t0)).toMatchObject({ ok: false, reason: 'forged' });
  });

  it('refuses garbage as malformed', () => {
    expect(verifyQrToken(sign, 'hello', t0)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('refuses a validly signed code from a future step', () => {
    const { token } = issueQrToken(sign, sessionId, plus(120));
    expect(verifyQrToken(sign, token, t0)).toMatchObject({ ok: false, reason: 'forged' });
  });
});
