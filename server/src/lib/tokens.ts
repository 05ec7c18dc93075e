import crypto from 'node:crypto';

/** A 256-bit random token, URL-safe. */
export function generateToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256, so a database leak reveals no usable link or cookie. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
