import crypto from 'node:crypto';
import { QR_STEP_SECONDS } from '@ms/contracts/schedule-attendance';

/** Seconds a code is still accepted after its step ended: the time to scan and send it. */
export const QR_GRACE_SECONDS = 5;
const MAC_LENGTH = 22;

export type QrVerdict = { ok: true; sessionId: string } | { ok: false; reason: 'malformed' | 'forged' | 'expired'; sessionId: string | null };

const stepOf = (now: Date): number => Math.floor(now.getTime() / 1000 / QR_STEP_SECONDS);

/**
 * The rotating check-in code of a session: `<sessionId>.<step>.<mac>`, where the MAC is an HMAC (keyed by
 * the app secret) over the session id and the 30-second time step. Short enough for a dense QR code.
 */
export function issueQrToken(sign: (value: string) => string, sessionId: string, now: Date): { token: string; expiresAt: Date } {
  const step = stepOf(now);
  const mac = sign(`qr:${sessionId}:${step}`).slice(0, MAC_LENGTH);
  return { token: `${sessionId}.${step}.${mac}`, expiresAt: new Date((step + 1) * QR_STEP_SECONDS * 1000) };
}

/** Checks a code's signature and age; it says nothing about who may use it (the service does). */
export function verifyQrToken(sign: (value: string) => string, token: string, now: Date): QrVerdict {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return { ok: false, reason: 'malformed', sessionId: null };
  const [, sessionId, stepText, mac] = match as unknown as [string, string, string, string];
  const step = Number(stepText);
  const expected = sign(`qr:${sessionId}:${step}`).slice(0, MAC_LENGTH);
  if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(mac))) return { ok: false, reason: 'forged', sessionId: null };
  const endsAtMs = (step + 1) * QR_STEP_SECONDS * 1000 + QR_GRACE_SECONDS * 1000;
  // A validly signed code from a future step cannot come from our screen: treat it as forged.
  if (step > stepOf(now)) return { ok: false, reason: 'forged', sessionId };
  if (now.getTime() >= endsAtMs) return { ok: false, reason: 'expired', sessionId };
  return { ok: true, sessionId };
}
