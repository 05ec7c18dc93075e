import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { auditLog, diplomaRegistryCounters, diplomas } from '../../db/schema/index.ts';
import type { AuditEntry } from '../../lib/audit.ts';

type Executor = Pick<Database, 'insert' | 'execute'>;

/**
 * Set-based SQL of batch issuance: a batch of diplomas costs a handful of statements (which already
 * exist, a range of status entries, a range of registry numbers, one insert of the diplomas, one of
 * their audit records) instead of several round trips per diploma.
 */
export function createIssueRepo(db: Executor) {
  return {
    /** Of these people, those who already hold a diploma of the stream. */
    async holders(streamId: string, personIds: string[]): Promise<Set<string>> {
      // One array parameter (a Postgres array literal of uuids), not one parameter per person.
      const result = await db.execute<{ person_id: string }>(sql`select person_id from diplomas where stream_id = ${streamId} and person_id = any(${`{${personIds.join(',')}}`}::uuid[])`);
      return new Set(result.rows.map((r) => r.person_id));
    },
    /**
     * Takes up to `count` consecutive free indexes of a list at once (fewer when it fills up); the row
     * stays locked until the caller's transaction ends, so ranges never overlap. Null when it is full.
     */
    async reserveStatusRange(listId: string, count: number): Promise<{ start: number; end: number } | null> {
      const result = await db.execute<{ start: number; end: number }>(sql`
        with old as (select id, next_index, size from diploma_status_lists where id = ${listId} and next_index < size for update)
        update diploma_status_lists l set next_index = least(old.size, old.next_index + ${count}::int), updated_at = now()
        from old where l.id = old.id returning old.next_index as start, l.next_index as "end"`);
      return result.rows[0] ?? null;
    },
    /** The last of `count` consecutive registry sequence numbers of the year, taken in one atomic upsert. */
    async takeRegistrySequences(prefix: string, year: number, count: number): Promise<number> {
      const [row] = await db
        .insert(diplomaRegistryCounters)
        .values({ prefix, year, last: count })
        .onConflictDoUpdate({ target: [diplomaRegistryCounters.prefix, diplomaRegistryCounters.year], set: { last: sql`${diplomaRegistryCounters.last} + ${count}::int` } })
        .returning({ last: diplomaRegistryCounters.last });
      return row!.last;
    },
    /** Inserts the batch, skipping anyone who got a diploma of the stream meanwhile; how many went in. */
    async insertDiplomas(rows: Array<typeof diplomas.$inferInsert>): Promise<number> {
      if (rows.length === 0) return 0;
      const inserted = await db.insert(diplomas).values(rows).onConflictDoNothing({ target: [diplomas.personId, diplomas.streamId] }).returning({ id: diplomas.id });
      return inserted.length;
    },
    /** The batch's audit records in one insert (the same rows recordAudit writes one by one). */
    async insertAudits(entries: AuditEntry[]): Promise<void> {
      if (entries.length === 0) return;
      await db.insert(auditLog).values(
        entries.map((e) => ({ actorUserId: e.actor?.userId ?? null, actorEmail: e.actorEmail ?? e.actor?.email ?? null, action: e.action, entity: e.entity ?? null, entityId: e.entityId ?? null, ip: e.ip ?? null, details: e.details ?? {} })),
      );
    },
  };
}
