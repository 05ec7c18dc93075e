import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ImportCheck } from '@ms/contracts/imports';
import { createJobQueue } from '../../lib/jobs.ts';
import { AppError } from '../../lib/errors.ts';
import { registerJobHandlers } from '../../features/job-handlers.ts';
import { createImportsService } from '../../features/imports/imports.service.ts';
import { createJobsService } from '../../features/jobs/jobs.service.ts';
import { CLI_ACTOR, CliError, type CliContext } from '../context.ts';
import { createProgress } from '../progress.ts';

const SHOWN_PROBLEMS = 20;
const POLL_MS = 250;

function printCheck(check: ImportCheck): void {
  console.error(`${check.fileName}: ${check.rowCount} rows, ${check.errorCount} problems in ${check.badRowCount} rows.`);
  for (const problem of check.errors.slice(0, SHOWN_PROBLEMS)) {
    console.error(`  row ${problem.row}, ${problem.column ?? problem.field}: ${problem.message}`);
  }
  if (check.errorCount > SHOWN_PROBLEMS) console.error(`  … and ${check.errorCount - SHOWN_PROBLEMS} more (see the report in the web app).`);
}

/**
 * Imports a people file (CSV or XLSX) into a stream the same way the web app does: a dry run first,
 * then the import job with a progress bar. A file with errors imports nothing unless --skip-bad-rows.
 * Exit code 2 when the file has errors that stopped the import (or, with --dry-run, that would).
 */
export async function importPeople(
  context: CliContext,
  options: { stream?: string; file?: string; dryRun: boolean; skipBadRows: boolean; invite: boolean },
): Promise<number> {
  const streamId = z.uuid().safeParse(options.stream);
  if (!streamId.success) throw new CliError('--stream: the stream id (a UUID) is required', 2);
  if (!options.file) throw new CliError('--file: the path of a CSV or XLSX file is required', 2);
  const file = path.resolve(options.file);
  const bytes = await fs.readFile(file).catch(() => {
    throw new CliError(`Cannot read ${file}`, 2);
  });

  const { db, url } = context.database;
  const jobs = createJobQueue({ db, connectionString: url });
  const imports = createImportsService({ db, clock: context.clock, jobs });
  const check = await imports.uploadPeople(CLI_ACTOR, streamId.data, async () => ({ fileName: path.basename(file), bytes, mapping: null }), 'en');
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
    const { jobId } = await imports.commit(CLI_ACTOR, check.uploadId, { skipBadRows: options.skipBadRows, invite: options.invite }, 'en');
    const runs = createJobsService({ db });
    const progress = createProgress('import');
    for (;;) {
      const run = await runs.findRun(CLI_ACTOR, jobId);
      progress.update(run.done, run.total);
      if (run.status === 'succeeded') {
        const r = run.result ?? {};
        progress.done(`import: ${r.created ?? 0} created, ${r.updated ?? 0} updated, ${r.enrolled ?? 0} enrolled, ${r.skipped ?? 0} rows skipped, ${r.invited ?? 0} invited`);
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
