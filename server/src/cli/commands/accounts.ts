import { z } from 'zod';
import { PasswordSchema } from '@ms/contracts/auth';
import { LocaleSchema } from '@ms/contracts/common';
import { CLI_ACTOR, CliError, type CliContext } from '../context.ts';

const EmailSchema = z.email().max(254);

function parseOrFail<T>(schema: z.ZodType<T>, value: unknown, option: string, hint: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CliError(`--${option}: ${hint}`, 2);
  return parsed.data;
}

/**
 * Creates a platform administrator. With --password the account can sign in at once; without it an
 * invitation link is printed (and mailed), valid for 7 days.
 */
export async function createAdmin(
  context: CliContext,
  options: { email?: string; name?: string; password?: string; locale?: string },
): Promise<void> {
  const email = parseOrFail(EmailSchema, options.email, 'email', 'an e-mail address is required');
  const displayName = parseOrFail(z.string().trim().min(1).max(200), options.name, 'name', 'the display name is required');
  const locale = parseOrFail(LocaleSchema, options.locale ?? 'ru', 'locale', 'ru or en');
  const password = options.password === undefined ? undefined : parseOrFail(PasswordSchema, options.password, 'password', 'at least 10 characters');

  const { user, invitationLink } = await context.users.createUser(
    CLI_ACTOR,
    { email, displayName, locale, grants: [{ role: 'admin' }], sendInvitation: password === undefined },
    { ip: null },
  );
  if (password !== undefined) await context.users.setInitialPassword(CLI_ACTOR, user.id, password);
  console.error(`Administrator ${user.email} created.`);
  if (invitationLink) {
    console.error('Open this link to set the password (valid for 7 days):');
    console.log(invitationLink);
  }
}

/** Prints (and mails) a fresh invitation link for an existing account. */
export async function inviteUser(context: CliContext, options: { email?: string }): Promise<void> {
  const email = parseOrFail(EmailSchema, options.email, 'email', 'an e-mail address is required');
  const userId = await context.users.findUserIdByEmail(CLI_ACTOR, email);
  if (!userId) throw new CliError(`No account with the e-mail ${email}.`, 1);
  const link = await context.users.resendInvitation(CLI_ACTOR, userId, { ip: null });
  console.error(`Invitation for ${email} (valid for 7 days):`);
  console.log(link);
}
