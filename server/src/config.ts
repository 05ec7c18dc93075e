import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Every setting the server understands is listed here, parsed once,
 * and the process refuses to start on a bad value (fail fast, with the variable's name).
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public base URL used in e-mails, QR codes and links. */
  PUBLIC_URL: z.url().optional(),
  /** External PostgreSQL. When absent the embedded PostgreSQL is started. */
  DATABASE_URL: z.string().min(1).optional(),
  /** Where the embedded PostgreSQL keeps its files (and the lock). */
  DATA_DIR: z.string().default('./data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Secret used to sign CSRF tokens and encrypt TOTP secrets; generated into DATA_DIR when absent. */
  APP_SECRET: z.string().min(32).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  /** smtp://user:pass@host:port — when absent, mail lands in the outbox only. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Школа мэров <no-reply@mayors-school.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load the deterministic demo into an empty database at start. */
  SEED_DEMO: booleanFromEnv.default(true),
  /** The programme's time zone, applied only when showing or exporting times. */
  TIME_ZONE: z.string().default('Europe/Moscow'),
  /** Largest accepted request body, in megabytes (uploads included). */
  BODY_LIMIT_MB: z.coerce.number().min(1).max(200).default(20),
  /** How many full-text searches run at once; more wait their turn (default: the number of CPU cores). */
  SEARCH_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  appSecret: string | undefined;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  seedDemo: boolean;
  timeZone: string;
  bodyLimitBytes: number;
  searchConcurrency: number;
};

/** Parses the environment (or the given record, for tests) into a Config, or throws naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    appSecret: e.APP_SECRET,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    timeZone: e.TIME_ZONE,
    bodyLimitBytes: Math.round(e.BODY_LIMIT_MB * 1024 * 1024),
    // One more than the cores: while the server's thread turns a finished search around, PostgreSQL
    // already runs the next (bench, eight alternating runs: p50 29–30 ms against 30–33 ms with the cores alone).
    searchConcurrency: e.SEARCH_CONCURRENCY ?? os.availableParallelism() + 1,
  };
}
