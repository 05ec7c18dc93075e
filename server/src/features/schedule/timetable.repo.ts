import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { enrolments, people, scheduleModules, scheduleSessions, sessionSpeakers, speakers, streams, travelLegs, venues } from '../../db/schema/index.ts';
import type { Executor } from './schedule.repo.ts';

const SPEAKERS_JSON = sql<Array<{ id: string; nameRu: string; nameEn: string }>>`coalesce((
  select json_agg(json_build_object('id', sp.id, 'nameRu', sp.name_ru, 'nameEn', sp.name_en) order by sp.name_ru)
  from ${sessionSpeakers} ss join ${speakers} sp on sp.id = ss.speaker_id
  where ss.session_id = ${scheduleSessions.id}), '[]'::json)`;

/** Sessions as timetables show them, and the data behind itineraries and travel. */
export function createTimetableRepo(db: Executor) {
  /** One query: sessions with module, venue and speakers, filtered by `where`, in time order. */
  async function listSessions(where: SQL | undefined, range?: { fromUtc?: Date; toUtc?: Date }) {
    return db
      .select({
        id: scheduleSessions.id,
        moduleId: scheduleSessions.moduleId,
        streamId: scheduleModules.streamId,
        moduleNumber: scheduleModules.number,
        kind: scheduleSessions.kind,
        titleRu: scheduleSessions.titleRu,
        titleEn: scheduleSessions.titleEn,
        startsAt: scheduleSessions.startsAt,
        endsAt: scheduleSessions.endsAt,
        timeZone: venues.timeZone,
        venueNameRu: venues.nameRu,
        venueNameEn: venues.nameEn,
        venueAddressRu: venues.addressRu,
        place: scheduleSessions.place,
        capacity: scheduleSessions.capacity,
        topics: scheduleSessions.topics,
        speakers: SPEAKERS_JSON,
      })
      .from(scheduleSessions)
      .innerJoin(scheduleModules, eq(scheduleModules.id, scheduleSessions.moduleId))
      .innerJoin(venues, eq(venues.id, scheduleModules.venueId))
      .where(
        and(
          where,
          range?.fromUtc ? sql`${scheduleSessions.endsAt} >= ${range.fromUtc.toISOString()}` : undefined,
          range?.toUtc ? sql`${scheduleSessions.startsAt} <= ${range.toUtc.toISOString()}` : undefined,
        ),
      )
      .orderBy(asc(scheduleSessions.startsAt), asc(scheduleSessions.titleRu));
  }

  return {
    listSessions,
    listStreamSessions: (streamId: string, range?: { fromUtc?: Date; toUtc?: Date }) => listSessions(eq(scheduleModules.streamId, streamId), range),
    listModuleSessions: (moduleId: string) => listSessions(eq(scheduleSessions.moduleId, moduleId)),
    listSessionById: (id: string) => listSessions(eq(scheduleSessions.id, id)),
    /** The streams a person is (or was, graduated) enrolled in; withdrawn enrolments do not count. */
    listPersonSessions: (personId: string, range?: { fromUtc?: Date; toUtc?: Date }) =>
      listSessions(
        inArray(
          scheduleModules.streamId,
          db.select({ id: enrolments.streamId }).from(enrolments).where(and(eq(enrolments.personId, personId), ne(enrolments.status, 'withdrawn'))),
        ),
        range,
      ),
    listSpeakerSessions: (speakerId: string, range?: { fromUtc?: Date; toUtc?: Date }) =>
      listSessions(inArray(scheduleSessions.id, db.select({ id: sessionSpeakers.sessionId }).from(sessionSpeakers).where(eq(sessionSpeakers.speakerId, speakerId))), range),

    /** Module stops of the streams of a programme, in stream and module order. */
    async listItineraryStops(streamIds: string[]) {
      if (streamIds.length === 0) return [];
      return db
        .select({
          streamId: scheduleModules.streamId,
          streamNumber: streams.number,
          moduleId: scheduleModules.id,
          number: scheduleModules.number,
          startsOn: scheduleModules.startsOn,
          endsOn: scheduleModules.endsOn,
          venueNameRu: venues.nameRu,
          venueNameEn: venues.nameEn,
          regionCode: venues.regionCode,
          lat: venues.lat,
          lon: venues.lon,
        })
        .from(scheduleModules)
        .innerJoin(venues, eq(venues.id, scheduleModules.venueId))
        .innerJoin(streams, eq(streams.id, scheduleModules.streamId))
        .where(inArray(scheduleModules.streamId, streamIds))
        .orderBy(asc(streams.number), asc(scheduleModules.number));
    },

    async listTravelLegs(where: SQL) {
      return db
        .select({ leg: travelLegs, lastName: people.lastName, firstName: people.firstName, middleName: people.middleName })
        .from(travelLegs)
        .innerJoin(people, eq(people.id, travelLegs.personId))
        .where(where)
        .orderBy(asc(travelLegs.departAt));
    },
    listModuleTravel: (moduleId: string) => eq(travelLegs.moduleId, moduleId),
    listPersonTravel: (personId: string) => eq(travelLegs.personId, personId),

    async countEnrolled(streamId: string): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(enrolments).where(and(eq(enrolments.streamId, streamId), ne(enrolments.status, 'withdrawn')));
      return row?.n ?? 0;
    },
  };
}

export type TimetableRepo = ReturnType<typeof createTimetableRepo>;
export type SessionView = Awaited<ReturnType<TimetableRepo['listSessions']>>[number];
