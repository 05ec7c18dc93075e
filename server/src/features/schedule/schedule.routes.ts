import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, OkSchema } from '@ms/contracts/common';
import {
  CreateModuleBodySchema,
  CreateSessionBodySchema,
  CreateSpeakerBodySchema,
  CreateTravelLegBodySchema,
  CreateVenueBodySchema,
  ModuleListSchema,
  ModuleSchema,
  ModulesQuerySchema,
  SessionSchema,
  SetSiteVisitAttendeesBodySchema,
  SiteVisitAttendeesSchema,
  SiteVisitSplitSchema,
  SpeakerListSchema,
  SpeakerSchema,
  SpeakersQuerySchema,
  TravelLegListSchema,
  TravelLegSchema,
  UpdateModuleBodySchema,
  UpdateSessionBodySchema,
  UpdateSpeakerBodySchema,
  UpdateTravelLegBodySchema,
  UpdateVenueBodySchema,
  VenueListSchema,
  VenueSchema,
  VenuesQuerySchema,
} from '@ms/contracts/schedule';
import { requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { registerAttendanceRoutes } from './attendance.routes.ts';
import { createScheduleServices } from './schedule.services.ts';
import { registerTimetableRoutes } from './timetable.routes.ts';

const TAGS = ['schedule'];
const CONFLICT_NOTE = ' A session outside its module, over another session of the stream or with a double-booked speaker answers 409 `conflict` with one field error per problem.';

/** Venues, modules, speakers, sessions and travel legs; timetables, calendars and attendance register theirs. */
export function registerScheduleRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = createScheduleServices(deps);
  const actor = requireActor;

  r.get('/api/venues', { schema: { tags: TAGS, summary: "A programme's venues", querystring: VenuesQuerySchema, response: { 200: VenueListSchema } }, handler: async (q) => s.schedule.listVenues(actor(q), q.query.programmeId) });
  r.post('/api/venues', {
    schema: { tags: TAGS, summary: 'Create a venue (staff)', body: CreateVenueBodySchema, response: { 201: VenueSchema } },
    handler: async (q, reply) => reply.status(201).send(await s.schedule.createVenue(actor(q), q.body)),
  });
  r.patch('/api/venues/:id', { schema: { tags: TAGS, summary: 'Change a venue (staff)', params: IdParamsSchema, body: UpdateVenueBodySchema, response: { 200: VenueSchema } }, handler: async (q) => s.schedule.updateVenue(actor(q), q.params.id, q.body) });

  r.delete('/api/venues/:id', {
    schema: { tags: TAGS, summary: 'Delete a venue no module uses (staff); 409 `in_use` otherwise', params: IdParamsSchema, response: { 200: OkSchema } },
    handler: async (q) => s.schedule.deleteVenue(actor(q), q.params.id),
  });

  r.get('/api/modules', { schema: { tags: TAGS, summary: "A stream's modules with venues", querystring: ModulesQuerySchema, response: { 200: ModuleListSchema } }, handler: async (q) => s.schedule.listModules(actor(q), q.query.streamId) });
  r.get('/api/modules/:id', { schema: { tags: TAGS, summary: 'One module', params: IdParamsSchema, response: { 200: ModuleSchema } }, handler: async (q) => s.schedule.getModule(actor(q), q.params.id) });
  r.post('/api/modules', {
    schema: { tags: TAGS, summary: 'Create a module (staff)', body: CreateModuleBodySchema, response: { 201: ModuleSchema } },
    handler: async (q, reply) => reply.status(201).send(await s.schedule.createModule(actor(q), q.body)),
  });
  r.patch('/api/modules/:id', { schema: { tags: TAGS, summary: 'Change a module (staff)', params: IdParamsSchema, body: UpdateModuleBodySchema, response: { 200: ModuleSchema } }, handler: async (q) => s.schedule.updateModule(actor(q), q.params.id, q.body) });

  r.delete('/api/modules/:id', {
    schema: { tags: TAGS, summary: 'Delete a module with no sessions, travel or assignments left (staff); 409 `in_use` otherwise', params: IdParamsSchema, response: { 200: OkSchema } },
    handler: async (q) => s.schedule.deleteModule(actor(q), q.params.id),
  });

  r.get('/api/speakers', { schema: { tags: TAGS, summary: "A programme's speakers", querystring: SpeakersQuerySchema, response: { 200: SpeakerListSchema } }, handler: async (q) => s.schedule.listSpeakers(actor(q), q.query.programmeId) });
  r.get('/api/speakers/:id', { schema: { tags: TAGS, summary: 'One speaker', params: IdParamsSchema, response: { 200: SpeakerSchema } }, handler: async (q) => s.schedule.getSpeaker(actor(q), q.params.id) });
  r.post('/api/speakers', {
    schema: { tags: TAGS, summary: 'Create a speaker (staff)', body: CreateSpeakerBodySchema, response: { 201: SpeakerSchema } },
    handler: async (q, reply) => reply.status(201).send(await s.schedule.createSpeaker(actor(q), q.body)),
  });
  r.delete('/api/speakers/:id', {
    schema: { tags: TAGS, summary: 'Delete a speaker who leads no session (staff); 409 `in_use` otherwise', params: IdParamsSchema, response: { 200: OkSchema } },
    handler: async (q) => s.schedule.deleteSpeaker(actor(q), q.params.id),
  });
  r.patch('/api/speakers/:id', { schema: { tags: TAGS, summary: 'Change a speaker (staff)', params: IdParamsSchema, body: UpdateSpeakerBodySchema, response: { 200: SpeakerSchema } }, handler: async (q) => s.schedule.updateSpeaker(actor(q), q.params.id, q.body) });

  r.get('/api/sessions/:id', { schema: { tags: TAGS, summary: 'One session', params: IdParamsSchema, response: { 200: SessionSchema } }, handler: async (q) => s.sessions.getSession(actor(q), q.params.id) });
  r.post('/api/sessions', {
    schema: { tags: TAGS, summary: 'Create a session (staff).' + CONFLICT_NOTE, body: CreateSessionBodySchema, response: { 201: SessionSchema } },
    handler: async (q, reply) => reply.status(201).send(await s.sessions.createSession(actor(q), q.body)),
  });
  r.patch('/api/sessions/:id', {
    schema: { tags: TAGS, summary: 'Change a session (staff).' + CONFLICT_NOTE, params: IdParamsSchema, body: UpdateSessionBodySchema, response: { 200: SessionSchema } },
    handler: async (q) => s.sessions.updateSession(actor(q), q.params.id, q.body),
  });
  r.get('/api/sessions/:id/site-visit-attendees', {
    schema: { tags: TAGS, summary: "Who goes on a site visit or walking tour (staff, the module's host)", params: IdParamsSchema, response: { 200: SiteVisitAttendeesSchema } },
    handler: async (q) => s.siteVisits.listAttendees(actor(q), q.params.id),
  });
  r.put('/api/sessions/:id/site-visit-attendees', {
    schema: { tags: TAGS, summary: 'Set the whole group of a visit; they leave parallel visits of the module (staff)', params: IdParamsSchema, body: SetSiteVisitAttendeesBodySchema, response: { 200: SiteVisitAttendeesSchema } },
    handler: async (q) => s.siteVisits.setAttendees(actor(q), q.params.id, q.body),
  });
  r.post('/api/modules/:id/site-visits/distribute', {
    schema: { tags: TAGS, summary: "Split the stream across the module's parallel visits by capacity, replacing earlier groups (staff)", params: IdParamsSchema, response: { 200: SiteVisitSplitSchema } },
    handler: async (q) => s.siteVisits.distribute(actor(q), q.params.id),
  });
  r.delete('/api/sessions/:id', {
    schema: { tags: TAGS, summary: 'Delete a session without attendance (staff)', params: IdParamsSchema, response: { 200: OkSchema } },
    handler: async (q) => s.sessions.deleteSession(actor(q), q.params.id),
  });

  r.get('/api/modules/:id/travel-legs', {
    schema: { tags: TAGS, summary: "A module's travel legs (staff, the module's host)", params: IdParamsSchema, response: { 200: TravelLegListSchema } },
    handler: async (q) => s.travel.listModuleTravel(actor(q), q.params.id),
  });
  r.get('/api/me/travel-legs', { schema: { tags: TAGS, summary: 'My travel legs', response: { 200: TravelLegListSchema } }, handler: async (q) => s.travel.myTravel(actor(q)) });
  r.post('/api/travel-legs', {
    schema: { tags: TAGS, summary: "Add a participant's travel leg (staff)", body: CreateTravelLegBodySchema, response: { 201: TravelLegSchema } },
    handler: async (q, reply) => reply.status(201).send(await s.travel.createLeg(actor(q), q.body)),
  });
  r.patch('/api/travel-legs/:id', {
    schema: { tags: TAGS, summary: 'Change a travel leg (staff)', params: IdParamsSchema, body: UpdateTravelLegBodySchema, response: { 200: TravelLegSchema } },
    handler: async (q) => s.travel.updateLeg(actor(q), q.params.id, q.body),
  });
  r.delete('/api/travel-legs/:id', { schema: { tags: TAGS, summary: 'Delete a travel leg (staff)', params: IdParamsSchema, response: { 200: OkSchema } }, handler: async (q) => s.travel.deleteLeg(actor(q), q.params.id) });

  registerTimetableRoutes(app, s);
  registerAttendanceRoutes(app, s);
}
