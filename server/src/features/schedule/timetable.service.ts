import crypto from 'node:crypto';
import type { HostView, StreamItinerary, Timetable, TimetableQuery } from '@ms/contracts/schedule';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { enrolments, intakes, streams } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/access.ts';
import type { AuditBuffer } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { createLruCache } from '../../lib/lru-cache.ts';
import { toCachedJson, type CachedJson } from '../../plugins/cached-json.ts';
import { routeKm, round1 } from './geo.ts';
import { canManageSchedule, canReadModuleLogistics, canReadSpeakerSchedule } from './schedule.policy.ts';
import { toModule, toSession, toTravelLeg } from './schedule.present.ts';
import { createScheduleRepo } from './schedule.repo.ts';
import type { ScheduleService } from './schedule.service.ts';
import { createTimetableRepo, type SessionView } from './timetable.repo.ts';
import { createTimetableJsonRepo } from './timetable-json.repo.ts';
import { createSiteVisitsRepo } from './site-visits.repo.ts';
import { localDate } from './geo.ts';

const DAY_MS = 86_400_000;
const EMPTY = toCachedJson('{"items":[]}');

/** A local-date range widened by a day each side in UTC (time zones span UTC+2…+12), then cut exactly. */
function range(query: TimetableQuery) {
  return {
    fromUtc: query.from ? new Date(Date.parse(query.from) - DAY_MS) : undefined,
    toUtc: query.to ? new Date(Date.parse(query.to) + 2 * DAY_MS) : undefined,
  };
}
function cut(rows: SessionView[], query: TimetableQuery): Timetable {
  const items = rows.map(toSession).filter((s) => (!query.from || s.localDate >= query.from) && (!query.to || s.localDate <= query.to));
  return { items };
}

