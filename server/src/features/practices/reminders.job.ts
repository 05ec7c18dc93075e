import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { translate } from '../../lib/i18n.ts';
import type { JobQueue } from '../../lib/jobs.ts';
import { createMailer, type Mailer } from '../../lib/mailer.ts';
import type { Locale } from '../../lib/messages.ts';
import { localDate } from '../schedule/geo.ts';
import { createAdoptionsRepo } from './adoptions.repo.ts';

export const REMINDERS_JOB_KIND = 'practice-reminders';
/** A check-in is announced this many days before it falls due. */
export const REMIND_DAYS_BEFORE = 7;

/**
 * Check-in reminders by e-mail. Each reminder is first *claimed* by one conditional UPDATE (the column
 * is null → set it) and only then mailed: a second run, a retry or a concurrent worker finds nothing left
 * to claim, so nobody is reminded twice. The trade: a crash between claim and send loses that reminder
 * (at most once, never twice).
 */
export function createRemindersRunner(deps: { db: Database; clock: Clock; mailer: Mailer; publicUrl: string; timeZone: string }) {
  const repo = createAdoptionsRepo(deps.db);

  return {
    /** Sends every reminder that is due and not yet sent; answers how many of each kind went out. */
    async run(options: { programmeId: string | null; onProgress?: (done: number, total: number) => Promise<void> }) {
      const today = localDate(deps.clock.now(), deps.timeZone);
      const sent = { due: 0, overdue: 0 };
      for (const kind of ['due', 'overdue'] as const) {
        const rows = await repo.claimReminders(kind, { today, programmeId: options.programmeId, now: deps.clock.now(), daysBefore: REMIND_DAYS_BEFORE });
        for (const [index, row] of rows.entries()) {
          const locale: Locale = row.locale === 'en' ? 'en' : 'ru';
          const params = {
            name: [row.first_name, row.middle_name].filter(Boolean).join(' '),
            practice: row.practice_title,
            municipality: row.municipality_name,
            months: row.months_after,
            dueOn: row.due_on,
            url: `${deps.publicUrl}/me/adoptions/${row.plan_id}`,
          };
          await deps.mailer.send({
            to: row.email,
            subject: translate(locale, kind === 'due' ? 'practices.reminder.due.subject' : 'practices.reminder.overdue.subject', params),
            text: translate(locale, kind === 'due' ? 'practices.reminder.due.body' : 'practices.reminder.overdue.body', params),
            kind: `practice-reminder-${kind}`,
            meta: { checkInId: row.check_in_id, planId: row.plan_id },
          });
          sent[kind]++;
          await options.onProgress?.(index + 1, rows.length);
        }
      }
      return sent;
    },
  };
}

/** Every day at 09:00 in the platform's time zone (config TIME_ZONE, Moscow by default). */
export const REMINDERS_CRON = '0 9 * * *';

/**
 * Registers the reminders job and its daily schedule (all programmes); its mailer is built from the
 * configuration like the app's own. Staff can also run it at once from the curation page.
 */
export async function registerPracticeJobs(deps: { jobs: JobQueue; db: Database; config: Config; clock: Clock }): Promise<void> {
  const mailer = createMailer({ db: deps.db, smtpUrl: deps.config.smtpUrl, from: deps.config.mailFrom });
  const runner = createRemindersRunner({ db: deps.db, clock: deps.clock, mailer, publicUrl: deps.config.publicUrl, timeZone: deps.config.timeZone });
  await deps.jobs.register<{ programmeId?: string | null }>(REMINDERS_JOB_KIND, async ({ input, reportProgress }) =>
    runner.run({ programmeId: input.programmeId ?? null, onProgress: reportProgress }),
  );
  await deps.jobs.schedule(REMINDERS_JOB_KIND, REMINDERS_CRON, { programmeId: null }, { tz: deps.config.timeZone });
}
