import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { eq } from 'drizzle-orm';
import { outbox } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestApp } from '../../../test/app.ts';
import { buildUser } from '../../../test/factories.ts';

interface ReceivedMail {
  to: string[];
  raw: string;
}

/** Just enough MIME to read what nodemailer writes: unfolded headers, encoded words, QP or base64 bodies. */
function readMessage(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const decodeWords = (value: string) =>
    value
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_all, encoding: string, data: string) =>
        encoding.toLowerCase() === 'b'
          ? Buffer.from(data, 'base64').toString('utf8')
          : decodeQuotedPrintable(data.replace(/_/g, ' ')),
      );
  const subject = decodeWords(/^subject: (.*)$/im.exec(headers)?.[1] ?? '');
  const transfer = /^content-transfer-encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  const body = rest.join('\n\n');
  const text =
    transfer === 'quoted-printable' ? decodeQuotedPrintable(body) : transfer === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { subject, text };
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const joined = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

let smtp: SMTPServer;
let t: TestApp;
let onMail: ((mail: ReceivedMail) => void) | null = null;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') };
        onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const port = (smtp.server.address() as AddressInfo).port;
  // The test server offers STARTTLS with a self-signed certificate: a local relay is plain SMTP.
  t = await buildTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true`, PUBLIC_URL: 'http://school.example.test' } });
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

describe('mail through a real SMTP server', () => {
  it('delivers the password-reset mail, whose link completes the reset', async () => {
    const user = await buildUser(t.db);
    const delivered = new Promise<ReceivedMail>((resolve) => (onMail = resolve));
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
    expect(response.statusCode).toBe(202);
    const mail = await delivered;
    expect(mail.to).toEqual([user.email]);
    const { subject, text } = readMessage(mail.raw);
    expect(subject).toBe('Восстановление пароля — «Школа мэров»');
    const link = /(http:\/\/school\.example\.test\/reset-password\?token=[\w-]+)/.exec(text)?.[1];
    expect(link).toBeDefined();
    const token = new URL(link!).searchParams.get('token')!;

    const newPassword = 'a-brand-new-password';
    const completed = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, password: newPassword } });
    expect(completed.statusCode).toBe(200);
    await signIn(t.app, user.email, newPassword);

    const [row] = await t.db.select().from(outbox).where(eq(outbox.toAddress, user.email));
    expect(row!.sentAt).not.toBeNull();
    expect(row!.error).toBeNull();
  });
});
