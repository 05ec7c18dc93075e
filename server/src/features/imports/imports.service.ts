import type { CommitImportBody, ImportCheck, ImportKind, ImportMapping, ImportReport, ImportSummary } from '@ms/contracts/imports';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { JobQueue } from '../../lib/jobs.ts';
import type { Locale } from '../../lib/messages.ts';
import { describeProblems, readHead, type CheckSummary } from './imports.check.ts';
import { checkForDryRun, createCheckedRowsCache, type KeptRows } from './imports.checked-cache.ts';
import { assertCanImportIntoCampaign, assertCanImportIntoStream, assertCanImportMunicipalities, assertCanUseImports } from './imports.policy.ts';
import { createImportsRepo, type UploadRow } from './imports.repo.ts';
import { LISTED_PROBLEMS, reportToCsv, translateProblem } from './imports.report.ts';
import type { ImportJobInput } from './imports.jobs.ts';
import type { RowProblem } from './parse/table.ts';

/** A file as received (the service asks for it only after authorising, so nobody unauthorised makes us read 10 MB). */
export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
  mapping: ImportMapping | null;
}

export const JOB_KIND_BY_IMPORT: Record<ImportKind, string> = {
  people: 'people-import',
  municipalities: 'municipalities-import',
  applications: 'applications-import',
};

