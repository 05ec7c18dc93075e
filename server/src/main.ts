import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/bootstrap.ts';
import { resolveAppSecret } from './lib/app-secret.ts';
import { createJobQueue } from './lib/jobs.ts';
import { createSecretBox } from './lib/secret-box.ts';
import { listDemoAccounts, seedDemoIfEmpty } from './features/demo/demo.seed.ts';

/** The only file that listens: config → database → migrate → demo → jobs → app → listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const appSecret = await resolveAppSecret(config.appSecret, config.dataDir);
  let isStopping = false;
  const jobs = createJobQueue({
    db: database.db,
    connectionString: database.url,
    onError: (error) => {
      // While stopping, pg-boss may still hold an idle connection when PostgreSQL shuts down (57P01): expected, not news.
      if (isStopping && (error as { code?: string }).code === '57P01') return;
      app.log.error({ err: error }, 'job failed');
    },
  });
  const app = await buildApp({ config, db: database.db, appSecret, jobs, isServingWeb: true, changeFeedUrl: database.url });
  await jobs.start();

  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await jobs.stop();
    await database.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  if (config.seedDemo) {
    const demo = await seedDemoIfEmpty({ db: database.db, log: app.log, issuer: { secretBox: createSecretBox(appSecret), publicUrl: config.publicUrl } });
    if (demo) app.log.info({ accounts: demo.accounts.length }, 'demo data loaded');
  }
  await app.listen({ host: config.host, port: config.port });
  app.log.info({ url: config.publicUrl, docs: `${config.publicUrl}/api/docs` }, 'mayors-school is ready');
  // A banner for the person who just typed `npm start`, not a log line (so it is not redacted or JSON).
  process.stdout.write(startBanner(config.publicUrl, config.seedDemo));
}

function startBanner(url: string, isDemo: boolean): string {
  const lines = [``, `  Школа мэров / mayors-school is running at ${url}`, `  API docs: ${url}/api/docs`];
  if (isDemo) {
    const accounts = listDemoAccounts();
    lines.push(`  Demo accounts (password: ${accounts[0]?.password ?? ''}):`);
    for (const account of accounts) lines.push(`    ${account.role.padEnd(12)} ${account.email}`);
  }
  return `${lines.join('\n')}\n\n`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
