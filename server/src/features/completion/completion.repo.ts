import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { completionExceptions, completionRules, programmes, users } from '../../db/schema/index.ts';
import { findStreamPath, isEnrolled, listEnrolledStreams } from '../assignments/assignments.repo.ts';

/** The database or a transaction. */
export type Executor = Pick<Database, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | 'execute'>;

/** Completion rules, exceptions and the attendance figures the rules read. */
export function createCompletionRepo(db: Executor) {
  return {
    async findProgramme(programmeId: string) {
      const [row] = await db.select({ programmeId: programmes.id, organisationId: programmes.organisationId, thresholdPct: programmes.completionThresholdPct }).from(programmes).where(eq(programmes.id, programmeId));
      return row ?? null;
    },
    findStream: (streamId: string) => findStreamPath(db, streamId),
    async findRules(programmeId: string) {
      const [row] = await db.select().from(completionRules).where(eq(completionRules.programmeId, programmeId));
      return row ?? null;
    },
    async upsertRules(values: typeof completionRules.$inferInsert) {
      await db.insert(completionRules).values(values).onConflictDoUpdate({ target: completionRules.programmeId, set: values });
    },
    /**
     * Attendance per enrolled person, as the attendance report counts it: sessions that ended before
     * `now`; excused ones are left out of that person's count; present and late attend.
     */
    async attendance(streamId: string, now: Date) {
      const result = await db.execute<{ person_id: string; past: number; attended: number; excused: number }>(sql`
        with past as (
          select s.id from schedule_sessions s join schedule_modules m on m.id = s.module_id
          where m.stream_id = ${streamId} and s.ends_at <= ${now.toISOString()})
        select e.person_id, (select count(*) from past)::int as past,
               count(a.id) filter (where a.status in ('present', 'late'))::int as attended,
               count(a.id) filter (where a.status = 'excused')::int as excused
        from enrolments e
        left join attendance_marks a on a.person_id = e.person_id and a.session_id in (select id from past)
        where e.stream_id = ${streamId} and e.status <> 'withdrawn'
        group by e.person_id`);
      return result.rows;
    },
    async listActiveExceptions(streamId: string) {
      return db
        .select({ personId: completionExceptions.personId, reason: completionExceptions.reason, grantedAt: completionExceptions.grantedAt, grantedBy: users.displayName })
        .from(completionExceptions)
        .leftJoin(users, eq(users.id, completionExceptions.grantedBy))
        .where(and(eq(completionExceptions.streamId, streamId), isNull(completionExceptions.revokedAt)));
    },
    async insertException(values: typeof completionExceptions.$inferInsert) {
      const [row] = await db.insert(completionExceptions).values(values).onConflictDoNothing().returning({ id: completionExceptions.id });
      return row ?? null;
    },
    async revokeException(streamId: string, personId: string, by: string | null, at: Date) {
      const rows = await db
        .update(completionExceptions)
        .set({ revokedAt: at, revokedBy: by })
        .where(and(eq(completionExceptions.streamId, streamId), eq(completionExceptions.personId, personId), isNull(completionExceptions.revokedAt)))
        .returning({ id: completionExceptions.id });
      return rows[0]?.id ?? null;
    },
    isEnrolled: (personId: string, streamId: string) => isEnrolled(db, personId, streamId),
    listEnrolledStreams: (personId: string) => listEnrolledStreams(db, personId),
  };
}