/** Uploads, dry runs, reports and commits of people, municipalities and admissions applications files. */
export function createImportsService(deps: { db: Database; clock: Clock; jobs: JobQueue }) {
  const repo = createImportsRepo(deps.db);
  // The import job that usually follows a dry run within seconds reuses the checked rows of a small file.
  const checkedRows = createCheckedRowsCache(deps.db);
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  /** Staff who may see the stream (people), the campaign (applications) or any staff (municipalities); others 403/404. */
  async function loadUpload(actor: Actor, id: string): Promise<UploadRow> {
    assertCanUseImports(actor);
    const upload = await repo.findUpload(id);
    if (!upload) throw notFound();
    if (upload.kind === 'people') assertCanImportIntoStream(actor, await repo.findStreamScope(String(upload.target.streamId)));
    if (upload.kind === 'applications') assertCanImportIntoCampaign(actor, await repo.findCampaign(String(upload.target.campaignId)));
    return upload;
  }

  /** The dry run as answered: the stored state of the upload, with the file's columns and first rows. */
  function view(upload: UploadRow, head: Pick<CheckSummary, 'columns' | 'sample'>, locale: Locale): ImportCheck {
    const problems = (upload.report ?? []) as RowProblem[];
    const counts = describeProblems(problems);
    return {
      uploadId: upload.id,
      kind: upload.kind as ImportKind,
      fileName: upload.fileName,
      status: upload.status as ImportCheck['status'],
      columns: head.columns,
      mapping: Object.fromEntries(head.columns.map((column) => [column, upload.mapping?.[column] ?? null])),
      rowCount: upload.rowCount ?? 0,
      ...counts,
      errors: problems.slice(0, LISTED_PROBLEMS).map((p) => translateProblem(locale, p)),
      sample: head.sample,
      summary: publicSummary(upload.summary),
      lastJobId: upload.lastJobId,
      createdAt: upload.createdAt.toISOString(),
    };
  }

  async function createAndCheck(actor: Actor, kind: ImportKind, target: Record<string, unknown>, file: UploadedFile, locale: Locale) {
    const day = today();
    let checked: CheckSummary | undefined;
    let kept: KeptRows | undefined;
    const upload = await deps.db.transaction(async (tx) => {
      // The file is stored while it is checked (the database writes a megabyte while this thread parses
      // it), with the check's results set once known. An unreadable file rolls the row back: nothing is kept.
      const storing = repo.createUpload(
        { kind, target, fileName: file.fileName.slice(0, 255), content: file.bytes, status: 'checked', createdBy: actor.userId },
        tx,
      );
      storing.catch(() => undefined); // a failed check throws first: this rejection must not go unhandled
      // Checked chunk by chunk: an applications file's rows are dropped as they are checked.
      const dryRun = await checkForDryRun(repo, { kind, content: file.bytes, mapping: file.mapping }, day);
      checked = dryRun.summary;
      kept = dryRun.kept;
      const results = { mapping: storedMapping(checked.mapping), rowCount: checked.rowCount, errorCount: checked.problems.length, report: checked.problems };
      const row = { ...(await storing), ...results };
      await repo.updateUpload(row.id, results, tx);
      await recordAudit(tx, {
        actor,
        action: 'import.upload',
        entity: 'import_upload',
        entityId: row.id,
        details: { kind, ...target, fileName: row.fileName, rowCount: checked.rowCount, errorCount: checked.problems.length },
      });
      return row;
    });
    if (kept) checkedRows.remember(upload.id, upload.mapping, day, kept);
    return view(upload, checked!, locale);
  }

  return {
    /** Stores a people file for a stream and answers its dry run. */
    async uploadPeople(actor: Actor, streamId: string, readFile: () => Promise<UploadedFile>, locale: Locale): Promise<ImportCheck> {
      assertCanImportIntoStream(actor, await repo.findStreamScope(streamId));
      return createAndCheck(actor, 'people', { streamId }, await readFile(), locale);
    },

    /** Stores an applications file for an admissions campaign (run elsewhere) and answers its dry run. */
    async uploadApplications(actor: Actor, campaignId: string, readFile: () => Promise<UploadedFile>, locale: Locale): Promise<ImportCheck> {
      assertCanImportIntoCampaign(actor, await repo.findCampaign(campaignId));
      return createAndCheck(actor, 'applications', { campaignId }, await readFile(), locale);
    },

    /** Stores a municipalities file and answers its dry run. */
    async uploadMunicipalities(actor: Actor, readFile: () => Promise<UploadedFile>, locale: Locale): Promise<ImportCheck> {
      assertCanImportMunicipalities(actor);
      return createAndCheck(actor, 'municipalities', {}, await readFile(), locale);
    },

    /** The stored dry run of an upload (with its sample rows: a read of personal data, so audited). */
    async findCheck(actor: Actor, id: string, locale: Locale): Promise<ImportCheck> {
      const upload = await loadUpload(actor, id);
      const head = await readHead(await repo.findUploadContent(id), upload.kind);
      await recordAudit(deps.db, { actor, action: 'import.read', entity: 'import_upload', entityId: id });
      return view(upload, head, locale);
    },

    /** Re-checks the upload with an explicit column mapping and keeps that mapping for the import. */
    async setMapping(actor: Actor, id: string, mapping: ImportMapping, locale: Locale): Promise<ImportCheck> {
      const upload = await loadUpload(actor, id);
      if (upload.status === 'importing') throw new AppError('conflict');
      const day = today();
      const { summary: checked, kept } = await checkForDryRun(repo, { kind: upload.kind, content: await repo.findUploadContent(id), mapping }, day);
      const values = {
        mapping: storedMapping(checked.mapping),
        status: 'checked',
        rowCount: checked.rowCount,
        errorCount: checked.problems.length,
        report: checked.problems,
      };
      await deps.db.transaction(async (tx) => {
        await repo.updateUpload(id, values, tx);
        await recordAudit(tx, { actor, action: 'import.mapping', entity: 'import_upload', entityId: id, details: { mapping } });
      });
      if (kept) checkedRows.remember(id, values.mapping, day, kept);
      return view({ ...upload, ...values }, checked, locale);
    },

    /** The full row-level report of the last check, translated. */
    async findReport(actor: Actor, id: string, locale: Locale): Promise<ImportReport> {
      const upload = await loadUpload(actor, id);
      const problems = (upload.report ?? []) as RowProblem[];
      const { errorCount, badRowCount } = describeProblems(problems);
      return {
        uploadId: upload.id,
        status: upload.status as ImportReport['status'],
        rowCount: upload.rowCount ?? 0,
        errorCount,
        badRowCount,
        errors: problems.map((p) => translateProblem(locale, p)),
        summary: publicSummary(upload.summary),
      };
    },

    /** The same report as a CSV file for Excel. */
    async findReportCsv(actor: Actor, id: string, locale: Locale): Promise<Buffer> {
      const upload = await loadUpload(actor, id);
      return reportToCsv(locale, (upload.report ?? []) as RowProblem[]);
    },

    /**
     * Starts the import job. A file with errors is refused (422, nothing written) unless skipBadRows;
     * a file-level error (missing column) is refused always. Asking twice while it runs answers the
     * same job.
     */
    async commit(actor: Actor, id: string, body: CommitImportBody, locale: Locale): Promise<{ jobId: string }> {
      const upload = await loadUpload(actor, id);
      const counts = describeProblems((upload.report ?? []) as RowProblem[]);
      if (counts.hasFileErrors || (counts.errorCount > 0 && !body.skipBadRows)) {
        throw new AppError('import_invalid', { extra: { errorCount: counts.errorCount, badRowCount: counts.badRowCount } });
      }
      const isInviting = body.invite && upload.kind === 'people';
      const isClaimed = await repo.claimUpload(id, { isSkippingBadRows: body.skipBadRows, isInviting });
      if (!isClaimed && upload.lastJobId) return { jobId: upload.lastJobId };
      if (!isClaimed) throw new AppError('conflict');
      const input: ImportJobInput = {
        uploadId: id,
        skipBadRows: body.skipBadRows,
        invite: isInviting,
        actorUserId: actor.userId,
        actorEmail: actor.email,
        locale,
      };
      try {
        const jobId = await deps.jobs.enqueue(JOB_KIND_BY_IMPORT[upload.kind as ImportKind], input, actor);
        await deps.db.transaction(async (tx) => {
          await repo.updateUpload(id, { lastJobId: jobId }, tx);
          await recordAudit(tx, {
            actor,
            action: 'import.commit_requested',
            entity: 'import_upload',
            entityId: id,
            details: { jobId, skipBadRows: body.skipBadRows, invite: isInviting },
          });
        });
        return { jobId };
      } catch (error) {
        await repo.updateUpload(id, { status: 'checked' });
        throw error;
      }
    },
  };
}

/** The mapping as stored: ignored columns are simply left out. */
function storedMapping(mapping: ImportMapping): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).filter((entry): entry is [string, string] => entry[1] !== null));
}

/** The counts of the last import, without the internal bookkeeping kept beside them. */
function publicSummary(summary: Record<string, unknown> | null): ImportSummary | null {
  if (!summary) return null;
  const count = (key: string) => (typeof summary[key] === 'number' ? (summary[key] as number) : 0);
  return {
    created: count('created'),
    updated: count('updated'),
    enrolled: count('enrolled'),
    skipped: count('skipped'),
    usersCreated: count('usersCreated'),
    invited: count('invited'),
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
