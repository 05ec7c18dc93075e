import pino from 'pino';
import type { CliContext } from '../context.ts';
import { createProgress } from '../progress.ts';

/** Opening the context already migrated the database; this only says so. */
export function reportMigrated(context: CliContext): void {
  console.log(`Database is at the latest schema (${context.config.databaseUrl ? 'DATABASE_URL' : `embedded, ${context.config.dataDir}`}).`);
}

/** Loads the demo into an empty database; a database with data is left alone. */
export async function seedDemo(context: CliContext): Promise<void> {
  // Loaded on demand: the demo generator is large and only this command needs it.
  const { seedDemoIfEmpty } = await import('../../features/demo/demo.seed.ts');
  const log = pino({ level: context.config.logLevel === 'info' ? 'warn' : context.config.logLevel }, pino.destination(2));
  const progress = createProgress('seed-demo');
  const timer = setInterval(() => progress.tick(), 200);
  try {
    const result = await seedDemoIfEmpty({ db: context.database.db, log, issuer: { secretBox: context.secretBox, publicUrl: context.config.publicUrl } });
    clearInterval(timer);
    if (!result) {
      progress.done('seed-demo: the database already has data; the demo was not loaded');
      return;
    }
    progress.done('seed-demo: demo data loaded');
    console.log('Demo accounts:');
    for (const account of result.accounts) console.log(`  ${account.role.padEnd(12)} ${account.email}  ${account.password}`);
  } finally {
    clearInterval(timer);
  }
}
