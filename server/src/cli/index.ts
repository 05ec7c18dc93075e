import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '../config.ts';
import { ERROR_CODES } from '../lib/errors.ts';
import { AppError } from '../lib/errors.ts';
import { translate } from '../lib/i18n.ts';
import { createAdmin, inviteUser } from './commands/accounts.ts';
import { backupDatabase, restoreDatabase } from './commands/backup.ts';
import { reportMigrated, seedDemo } from './commands/database.ts';
import { CliError, openCliContext, type CliContext } from './context.ts';

const USAGE = `Usage: mayors-school <command> [options]   (npm run cli -- <command> [options])

Commands:
  migrate                                   apply database migrations
  seed-demo                                 load the demo into an empty database
  create-admin --email E --name N [--password P] [--locale ru|en]
                                            create an administrator (prints an invitation link without --password)
  invite --email E                          print (and mail) a fresh invitation link
  import-people --stream ID --file PATH [--dry-run] [--skip-bad-rows] [--invite] [--locale ru|en]
                                            import a CSV/XLSX file of people into a stream
  import-applications --campaign ID --file PATH [--dry-run] [--skip-bad-rows] [--locale ru|en]
                                            import a CSV/XLSX file of admissions applications into a campaign
  backup --out FILE                         write the whole database to FILE (pg_dump -Fc)
  restore --in FILE [--yes]                 replace the database's data with FILE (pg_restore)

Configuration comes from the same environment variables as the server (DATABASE_URL, DATA_DIR, …).
Exit codes: 0 success, 1 failure, 2 bad usage or bad input.`;

type Options = NonNullable<ParseArgsConfig['options']>;

interface Command {
  options: Options;
  run: (context: CliContext, values: Record<string, string | boolean | undefined>) => Promise<number | void>;
}

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);

const COMMANDS: Record<string, Command> = {
  migrate: { options: {}, run: async (context) => reportMigrated(context) },
  'seed-demo': { options: {}, run: async (context) => seedDemo(context) },
  'create-admin': {
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, locale: { type: 'string' } },
    run: (context, v) => createAdmin(context, { email: text(v.email), name: text(v.name), password: text(v.password), locale: text(v.locale) }),
  },
  invite: { options: { email: { type: 'string' } }, run: (context, v) => inviteUser(context, { email: text(v.email) }) },
  'import-people': {
    options: {
      stream: { type: 'string' },
      file: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'skip-bad-rows': { type: 'boolean', default: false },
      invite: { type: 'boolean', default: false },
      locale: { type: 'string' },
    },
    // Loaded on demand: the import parsers (XLSX) are heavy and only this command needs them.
    run: async (context, v) =>
      (await import('./commands/import-people.ts')).importPeople(context, {
        stream: text(v.stream),
        file: text(v.file),
        dryRun: v['dry-run'] === true,
        skipBadRows: v['skip-bad-rows'] === true,
        invite: v.invite === true,
        locale: text(v.locale),
      }),
  },
  'import-applications': {
    options: {
      campaign: { type: 'string' },
      file: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'skip-bad-rows': { type: 'boolean', default: false },
      locale: { type: 'string' },
    },
    run: async (context, v) =>
      (await import('./commands/import-applications.ts')).importApplications(context, {
        campaign: text(v.campaign),
        file: text(v.file),
        dryRun: v['dry-run'] === true,
        skipBadRows: v['skip-bad-rows'] === true,
        locale: text(v.locale),
      }),
  },
  backup: {
    options: { out: { type: 'string' } },
    run: async (context, v) => {
      if (!text(v.out)) throw new CliError('--out: the backup file path is required', 2);
      const { file, bytes } = await backupDatabase(context, text(v.out)!);
      console.log(`${file} (${(bytes / 1024 / 1024).toFixed(2)} MB)`);
    },
  },
  restore: {
    options: { in: { type: 'string' }, yes: { type: 'boolean', default: false } },
    run: async (context, v) => {
      if (!text(v.in)) throw new CliError('--in: the backup file path is required', 2);
      await restoreDatabase(context, text(v.in)!, { isConfirmed: v.yes === true });
    },
  },
};

/** Turns any failure into one readable line on stderr and an exit code; stack traces only for the unexpected. */
function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof AppError) {
    const title = translate('en', ERROR_CODES[error.code].title);
    const fields = error.fields.map((f) => `  ${f.path}: ${translate('en', f.key, f.params)}`);
    const exitCode = ERROR_CODES[error.code].status < 500 ? 2 : 1;
    return { message: [title, ...fields].join('\n'), exitCode };
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    return { message: `${error.message}\n\n${USAGE}`, exitCode: 2 };
  }
  return { message: error instanceof Error ? (error.stack ?? error.message) : String(error), exitCode: 1 };
}

/** Parses the command line, runs one command against the configured database, answers an exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command: ${name}\n\n${USAGE}`);
    return 2;
  }
  let context: CliContext | null = null;
  try {
    const { values } = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: false });
    context = await openCliContext(loadConfig());
    return (await command.run(context, values as Record<string, string | boolean | undefined>)) ?? 0;
  } catch (error) {
    const { message, exitCode } = describeFailure(error);
    console.error(`Error: ${message}`);
    return exitCode;
  } finally {
    await context?.close().catch(() => undefined);
  }
}

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
