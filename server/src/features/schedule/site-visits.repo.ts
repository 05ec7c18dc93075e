import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { enrolments, people, scheduleSessions, siteVisitAssignments } from '../../db/schema/index.ts';
import type { Executor } from '../programmes/programmes.repo.ts';

/** Session kinds that take a group of the stream somewhere: they are split among parallel visits. */
export const VISIT_KINDS = ['site_visit', 'walking_tour'] as const;

const personName = sql<string>`concat_ws(' ', ${people.lastName}, ${people.firstName}, ${people.middleName})`;

export function createSiteVisitsRepo(db: Executor) {
  return {
    /** A module's visits, in time order, with their capacity. */
    async listModuleVisits(moduleId: string) {
      return db
        .select({ id: scheduleSessions.id, startsAt: scheduleSessions.startsAt, endsAt: scheduleSessions.endsAt, capacity: scheduleSessions.capacity })
        .from(scheduleSessions)
        .where(and(eq(scheduleSessions.moduleId, moduleId), inArray(scheduleSessions.kind, [...VISIT_KINDS])))
        .orderBy(asc(scheduleSessions.startsAt), asc(scheduleSessions.id));
    },

    /** The stream's participants who still take part, in a stable order (region, then name). */
    async listStreamParticipants(streamId: string) {
      return db
        .select({ personId: people.id, regionCode: people.regionCode })
        .from(enrolments)
        .innerJoin(people, eq(people.id, enrolments.personId))
        .where(and(eq(enrolments.streamId, streamId), ne(enrolments.status, 'withdrawn')))
        .orderBy(asc(people.regionCode), asc(people.lastName), asc(people.id));
    },

    /** Who of these people is enrolled in the stream (ids not enrolled are left out). */
    async filterEnrolled(streamId: string, personIds: string[]) {
      if (personIds.length === 0) return [];
      const rows = await db
        .select({ personId: enrolments.personId })
        .from(enrolments)
        .where(and(eq(enrolments.streamId, streamId), ne(enrolments.status, 'withdrawn'), inArray(enrolments.personId, personIds)));
      return rows.map((r) => r.personId);
    },

    async listAttendees(sessionIds: string[]) {
      if (sessionIds.length === 0) return [];
      return db
        .select({ sessionId: siteVisitAssignments.sessionId, personId: people.id, personName, regionCode: people.regionCode })
        .from(siteVisitAssignments)
        .innerJoin(people, eq(people.id, siteVisitAssignments.personId))
        .where(inArray(siteVisitAssignments.sessionId, sessionIds))
        .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id));
    },

    /** Empties the given visits' groups. */
    async clearSessions(sessionIds: string[]) {
      if (sessionIds.length > 0) await db.delete(siteVisitAssignments).where(inArray(siteVisitAssignments.sessionId, sessionIds));
    },

    /** Takes these people off the given visits (they move to another one running at the same time). */
    async removePeopleFrom(sessionIds: string[], personIds: string[]) {
      if (sessionIds.length === 0 || personIds.length === 0) return;
      await db.delete(siteVisitAssignments).where(and(inArray(siteVisitAssignments.sessionId, sessionIds), inArray(siteVisitAssignments.personId, personIds)));
    },

    /** One multi-row insert per 5,000 rows (a statement carries at most 65,535 parameters). */
    async insertAssignments(rows: Array<{ sessionId: string; personId: string }>) {
      for (let i = 0; i < rows.length; i += 5000) await db.insert(siteVisitAssignments).values(rows.slice(i, i + 5000));
    },
  };
}
