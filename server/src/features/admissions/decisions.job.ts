import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { translate } from '../../lib/i18n.ts';
import type { JobQueue } from '../../lib/jobs.ts';
import { createMailer } from '../../lib/mailer.ts';
import type { MessageKey } from '../../lib/messages.ts';
import { createDecisionsRepo } from './decisions.repo.ts';

export const NOTIFY_JOB = 'admission-notify';
const BATCH = 500;

/**
 * Letters about decisions (ru or en, by the applicant's account language), in batches marked as sent:
 * a retry or a resume after a crash continues where it stopped. At worst the batch that was being
 * written when the process died is sent twice; nobody is skipped.
 */
export async function registerAdmissionJobs(deps: { jobs: JobQueue; db: Database; config: Config; clock: Clock }): Promise<void> {
  const mailer = createMailer({ db: deps.db, smtpUrl: deps.config.smtpUrl, from: deps.config.mailFrom });
  await deps.jobs.register<{ campaignId: string }>(NOTIFY_JOB, async ({ input, reportProgress }) => {
    const repo = createDecisionsRepo(deps.db);
    const total = await repo.countToNotify(input.campaignId);
    let sent = 0;
    for (;;) {
      const batch = await repo.nextToNotify(input.campaignId, BATCH);
      if (batch.length === 0) break;
      for (const row of batch) {
        if (!row.email) continue;
        const locale = row.locale === 'en' ? 'en' : 'ru';
        const campaign = locale === 'en' ? row.titleEn : row.titleRu;
        await mailer.send({
          to: row.email,
          kind: 'admission_decision',
          subject: translate(locale, 'mail.admissions.decision.subject', { campaign }),
          text: translate(locale, `mail.admissions.decision.${row.decision}` as MessageKey, { name: row.firstName, campaign, link: `${deps.config.publicUrl}/my-applications/${row.id}` }),
          meta: { applicationId: row.id, decision: row.decision },
        });
      }
      await repo.markNotified(batch.map((r) => r.id), deps.clock.now());
      sent += batch.length;
      await reportProgress(sent, total);
    }
    return { sent };
  });
}
