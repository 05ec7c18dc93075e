import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('stores scrypt with OWASP parameters and a random salt', async () => {
    const first = await hashPassword('пароль-на-русском');
    const second = await hashPassword('пароль-на-русском');
    expect(first).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(first).not.toBe(second);
  });

  it('accepts the right password and refuses a wrong or malformed one', async () => {
    const stored = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsE', stored)).toBe(false);
    expect(await verifyPassword('correct horse', 'scrypt$broken')).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
  });
});
