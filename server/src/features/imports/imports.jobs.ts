import { EligibilityRulesSchema } from '@ms/contracts/admissions';
import type { Database } from '../../db/client.ts';
import { evaluateEligibility } from '../admissions/eligibility.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { RetryableJobError, type JobQueue } from '../../lib/jobs.ts';
import type { Locale } from '../../lib/messages.ts';
import { collectGoodRows, scanUpload, type CheckSummary, type UploadScan } from './imports.check.ts';
import { createCheckedRowsCache, isStillValid, type KeptRows } from './imports.checked-cache.ts';
import { createBackgroundProgress } from './imports.progress.ts';
import { withCopyTransaction } from './imports.copy.ts';
import { createImportsRepo, type Executor, type UploadRow } from './imports.repo.ts';
import { commitApplicationRows, type ApplicationToWrite } from './applications-commit.repo.ts';
import { commitMunicipalityRows } from './municipalities-commit.repo.ts';
import { commitPeopleRows } from './people-commit.repo.ts';

/** What the commit endpoint hands to the import job. */
export type ImportJobInput = {
  uploadId: string;
  skipBadRows: boolean;
  invite: boolean;
  actorUserId: string | null;
  actorEmail: string;
  locale: Locale;
};

type Progress = (done: number, total: number) => Promise<void>;
type SendInvitation = (userId: string, invitedBy: Actor | null, locale: Locale) => Promise<unknown>;

/**
 * Progress while rows are read, checked and COPYed into staging: that is the quick half of the work,
 * and the set-based writes after it the long one, so the bar stops at half until they are done.
 */
const stagedShare = (done: number) => Math.floor(done / 2);

/** Participants are invited in Russian, the programme's first language; they can switch later. */
const INVITATION_LOCALE: Locale = 'ru';

/** Whether a check lets the import go ahead: no file-level problem, and no problem at all unless skipping bad rows. */
const isImportable = (summary: CheckSummary, input: ImportJobInput) =>
  !summary.hasFileErrors && (summary.problems.length === 0 || input.skipBadRows);

const refusal = (summary: CheckSummary) => new AppError('import_invalid', { extra: { errorCount: summary.problems.length } });

/**
 * The import jobs' core. Each run re-checks the stored file against today's reference data (it may
 * have changed since the dry run), reading and checking it chunk by chunk, and writes everything in
 * ONE transaction: a crash leaves nothing half-written and pg-boss's retry (or a new run of the same
 * file) redoes the whole run, which changes nothing already there. The applications import (up to
 * 300,000 rows) streams each checked chunk into its staging table and holds no more than a chunk of
 * rows (plus the problems found). People and municipalities files (at most 50,000 rows) are checked
 * whole first, then written; their job reuses the rows the dry run of this process has just checked
 * when nothing they depend on has changed (imports.checked-cache.ts).
 */
