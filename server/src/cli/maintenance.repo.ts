import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { jobRuns } from '../db/schema/index.ts';

/** pg-boss's queue tables: transient machinery, left out of backups (see backup.ts). */
export const QUEUE_SCHEMA = 'pgboss';

/** Queries the backup and restore commands need. */
export function createMaintenanceRepo(db: Database) {
  return {
    /** Tables whose data a backup writes (one progress step each). */
    async countBackedUpTables(): Promise<number> {
      const result = await db.execute<{ n: number }>(sql`
        select count(*)::int as n from pg_class c join pg_namespace ns on ns.oid = c.relnamespace
        where c.relkind = 'r' and ns.nspname not in ('pg_catalog', 'information_schema', ${QUEUE_SCHEMA})
          and ns.nspname not like 'pg_toast%'`);
      return result.rows[0]?.n ?? 0;
    },

    /** Runs that were queued or running at backup time have no queue entry now: mark them for a retry. */
    async failInterruptedRuns(message: string, at: Date): Promise<number> {
      const rows = await db
        .update(jobRuns)
        .set({ status: 'failed', error: message, updatedAt: at })
        .where(inArray(jobRuns.status, ['queued', 'running']))
        .returning({ id: jobRuns.id });
      return rows.length;
    },
  };
}
