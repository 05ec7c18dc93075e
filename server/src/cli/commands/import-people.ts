import { z } from 'zod';
import { CLI_ACTOR, CliError, type CliContext } from '../context.ts';
import { parseLocale, runFileImport } from './import-file.ts';

/**
 * Imports a people file (CSV or XLSX) into a stream the same way the web app does: a dry run first,
 * then the import job with a progress bar. The
 * dry run's report is written in --locale (ru or en; English by default). A file with errors imports nothing unless --skip-bad-rows.
 * Exit code 2 when the file has errors that stopped the import (or, with --dry-run, that would).
 */
export async function importPeople(
  context: CliContext,
  options: { stream?: string; file?: string; dryRun: boolean; skipBadRows: boolean; invite: boolean; locale?: string },
): Promise<number> {
  const streamId = z.uuid().safeParse(options.stream);
  if (!streamId.success) throw new CliError('--stream: the stream id (a UUID) is required', 2);
  const locale = parseLocale(options.locale);
  return runFileImport(
    context,
    { ...options, locale },
    (imports, file) => imports.uploadPeople(CLI_ACTOR, streamId.data, async () => file, locale),
    (r) => `${r.created ?? 0} created, ${r.updated ?? 0} updated, ${r.enrolled ?? 0} enrolled, ${r.skipped ?? 0} rows skipped, ${r.invited ?? 0} invited`,
  );
}
