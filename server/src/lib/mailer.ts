import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Database } from '../db/client.ts';
import { outbox } from '../db/schema/index.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  kind: string;
  meta?: Record<string, unknown>;
}

export interface Mailer {
  /** Records the message in the outbox and, when SMTP is configured, delivers it. Never throws on delivery failure. */
  send: (mail: OutgoingMail) => Promise<{ id: string; isDelivered: boolean }>;
  isSmtpConfigured: boolean;
}

export function createMailer(options: { db: Database; smtpUrl?: string; from: string }): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    isSmtpConfigured: transport !== null,
    async send(mail) {
      const [row] = await options.db
        .insert(outbox)
        .values({ toAddress: mail.to, subject: mail.subject, textBody: mail.text, kind: mail.kind, meta: mail.meta ?? {} })
        .returning({ id: outbox.id });
      const id = row!.id;
      if (!transport) return { id, isDelivered: false };
      try {
        await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
        await options.db.update(outbox).set({ sentAt: new Date() }).where(eq(outbox.id, id));
        return { id, isDelivered: true };
      } catch (error) {
        await options.db
          .update(outbox)
          .set({ error: error instanceof Error ? error.message.slice(0, 500) : 'delivery failed' })
          .where(eq(outbox.id, id));
        return { id, isDelivered: false };
      }
    },
  };
}
