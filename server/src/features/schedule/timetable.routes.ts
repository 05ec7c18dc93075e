import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '@ms/contracts/common';
import { HostViewSchema, ProgrammeItinerarySchema, StreamItinerarySchema, TimetableQuerySchema, TimetableSchema } from '@ms/contracts/schedule';
import { CreateFeedBodySchema, CreatedFeedSchema, FeedListSchema, FeedSchema, FeedTokenParamsSchema } from '@ms/contracts/schedule-attendance';
import { sendCachedJson } from '../../plugins/cached-json.ts';
import { requireActor } from '../../plugins/request-context.ts';
import type { CalendarFile } from './feeds.service.ts';
import type { ScheduleServices } from './schedule.services.ts';

const TAGS = ['schedule'];
const LangQuerySchema = z.object({ lang: z.enum(['ru', 'en']).optional() });

function sendCalendar(reply: FastifyReply, file: CalendarFile, disposition: 'inline' | 'attachment') {
  return reply
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('content-disposition', `${disposition}; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

/** Timetables (stream, me, speaker), itineraries, the host's view, and iCalendar downloads and feeds. */
export function registerTimetableRoutes(app: FastifyInstance, s: ScheduleServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const actor = requireActor;

  r.get('/api/streams/:id/timetable', {
    schema: { tags: TAGS, summary: "A stream's sessions (optionally a range of local dates: a day or a week)", params: IdParamsSchema, querystring: TimetableQuerySchema, response: { 200: TimetableSchema } },
    handler: async (q) => s.timetable.streamTimetable(actor(q), q.params.id, q.query),
  });
  r.get('/api/me/timetable', {
    schema: { tags: TAGS, summary: "The signed-in participant's sessions (ETag: answers 304 to a matching If-None-Match)", querystring: TimetableQuerySchema, response: { 200: TimetableSchema } },
    // Already JSON of TimetableSchema, built by the database (bytes and gzip): no re-serialisation.
    // The ETag follows the schedule revision, so a phone revalidating gets a bodiless 304.
    handler: async (q, reply) => {
      const { body, etag } = await s.timetable.myTimetableJson(actor(q), q.query);
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (q.headers['if-none-match'] === etag) return (reply as FastifyReply).status(304).send();
      return sendCachedJson(q, reply, body);
    },
  });
  r.get('/api/speakers/:id/timetable', {
    schema: { tags: TAGS, summary: 'Sessions a speaker leads (the speaker, staff)', params: IdParamsSchema, querystring: TimetableQuerySchema, response: { 200: TimetableSchema } },
    handler: async (q) => s.timetable.speakerTimetable(actor(q), q.params.id, q.query),
  });
  r.get('/api/streams/:id/itinerary', {
    schema: { tags: TAGS, summary: "A stream's route through its module venues, with great-circle km", params: IdParamsSchema, response: { 200: StreamItinerarySchema } },
    handler: async (q) => s.timetable.streamItinerary(actor(q), q.params.id),
  });
  r.get('/api/programmes/:id/itinerary', {
    schema: { tags: TAGS, summary: "Every stream's itinerary and the programme's total km", params: IdParamsSchema, response: { 200: ProgrammeItinerarySchema } },
    handler: async (q) => s.timetable.programmeItinerary(actor(q), q.params.id),
  });
  r.get('/api/modules/:id/host-view', {
    schema: { tags: TAGS, summary: "The host coordinator's view: arrivals and departures by day, lodging, transfers, site visits", params: IdParamsSchema, response: { 200: HostViewSchema } },
    handler: async (q) => s.timetable.hostView(actor(q), q.params.id),
  });

  r.get('/api/me/timetable.ics', {
    schema: { tags: TAGS, summary: 'My timetable as a one-off iCalendar file', querystring: LangQuerySchema },
    handler: async (q, reply) => sendCalendar(reply, await s.feeds.myCalendar(actor(q), q.query.lang ?? q.locale), 'attachment'),
  });
  r.get('/api/streams/:id/timetable.ics', {
    schema: { tags: TAGS, summary: "A stream's timetable as a one-off iCalendar file", params: IdParamsSchema, querystring: LangQuerySchema },
    handler: async (q, reply) => sendCalendar(reply, await s.feeds.streamCalendar(actor(q), q.params.id, q.query.lang ?? q.locale), 'attachment'),
  });
  r.get('/api/speakers/:id/timetable.ics', {
    schema: { tags: TAGS, summary: "A speaker's sessions as a one-off iCalendar file", params: IdParamsSchema, querystring: LangQuerySchema },
    handler: async (q, reply) => sendCalendar(reply, await s.feeds.speakerCalendar(actor(q), q.params.id, q.query.lang ?? q.locale), 'attachment'),
  });
  r.get('/api/sessions/:id/ics', {
    schema: { tags: TAGS, summary: 'One session as an iCalendar file', params: IdParamsSchema, querystring: LangQuerySchema },
    handler: async (q, reply) => {
      const session = await s.sessions.getSession(actor(q), q.params.id);
      return sendCalendar(reply, await s.feeds.sessionCalendar(actor(q), session, q.query.lang ?? q.locale), 'attachment');
    },
  });

  r.get('/api/calendar-feeds', { schema: { tags: TAGS, summary: 'Calendar subscriptions I created', response: { 200: FeedListSchema } }, handler: async (q) => s.feeds.listFeeds(actor(q)) });
  r.post('/api/calendar-feeds', {
    schema: { tags: TAGS, summary: 'Create a secret subscription URL (participant: own; stream: its readers; speaker: the speaker, staff)', body: CreateFeedBodySchema, response: { 201: CreatedFeedSchema } },
    handler: async (q, reply) => reply.status(201).send(await s.feeds.createFeed(actor(q), q.body)),
  });
  r.post('/api/calendar-feeds/:id/revoke', {
    schema: { tags: TAGS, summary: 'Revoke a subscription URL: it stops working at once', params: IdParamsSchema, response: { 200: FeedSchema } },
    handler: async (q) => s.feeds.revokeFeed(actor(q), q.params.id),
  });
  r.get('/api/calendar/:token', {
    schema: { tags: TAGS, summary: 'A subscription feed (the secret URL; no session needed)', params: FeedTokenParamsSchema, querystring: LangQuerySchema, security: [] },
    config: { isPublic: true },
    handler: async (q, reply) => sendCalendar(reply, await s.feeds.feedCalendar(q.params.token, q.query.lang ?? 'ru'), 'inline'),
  });
}
