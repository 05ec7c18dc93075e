import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { attendanceMarks, checkInRefusals, enrolments, people, scheduleModules, scheduleSessions } from '../../db/schema/index.ts';
import type { Executor } from './schedule.repo.ts';

export interface MarkRow {
  sessionId: string;
  personId: string;
  status: string;
  source: 'qr' | 'sheet' | 'import';
  markedAt: Date;
  markedBy: string | null;
  clientMarkId: string | null;
}

/** Attendance marks and check-in refusals. */
export function createAttendanceRepo(db: Executor) {
  return {
    /** Everything a QR check-in needs, in one round trip: the session, its stream, and the person's enrolment. */
    async findCheckInContext(sessionId: string, personId: string) {
      const [row] = await db
        .select({
          sessionId: scheduleSessions.id,
          titleRu: scheduleSessions.titleRu,
          titleEn: scheduleSessions.titleEn,
          startsAt: scheduleSessions.startsAt,
          endsAt: scheduleSessions.endsAt,
          streamId: scheduleModules.streamId,
          isEnrolled: sql<boolean>`exists (select 1 from ${enrolments} where ${enrolments.personId} = ${personId} and ${enrolments.streamId} = ${scheduleModules.streamId} and ${enrolments.status} <> 'withdrawn')`,
        })
        .from(scheduleSessions)
        .innerJoin(scheduleModules, eq(scheduleModules.id, scheduleSessions.moduleId))
        .where(eq(scheduleSessions.id, sessionId));
      return row ?? null;
    },

    /**
     * Records a QR check-in once: a second scan by the same person changes nothing; an `absent` mark from
     * the sheet is overturned (they came after all). The mark and its audit record are one statement (so
     * one atomic commit and one round trip on the burst path). Answers the row when this call changed something.
     */
    async recordCheckIn(values: MarkRow, actor: { userId: string | null; email: string }) {
      const result = await db.execute<{ id: string; status: string; marked_at: Date | string }>(sql`
        with mark as (
          insert into attendance_marks (session_id, person_id, status, source, marked_at, marked_by)
          values (${values.sessionId}, ${values.personId}, ${values.status}, 'qr', ${values.markedAt.toISOString()}, ${values.markedBy})
          on conflict (session_id, person_id) do update
            set status = excluded.status, source = excluded.source, marked_at = excluded.marked_at, marked_by = excluded.marked_by, updated_at = now()
            where attendance_marks.status = 'absent'
          returning id, status, marked_at),
        audit as (
          insert into audit_log (actor_user_id, actor_email, action, entity, entity_id, details)
          select ${actor.userId}, ${actor.email}, 'attendance.check_in', 'session', ${values.sessionId}, jsonb_build_object('personId', ${values.personId}::text, 'status', mark.status)
          from mark)
        select id, status, marked_at from mark`);
      const row = result.rows[0];
      return row ? { id: row.id, status: row.status, markedAt: new Date(row.marked_at) } : null;
    },
    async findMark(sessionId: string, personId: string) {
      const [row] = await db.select().from(attendanceMarks).where(and(eq(attendanceMarks.sessionId, sessionId), eq(attendanceMarks.personId, personId)));
      return row ?? null;
    },

    async insertRefusal(values: typeof checkInRefusals.$inferInsert) {
      await db.insert(checkInRefusals).values(values);
    },
    async listRefusals(sessionId: string) {
      return db
        .select({ refusal: checkInRefusals, lastName: people.lastName, firstName: people.firstName, middleName: people.middleName })
        .from(checkInRefusals)
        .leftJoin(people, eq(people.id, checkInRefusals.personId))
        .where(eq(checkInRefusals.sessionId, sessionId))
        .orderBy(sql`${checkInRefusals.createdAt} desc`)
        .limit(500);
    },

    /** Serialises syncs of one session's sheet, so two devices syncing at once cannot both insert a mark. */
    async lockSession(sessionId: string) {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`attendance:${sessionId}`}))`);
    },
    async findClientMarkIds(ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db.select({ id: attendanceMarks.clientMarkId }).from(attendanceMarks).where(inArray(attendanceMarks.clientMarkId, ids));
      return new Set(rows.map((r) => r.id!));
    },
    /** Upserts marks (one per person per session in `rows`); a mark older than the one on record loses. */
    async upsertMarks(rows: MarkRow[]): Promise<number> {
      if (rows.length === 0) return 0;
      const changed = await db
        .insert(attendanceMarks)
        .values(rows)
        .onConflictDoUpdate({
          target: [attendanceMarks.sessionId, attendanceMarks.personId],
          set: {
            status: sql`excluded.status`,
            source: sql`excluded.source`,
            markedAt: sql`excluded.marked_at`,
            markedBy: sql`excluded.marked_by`,
            clientMarkId: sql`excluded.client_mark_id`,
            updatedAt: sql`now()`,
          },
          setWhere: sql`excluded.marked_at > ${attendanceMarks.markedAt}`,
        })
        .returning({ id: attendanceMarks.id });
      return changed.length;
    },

    /** The roll-call sheet: every enrolled participant of the stream with their mark for the session, if any. */
    async listRollCall(sessionId: string, streamId: string) {
      return db
        .select({
          personId: people.id,
          lastName: people.lastName,
          firstName: people.firstName,
          middleName: people.middleName,
          regionCode: people.regionCode,
          status: attendanceMarks.status,
          source: attendanceMarks.source,
          markedAt: attendanceMarks.markedAt,
        })
        .from(enrolments)
        .innerJoin(people, eq(people.id, enrolments.personId))
        .leftJoin(attendanceMarks, and(eq(attendanceMarks.personId, people.id), eq(attendanceMarks.sessionId, sessionId)))
        .where(and(eq(enrolments.streamId, streamId), ne(enrolments.status, 'withdrawn')))
        .orderBy(people.lastName, people.firstName);
    },
  };
}