export function createImportRunner(deps: { db: Database; clock: Clock; sendInvitation: SendInvitation }) {
  const repo = createImportsRepo(deps.db);
  const checkedRows = createCheckedRowsCache(deps.db);
  const today = () => deps.clock.now().toISOString().slice(0, 10);
  const actorOf = (input: ImportJobInput): Actor => ({ userId: input.actorUserId, email: input.actorEmail, personId: null, grants: [] });

  /** Opens the stored file for the job's own check. */
  async function openScan(upload: UploadRow) {
    const content = await repo.findUploadContent(upload.id);
    return scanUpload(repo, { kind: upload.kind, content, mapping: upload.mapping }, today());
  }

  /** Keeps the job's check as the upload's report, so the user sees what the job saw (also when it refused). */
  function storeReport(uploadId: string, summary: CheckSummary, executor?: Executor) {
    return repo.updateUpload(uploadId, { report: summary.problems, rowCount: summary.rowCount, errorCount: summary.problems.length }, executor);
  }

  /** The good rows of a whole (small) file; refuses (import_invalid) a file with errors unless skipping bad rows. */
  async function recheckWhole<TRow>(scan: UploadScan<TRow>, uploadId: string, input: ImportJobInput) {
    const rows = await collectGoodRows(scan);
    const summary = scan.summary();
    await storeReport(uploadId, summary);
    if (!isImportable(summary, input)) throw refusal(summary);
    return { rows, summary };
  }

  /**
   * The rows the dry run of this process has just checked, when they still stand (same mapping and
   * day, nothing they depend on changed); refused like a re-check when the file may not be imported.
   */
  async function takeKept<K extends KeptRows['kind']>(upload: UploadRow, input: ImportJobInput, kind: K) {
    const kept = checkedRows.take(upload.id, upload.mapping, today());
    if (!kept || kept.kind !== kind || !(await isStillValid(repo, kept))) return undefined;
    if (!isImportable(kept.summary, input)) throw refusal(kept.summary);
    return kept as Extract<KeptRows, { kind: K }>;
  }

  async function run<T extends Record<string, unknown>>(input: ImportJobInput, kind: string, work: (upload: UploadRow) => Promise<T>) {
    const upload = await repo.findUpload(input.uploadId);
    if (!upload || upload.kind !== kind) throw notFound();
    // The commit endpoint claimed it as importing already; only a retry after a failure has to again.
    if (upload.status !== 'importing') await repo.updateUpload(upload.id, { status: 'importing' });
    try {
      return await work(upload);
    } catch (error) {
      const isRefused = error instanceof AppError && error.code === 'import_invalid';
      await repo.updateUpload(upload.id, { status: isRefused ? 'checked' : 'failed' });
      if (error instanceof AppError) throw error;
      // The job's error is shown through the API: a stable code, never SQL text (kept as the cause).
      throw new RetryableJobError('import_failed', { cause: error });
    }
  }

  return {
    /** people-import: upsert people by e-mail, enrol them in the stream, optionally create accounts and invite. */
    runPeopleImport(input: ImportJobInput, reportProgress: Progress) {
      return run(input, 'people', async (upload) => {
        const scope = await repo.findStreamScope(String(upload.target.streamId));
        if (!scope) throw notFound();
        const { rows, summary: checked } = (await takeKept(upload, input, 'people')) ?? (await recheckPeople(upload, input));
        // Progress inside the run is written beside it, never waited for; the final count after flush().
        const progress = createBackgroundProgress(reportProgress);
        await progress.tick(0, rows.length);
        const actor = actorOf(input);
        const { summary, pending } = await withCopyTransaction(deps.db, async (tx, client) => {
          const locked = await repo.lockUpload(tx, upload.id);
          const counts = await commitPeopleRows(tx, client, {
            scope: { organisationId: scope.organisationId, programmeId: scope.programmeId!, streamId: scope.streamId! },
            rows,
            isInviting: input.invite,
            onBatch: (done) => progress.tick(stagedShare(done), rows.length),
          });
          // Accounts created by an earlier attempt that crashed before inviting are still owed a mail.
          const earlier = (locked?.summary?.pendingInvitations as string[] | undefined) ?? [];
          const pendingIds = [...new Set([...earlier, ...counts.newUserIds])];
          const summary = {
            created: counts.created,
            updated: counts.updated,
            enrolled: counts.enrolled,
            skipped: checked.badRowCount,
            usersCreated: counts.usersCreated,
          };
          await repo.updateUpload(upload.id, { status: 'imported', summary: { ...summary, invited: 0, pendingInvitations: pendingIds } }, tx);
          await recordAudit(tx, {
            actor,
            action: 'import.people',
            entity: 'stream',
            entityId: scope.streamId,
            details: { uploadId: upload.id, ...summary },
          });
          return { summary, pending: pendingIds };
        });
        await progress.flush();
        // Mail goes out only after the commit: never for accounts a rolled-back run did not create.
        const invited = input.invite ? await invite(pending, actor, (done, total) => reportProgress(rows.length + done, rows.length + total)) : 0;
        // Without invitations owed, the summary written in the transaction is already the final one.
        if (input.invite || pending.length > 0) await repo.updateUpload(upload.id, { summary: { ...summary, invited, pendingInvitations: [] } });
        await reportProgress(rows.length + invited, rows.length + invited);
        return { uploadId: upload.id, ...summary, invited };
      });
    },

    /**
     * applications-import: upsert the applicants as people by e-mail and their applications to the
     * campaign (one per person), with eligibility evaluated under the campaign's rules as of today.
     * The file is read, checked and COPYed into staging a chunk at a time inside the one transaction;
     * once every row has been checked, a file that may not be imported (a bad row without
     * skipBadRows) is refused before anything but staging is written, and the rollback drops that.
     */
    runApplicationsImport(input: ImportJobInput, reportProgress: Progress) {
      return run(input, 'applications', async (upload) => {
        const campaign = await repo.findCampaign(String(upload.target.campaignId));
        if (!campaign) throw notFound();
        const day = today();
        const rules = EligibilityRulesSchema.parse(campaign.rules ?? {});
        const outcome = await openScan(upload);
        if (outcome.kind !== 'applications') throw notFound();
        const { scan } = outcome;
        const total = upload.rowCount ?? 0;
        const progress = createBackgroundProgress(reportProgress);
        await progress.tick(0, total);
        async function* rowsToWrite(): AsyncGenerator<ApplicationToWrite[]> {
          for await (const rows of scan.chunks) {
            const checked = scan.summary();
            // Once the run is bound to be refused nothing more is staged, but every row is still checked for the report.
            if (!isImportable(checked, input)) continue;
            yield rows.map((row) => {
              const { isEligible, reasons } = evaluateEligibility(row, rules, day);
              return { row, isEligible, reasons };
            });
            await progress.tick(stagedShare(checked.rowCount), total);
          }
        }
        try {
          const details = await withCopyTransaction(deps.db, async (tx, client) => {
            await repo.lockUpload(tx, upload.id);
            const counts = await commitApplicationRows(tx, client, {
              campaignId: campaign.campaignId,
              actorUserId: input.actorUserId,
              chunks: rowsToWrite(),
              beforeWrite: () => {
                if (!isImportable(scan.summary(), input)) throw refusal(scan.summary());
              },
            });
            const checked = scan.summary();
            await storeReport(upload.id, checked, tx);
            const summary = { created: counts.created, updated: counts.updated, enrolled: 0, skipped: checked.badRowCount, usersCreated: 0, invited: 0 };
            await repo.updateUpload(upload.id, { status: 'imported', summary }, tx);
            const details = { uploadId: upload.id, ...summary, peopleCreated: counts.peopleCreated, peopleUpdated: counts.peopleUpdated };
            await recordAudit(tx, { actor: actorOf(input), action: 'import.applications', entity: 'admission_campaign', entityId: campaign.campaignId, details });
            return { details, staged: counts.staged };
          });
          await progress.flush();
          await reportProgress(details.staged, details.staged);
          return details.details;
        } catch (error) {
          await progress.flush();
          // The lock is released by now: the report of a refused run is kept for the user to read.
          if (error instanceof AppError && error.code === 'import_invalid') await storeReport(upload.id, scan.summary());
          throw error;
        }
      });
    },

    /** municipalities-import: upsert the reference on (region_code, name, kind). */
    runMunicipalitiesImport(input: ImportJobInput, reportProgress: Progress) {
      return run(input, 'municipalities', async (upload) => {
        const { rows, summary: checked } = (await takeKept(upload, input, 'municipalities')) ?? (await recheckMunicipalities(upload, input));
        await reportProgress(0, rows.length);
        const summary = await deps.db.transaction(async (tx) => {
          await repo.lockUpload(tx, upload.id);
          const counts = await commitMunicipalityRows(tx, { rows, onBatch: (done) => reportProgress(done, rows.length) });
          const summary = { ...counts, enrolled: 0, skipped: checked.badRowCount, usersCreated: 0, invited: 0 };
          await repo.updateUpload(upload.id, { status: 'imported', summary }, tx);
          await recordAudit(tx, { actor: actorOf(input), action: 'import.municipalities', entity: 'import_upload', entityId: upload.id, details: summary });
          return summary;
        });
        return { uploadId: upload.id, ...summary };
      });
    },
  };

  async function recheckPeople(upload: UploadRow, input: ImportJobInput) {
    const outcome = await openScan(upload);
    if (outcome.kind !== 'people') throw notFound();
    return recheckWhole(outcome.scan, upload.id, input);
  }

  async function recheckMunicipalities(upload: UploadRow, input: ImportJobInput) {
    const outcome = await openScan(upload);
    if (outcome.kind !== 'municipalities') throw notFound();
    return recheckWhole(outcome.scan, upload.id, input);
  }

  /** Invites the accounts still waiting for their mail; each one is a token and an outbox row. */
  async function invite(userIds: string[], actor: Actor, reportProgress: Progress): Promise<number> {
    const uninvited = await repo.findUninvitedUsers(userIds);
    for (const [index, userId] of uninvited.entries()) {
      await deps.sendInvitation(userId, actor, INVITATION_LOCALE);
      if ((index + 1) % 100 === 0) await reportProgress(index + 1, uninvited.length);
    }
    if (uninvited.length > 0) {
      await recordAudit(deps.db, { actor, action: 'import.invitations_sent', entity: 'user', details: { count: uninvited.length } });
    }
    return uninvited.length;
  }
}

/** Registers the import jobs with the same auth service (for invitations) and clock as the app. */
export async function registerImportJobs(deps: {
  jobs: JobQueue;
  db: Database;
  auth: { sendInvitation: SendInvitation };
  clock: Clock;
}): Promise<void> {
  const runner = createImportRunner({ db: deps.db, clock: deps.clock, sendInvitation: deps.auth.sendInvitation });
  await deps.jobs.register<ImportJobInput>('people-import', ({ input, reportProgress }) => runner.runPeopleImport(input, reportProgress));
  await deps.jobs.register<ImportJobInput>('applications-import', ({ input, reportProgress }) => runner.runApplicationsImport(input, reportProgress));
  await deps.jobs.register<ImportJobInput>('municipalities-import', ({ input, reportProgress }) =>
    runner.runMunicipalitiesImport(input, reportProgress),
  );
}
