import { z } from 'zod';
import { CLI_ACTOR, CliError, type CliContext } from '../context.ts';
import { parseLocale, runFileImport } from './import-file.ts';

/**
 * Imports an admissions applications file (CSV or XLSX, from a campaign run on another platform) into
 * a campaign the same way the web app does: a dry run first, then the import job with a progress bar.
 * A file with errors imports nothing unless --skip-bad-rows; running it again adds nothing.
 * Exit code 2 when the file has errors that stopped the import (or, with --dry-run, that would).
 */
export async function importApplications(
  context: CliContext,
  options: { campaign?: string; file?: string; dryRun: boolean; skipBadRows: boolean; locale?: string },
): Promise<number> {
  const campaignId = z.uuid().safeParse(options.campaign);
  if (!campaignId.success) throw new CliError('--campaign: the admissions campaign id (a UUID) is required', 2);
  const locale = parseLocale(options.locale);
  return runFileImport(
    context,
    { ...options, locale },
    (imports, file) => imports.uploadApplications(CLI_ACTOR, campaignId.data, async () => file, locale),
    (r) =>
      `${r.created ?? 0} applications created, ${r.updated ?? 0} updated, ${r.skipped ?? 0} rows skipped, ` +
      `${r.peopleCreated ?? 0} people created, ${r.peopleUpdated ?? 0} people updated`,
  );
}
