import fs from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { migrateDatabase } from '../../db/migrate.ts';
import { CliError, type CliContext } from '../context.ts';
import { createMaintenanceRepo, QUEUE_SCHEMA } from '../maintenance.repo.ts';
import { runPgTool } from '../pg-tools.ts';
import { createProgress } from '../progress.ts';

/**
 * Writes the database to one file in PostgreSQL's custom format (pg_dump -Fc). The dump goes to a
 * temporary name first, so a failed backup never leaves a truncated file under the real name.
 * pg-boss's queue schema is left out: it is transient (pg-boss recreates it), and its partitioned
 * tables break pg_restore --clean ("cannot drop inherited constraint").
 */
export async function backupDatabase(context: CliContext, outFile: string): Promise<{ file: string; bytes: number }> {
  const file = path.resolve(outFile);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const total = await createMaintenanceRepo(context.database.db).countBackedUpTables();
  const progress = createProgress('backup');
  let done = 0;
  progress.update(0, total);
  try {
    await runPgTool('pg_dump', ['--format=custom', '--no-owner', `--exclude-schema=${QUEUE_SCHEMA}`, '--verbose', `--file=${partial}`], context.database.url, {
      onLine: (line) => {
        if (/dumping contents of table/.test(line)) progress.update(++done, Math.max(total, done));
      },
    });
    await fs.rename(partial, file);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  }
  const { size } = await fs.stat(file);
  progress.done(`backup: ${done} tables written to ${file}`);
  return { file, bytes: size };
}

async function confirmRestore(file: string): Promise<void> {
  if (!process.stdin.isTTY) return;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`This replaces the data in the database with ${file}. Type "yes" to go on: `);
    if (answer.trim().toLowerCase() !== 'yes') throw new CliError('Restore cancelled; nothing was changed.', 1);
  } finally {
    prompt.close();
  }
}

/**
 * Restores a pg_dump -Fc file into the same database: drops what the file contains and recreates
 * it in one transaction (all or nothing), then applies any migrations newer than the backup. Jobs
 * that were queued or running at backup time are marked failed, so they can be started again.
 * Stop the server first: its connections would hold locks the restore needs.
 */
export async function restoreDatabase(context: CliContext, inFile: string, options: { isConfirmed: boolean }): Promise<void> {
  const file = path.resolve(inFile);
  await fs.access(file).catch(() => {
    throw new CliError(`No such file: ${file}`, 2);
  });
  if (!options.isConfirmed) await confirmRestore(file);
  const listing = await runPgTool('pg_restore', ['--list', file], context.database.url);
  const total = listing.split('\n').filter((line) => / TABLE DATA /.test(line)).length;
  const progress = createProgress('restore');
  let done = 0;
  progress.update(0, total);
  await runPgTool(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--verbose', file],
    context.database.url,
    { onLine: (line) => (/processing data for table/.test(line) ? progress.update(++done, Math.max(total, done)) : undefined) },
  );
  // A backup from an older version is brought up to the current schema.
  await migrateDatabase(context.database.db);
  const interrupted = await createMaintenanceRepo(context.database.db).failInterruptedRuns(
    'Interrupted by a database restore: start it again.',
    context.clock.now(),
  );
  if (interrupted > 0) console.error(`restore: ${interrupted} unfinished background jobs marked failed; start them again.`);
  progress.done(`restore: ${done} tables restored from ${file}`);
}
