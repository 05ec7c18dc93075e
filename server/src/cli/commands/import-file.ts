import fs from 'node:fs/promises';
import path from 'node:path';
import type { ImportCheck } from '@ms/contracts/imports';
import { createJobQueue } from '../../lib/jobs.ts';
import { AppError } from '../../lib/errors.ts';
import type { Locale } from '../../lib/messages.ts';
import { registerJobHandlers } from '../../features/job-handlers.ts';
import { createImportsService, type ImportsService, type UploadedFile } from '../../features/imports/imports.service.ts';
import { createJobsService } from '../../features/jobs/jobs.service.ts';
import { CLI_ACTOR, CliError, type CliContext } from '../context.ts';
import { createProgress } from '../progress.ts';

const SHOWN_PROBLEMS = 20;
const POLL_MS = 250;

/** What the import commands share: the file, the dry-run and skip flags, and the report's language. */
export interface ImportFileOptions {
  file?: string;
  dryRun: boolean;
  skipBadRows: boolean;
  locale: Locale;
}

/** Reads the file named by --file (exit code 2 when missing or unreadable). */
export async function readImportFile(file: string | undefined): Promise<UploadedFile> {
  if (!file) throw new CliError('--file: the path of a CSV or XLSX file is required', 2);
  const resolved = path.resolve(file);
  const bytes = await fs.readFile(resolved).catch(() => {
    throw new CliError(`Cannot read ${resolved}`, 2);
  });
  return { fileName: path.basename(resolved), bytes, mapping: null };
}

/** Parses --locale: the language of the dry run's row messages (English unless ru). */
export function parseLocale(value: string | undefined): Locale {
  if (value === undefined || value === 'en') return 'en';
  if (value === 'ru') return 'ru';
  throw new CliError('--locale: ru or en', 2);
}

function printCheck(check: ImportCheck): void {
  console.error(`${check.fileName}: ${check.rowCount} rows, ${check.errorCount} problems in ${check.badRowCount} rows.`);
  for (const problem of check.errors.slice(0, SHOWN_PROBLEMS)) {
    console.error(`  row ${problem.row}, ${problem.column ?? problem.field}: ${problem.message}`);
  }
  if (check.errorCount > SHOWN_PROBLEMS) console.error(`  … and ${check.errorCount - SHOWN_PROBLEMS} more (see the report in the web app).`);
}

/**
 * Runs one import the way the web app does, through the same imports service: `upload` stores the
 * file and answers its dry run; then (unless --dry-run, or errors without --skip-bad-rows) the import
 * job runs in this process with a progress bar, and `describe` turns its result into the final line.
 * Answers the exit code: 2 when the file's errors stopped (or, with --dry-run, would stop) the import.
 */
export async function runFileImport(
  context: CliContext,
  options: ImportFileOptions & { invite?: boolean },
  upload: (imports: ImportsService, file: UploadedFile) => Promise<ImportCheck>,
  describe: (result: Record<string, number | undefined>) => string,
): Promise<number> {
  const file = await readImportFile(options.file);
  const { db, url } = context.database;
  const jobs = createJobQueue({ db, connectionString: url });
  const imports = createImportsService({ db, clock: context.clock, jobs });
  const check = await upload(imports, file);
  printCheck(check);
  const isBlocked = check.hasFileErrors || (check.errorCount > 0 && !options.skipBadRows);
  if (options.dryRun) {
    console.error(isBlocked ? 'Dry run: the file would not be imported.' : 'Dry run: nothing imported.');
    return isBlocked ? 2 : 0;
  }
  if (isBlocked) {
    console.error('Nothing imported: fix the file, or pass --skip-bad-rows to import the good rows only.');
    return 2;
  }

  // This process runs the job itself, so the command works without a server running.
  await registerJobHandlers({ jobs, db, config: context.config, auth: context.auth, clock: context.clock, secretBox: context.secretBox });
  await jobs.start();
  try {
    const body = { skipBadRows: options.skipBadRows, invite: options.invite === true };
    const { jobId } = await imports.commit(CLI_ACTOR, check.uploadId, body, options.locale);
    const runs = createJobsService({ db });
    const progress = createProgress('import');
    for (;;) {
      const run = await runs.findRun(CLI_ACTOR, jobId);
      progress.update(run.done, run.total);
      if (run.status === 'succeeded') {
        progress.done(`import: ${describe((run.result ?? {}) as Record<string, number | undefined>)}`);
        return 0;
      }
      if (run.status === 'failed') throw new CliError(`The import failed: ${run.error ?? 'unknown error'}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } catch (error) {
    if (error instanceof AppError && error.code === 'import_invalid') {
      console.error('Nothing imported: the file has errors.');
      return 2;
    }
    throw error;
  } finally {
    await jobs.stop();
  }
}
