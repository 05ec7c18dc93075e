import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { connectDatabase, type DatabaseHandle } from '../server/src/db/client.ts';
import { startEmbeddedPostgres } from '../server/src/db/embedded.ts';
import { migrateDatabase } from '../server/src/db/migrate.ts';
import { ensureReferenceData } from '../server/src/features/reference/reference.repo.ts';
import { createJobQueue, type JobQueue } from '../server/src/lib/jobs.ts';
import { findFreePort } from '../server/test/ports.ts';


/** The app secret of bench servers: scenarios that mint sessions directly need it for CSRF tokens. */
export const BENCH_APP_SECRET = 'bench-secret-bench-secret-bench-secret-01';

export interface BenchServer {
  app: FastifyInstance;
  url: string;
  databaseUrl: string;
  handle: DatabaseHandle;
  jobs: JobQueue;
  close: () => Promise<void>;
}

/** A real server on a real (embedded, durable) PostgreSQL, listening on loopback. */
export async function startBenchServer(): Promise<BenchServer> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms-bench-'));
  await fs.chmod(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), settings: { max_connections: '200' } });
  const handle = connectDatabase(embedded.url);
  await migrateDatabase(handle.db);
  await ensureReferenceData(handle.db);
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: embedded.url, SEED_DEMO: 'false', SEARCH_CONCURRENCY: process.env.SEARCH_CONCURRENCY });
  const jobs = createJobQueue({ db: handle.db, connectionString: embedded.url });
  const app = await buildApp({ config, db: handle.db, appSecret: BENCH_APP_SECRET, jobs, changeFeedUrl: embedded.url });
  await jobs.start();
  const port = await findFreePort();
  await app.listen({ host: '127.0.0.1', port });
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    databaseUrl: embedded.url,
    handle,
    jobs,
    close: async () => {
      await app.close();
      await jobs.stop();
      await handle.close();
      await embedded.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/**
 * Drives one URL with N concurrent connections for a few seconds (loopback only). The load generator
 * runs in a worker thread: on the server's own thread it spent a fifth of the CPU decoding response
 * bodies, which measured the client as much as the server (and hit large responses hardest).
 */
export async function load(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds, headers: options.headers, workers: 1 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** One line per measurement, with its target and whether it was met. */
export function report(name: string, value: string, target: string, isMet: boolean): void {
  process.stdout.write(`${isMet ? 'PASS' : 'MISS'}  ${name.padEnd(58)} ${value.padEnd(36)} target ${target}\n`);
}
