import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { urlForDatabase } from '../src/db/client.ts';

/** A fresh database of this test file's own, cloned from the migrated template. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ms_template`);
  } finally {
    await admin.end();
  }
  return urlForDatabase(adminUrl, name);
}