/** Timetables (stream, participant, speaker), itineraries with great-circle distances, the host's view. */
export function createTimetableService(deps: { db: Database; auditBuffer: AuditBuffer; schedule: ScheduleService }) {
  const repo = createTimetableRepo(deps.db);
  const scheduleRepo = createScheduleRepo(deps.db);
  const json = createTimetableJsonRepo(deps.db);
  const siteVisits = createSiteVisitsRepo(deps.db);
  // Bytes and gzip made once per fill: a hit then costs neither encoding nor compression.
  const cache = createLruCache<CachedJson>(500);

  function itineraries(stops: Awaited<ReturnType<typeof repo.listItineraryStops>>): StreamItinerary[] {
    const byStream = new Map<string, typeof stops>();
    for (const stop of stops) byStream.set(stop.streamId, [...(byStream.get(stop.streamId) ?? []), stop]);
    return [...byStream.values()].map((list) => {
      const { legs, total } = routeKm(list);
      return {
        streamId: list[0]!.streamId,
        streamNumber: list[0]!.streamNumber,
        stops: list.map(({ streamId: _s, streamNumber: _n, ...stop }, i) => ({ ...stop, kmFromPrevious: legs[i]! })),
        totalKm: total,
      };
    });
  }

  return {
    async streamTimetable(actor: Actor, streamId: string, query: TimetableQuery): Promise<Timetable> {
      await deps.schedule.streamFor(actor, streamId, 'read');
      return cut(await repo.listStreamSessions(streamId, range(query)), query);
    },

    /** The signed-in participant's sessions across their streams, as ready JSON text (the hot path). */
    async myTimetableJson(actor: Actor, query: TimetableQuery): Promise<{ body: CachedJson; etag: string }> {
      if (!actor.personId) return { body: EMPTY, etag: '"empty"' };
      const { revision, streamIds } = await json.personStreams(actor.personId);
      if (streamIds.length === 0) return { body: EMPTY, etag: '"empty"' };
      // Keyed by the streams, not the person: the 80 people of a stream share one rendering.
      const key = `${revision}|${streamIds.join(',')}|${query.from ?? ''}|${query.to ?? ''}`;
      const etag = `"${crypto.createHash('sha256').update(key).digest('base64url').slice(0, 22)}"`;
      const cached = cache.get(key);
      if (cached !== undefined) return { body: cached, etag };
      const body = toCachedJson(await json.streams(streamIds, query));
      cache.set(key, body);
      return { body, etag };
    },

    async speakerTimetable(actor: Actor, speakerId: string, query: TimetableQuery): Promise<Timetable> {
      const speaker = await scheduleRepo.findSpeaker(speakerId);
      if (!speaker || !canReadSpeakerSchedule(actor, speaker, { organisationId: speaker.organisationId, programmeId: speaker.programmeId })) throw notFound();
      return cut(await repo.listSpeakerSessions(speakerId, range(query)), query);
    },

    async streamItinerary(actor: Actor, streamId: string): Promise<StreamItinerary> {
      const { stream } = await deps.schedule.streamFor(actor, streamId, 'read');
      const [itinerary] = itineraries(await repo.listItineraryStops([streamId]));
      return itinerary ?? { streamId, streamNumber: stream.streamNumber, stops: [], totalKm: 0 };
    },

    async programmeItinerary(actor: Actor, programmeId: string) {
      await deps.schedule.programmeFor(actor, programmeId, 'read');
      const rows = await deps.db.select({ id: streams.id }).from(streams).innerJoin(intakes, eq(intakes.id, streams.intakeId)).where(eq(intakes.programmeId, programmeId));
      const list = itineraries(await repo.listItineraryStops(rows.map((r) => r.id)));
      return { programmeId, streams: list, totalKm: round1(list.reduce((sum, s) => sum + s.totalKm, 0)) };
    },

    /** Arrivals and departures by local day, lodging, transfers and site visits of one module. */
    async hostView(actor: Actor, moduleId: string): Promise<HostView> {
      const row = await scheduleRepo.findModule(moduleId);
      const path = row && { organisationId: row.organisationId, programmeId: row.programmeId, streamId: row.streamId };
      if (!row || !path || !canReadModuleLogistics(actor, row.module, path)) throw notFound();
      const [legs, sessions, enrolled] = await Promise.all([
        repo.listTravelLegs(repo.listModuleTravel(moduleId)),
        repo.listModuleSessions(moduleId),
        repo.countEnrolled(row.streamId),
      ]);
      deps.auditBuffer.record({ actor, action: 'module.host_view', entity: 'module', entityId: moduleId, details: { travelLegs: legs.length } });
      const visits = sessions.filter((s) => s.kind === 'site_visit' || s.kind === 'walking_tour');
      const attendeesBySession = new Map<string, Awaited<ReturnType<typeof siteVisits.listAttendees>>>();
      for (const a of await siteVisits.listAttendees(visits.map((v) => v.id))) attendeesBySession.set(a.sessionId, [...(attendeesBySession.get(a.sessionId) ?? []), a]);
      const tz = row.venue.timeZone;
      const days = new Map<string, HostView['days'][number]>();
      const dayOf = (date: string) => days.get(date) ?? days.set(date, { date, arrivals: [], departures: [] }).get(date)!;
      const lodging = new Map<string, Map<string, string>>();
      for (const legRow of legs) {
        const leg = toTravelLeg(legRow);
        if (leg.direction === 'inbound') dayOf(localDate(legRow.leg.arriveAt, tz)).arrivals.push(leg);
        else dayOf(localDate(legRow.leg.departAt, tz)).departures.push(leg);
        if (leg.lodging) lodging.set(leg.lodging, (lodging.get(leg.lodging) ?? new Map()).set(leg.personId, leg.personName));
      }
      return {
        module: toModule(row.module, row.venue, canManageSchedule(actor, path)),
        days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)),
        lodging: [...lodging.entries()].map(([name, people]) => ({ lodging: name, people: [...people.entries()].map(([personId, personName]) => ({ personId, personName })) })),
        transfers: legs.filter((l) => l.leg.needsTransfer).map(toTravelLeg),
        siteVisits: visits.map((s) => {
          const attendees = (attendeesBySession.get(s.id) ?? []).map(({ sessionId: _s, ...a }) => a);
          return { session: toSession(s), expectedAttendees: attendees.length > 0 ? attendees.length : s.capacity ? Math.min(s.capacity, enrolled) : enrolled, attendees };
        }),
      };
    },

    /** Streams a person is enrolled in (not withdrawn): who may check in where. */
    async isEnrolled(personId: string, streamId: string): Promise<boolean> {
      const [row] = await deps.db.select({ id: enrolments.id }).from(enrolments).where(and(eq(enrolments.personId, personId), eq(enrolments.streamId, streamId), ne(enrolments.status, 'withdrawn')));
      return Boolean(row);
    },
    async enrolledAmong(personIds: string[], streamId: string): Promise<Set<string>> {
      if (personIds.length === 0) return new Set();
      const rows = await deps.db.select({ personId: enrolments.personId }).from(enrolments).where(and(inArray(enrolments.personId, personIds), eq(enrolments.streamId, streamId), ne(enrolments.status, 'withdrawn')));
      return new Set(rows.map((r) => r.personId));
    },
    requirePerson(actor: Actor): string {
      if (!actor.personId) throw new AppError('forbidden', { fields: [{ path: 'personId', key: 'schedule.no_person' }] });
      return actor.personId;
    },
  };
}

export type TimetableService = ReturnType<typeof createTimetableService>;
