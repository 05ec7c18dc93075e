import type { Config } from '../config.ts';
import { openDatabase, type OpenedDatabase } from '../db/bootstrap.ts';
import { SYSTEM_ACTOR, type Actor } from '../lib/access.ts';
import { resolveAppSecret } from '../lib/app-secret.ts';
import type { Clock } from '../lib/clock.ts';
import type { AuthService } from '../features/auth/auth.service.ts';
import type { SecretBox } from '../lib/secret-box.ts';
import { createCoreServices } from '../services.ts';
import { createUsersService, type UsersService } from '../features/users/users.service.ts';

/** A failure to report in one line, with the process exit code (2 = bad usage or input, 1 = the rest). */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** The CLI acts as the system (an operator with shell access), named so in the audit log. */
export const CLI_ACTOR: Actor = { ...SYSTEM_ACTOR, email: 'cli' };

export interface CliContext {
  config: Config;
  database: OpenedDatabase;
  clock: Clock;
  auth: AuthService;
  /** Opens sealed secrets (the diploma signing key) for job workers the CLI runs. */
  secretBox: SecretBox;
  users: UsersService;
  close: () => Promise<void>;
}

/**
 * Opens the same database the server uses (DATABASE_URL, or the embedded one under DATA_DIR,
 * migrated) and builds the services the commands call, so the CLI obeys the same rules and audit.
 */
export async function openCliContext(config: Config): Promise<CliContext> {
  const database = await openDatabase(config, { canAttachToRunningServer: true });
  try {
    const appSecret = await resolveAppSecret(config.appSecret, config.dataDir);
    const { clock, auth, secretBox } = createCoreServices({ config, db: database.db, appSecret });
    const users = createUsersService({ db: database.db, auth });
    return { config, database, clock, auth, secretBox, users, close: () => database.shutdown() };
  } catch (error) {
    await database.shutdown();
    throw error;
  }
}
