import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema/index.ts';

export type Database = NodePgDatabase<typeof schema>;

export interface DatabaseHandle {
  db: Database;
  pool: pg.Pool;
  close: () => Promise<void>;
}

// Dates come back as ISO strings, not JS Dates shifted by the local zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
// bigint counts fit in a JS number for our sizes.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** Opens a pool on the given URL and wraps it in Drizzle with the full schema. */
export function connectDatabase(url: string, options: { max?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 20 });
  // An idle client losing its connection (e.g. PostgreSQL restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}

/** The same server's URL pointing at another database (keeps the socket directory and credentials). */
export function urlForDatabase(url: string, database: string): string {
  const target = new URL(url);
  target.pathname = `/${database}`;
  return target.toString();
}
