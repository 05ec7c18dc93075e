import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { TestProject } from 'vitest/node';
import { connectDatabase, urlForDatabase } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { ensureReferenceData } from '../src/features/reference/reference.repo.ts';
import { findFreePort } from './ports.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export const TEMPLATE_DB = 'ms_template';


/**
 * One throwaway PostgreSQL for the whole run (durability off: it is deleted afterwards), with a
 * migrated template database that each test file clones in milliseconds.
 */
export default async function setup(project: TestProject) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms-test-pg-'));
  await fs.chmod(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port: await findFreePort(),
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
  });
  const admin = new pg.Client({ connectionString: embedded.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = urlForDatabase(embedded.url, TEMPLATE_DB);
  const handle = connectDatabase(templateUrl, { max: 2 });
  await migrateDatabase(handle.db);
  await ensureReferenceData(handle.db);
  await handle.close();
  // pg-boss would create its schema at every test file's start; creating it once here keeps clones ready.
  const template = new pg.Client({ connectionString: templateUrl });
  await template.connect();
  await template.query(PgBoss.getConstructionPlans('pgboss'));
  await template.end();
  project.provide('pgAdminUrl', embedded.url);
  return async () => {
    await embedded.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
