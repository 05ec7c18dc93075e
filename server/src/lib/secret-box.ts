import crypto from 'node:crypto';

/** AES-256-GCM with a key derived from the application secret; used for TOTP secrets at rest. */
export function createSecretBox(appSecret: string) {
  const key = crypto.createHash('sha256').update(`secret-box:${appSecret}`).digest();
  return {
    seal(plain: string): string {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
    },
    open(sealed: string): string {
      const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
      if (!iv || !tag || !body) throw new Error('malformed sealed value');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
    /** HMAC for values that must be bound to the server (CSRF tokens). */
    sign(value: string): string {
      return crypto.createHmac('sha256', key).update(value).digest('base64url');
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;
