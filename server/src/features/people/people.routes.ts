import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '@ms/contracts/common';
import {
  CreatePersonBodySchema,
  EnrolBodySchema,
  EnrolmentParamsSchema,
  EnrolmentSchema,
  PersonSchema,
  RegionsSummarySchema,
  RosterExportQuerySchema,
  RosterPageSchema,
  RosterQuerySchema,
  UpdatePersonBodySchema,
} from '@ms/contracts/people';
import { sendCachedJson } from '../../plugins/cached-json.ts';
import { requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createPeopleService } from './people.service.ts';
import { createRosterService } from './roster.service.ts';

const TAGS = ['people'];

/** Rosters, their exports and summary, people records and enrolments. */
export function registerPeopleRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const roster = createRosterService({ db: deps.db, timeZone: deps.config.timeZone, auditBuffer: deps.auditBuffer });
  const people = createPeopleService(deps);

  r.get('/api/streams/:id/roster', {
    schema: {
      tags: TAGS,
      summary: "A stream's participants: search, filters, sort, paging (staff: all rows; coordinators: their regions)",
      params: IdParamsSchema,
      querystring: RosterQuerySchema,
      response: { 200: RosterPageSchema },
    },
    // Already JSON of RosterPageSchema, written by the same allow-list serializer: a string skips re-serialisation.
    handler: async (request, reply) => {
      const body = await roster.listRosterJson(requireActor(request), request.params.id, request.query, request.locale, request.ip);
      return sendCachedJson(request, reply, body);
    },
  });

  r.get('/api/streams/:id/roster/export', {
    schema: {
      tags: TAGS,
      summary: 'The filtered roster as CSV (UTF-8 with BOM, ";"-separated) or XLSX',
      params: IdParamsSchema,
      querystring: RosterExportQuerySchema,
    },
    handler: async (request, reply) => {
      const file = await roster.exportRoster(requireActor(request), request.params.id, request.query, request.locale, request.ip);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });

  r.get('/api/streams/:id/regions-summary', {
    schema: { tags: TAGS, summary: 'Participants per federal subject, for the map', params: IdParamsSchema, response: { 200: RegionsSummarySchema } },
    handler: async (request) => roster.summariseRegions(requireActor(request), request.params.id),
  });

  r.post('/api/streams/:id/enrolments', {
    schema: { tags: TAGS, summary: 'Enrol a person in the stream (staff)', params: IdParamsSchema, body: EnrolBodySchema, response: { 201: EnrolmentSchema } },
    handler: async (request, reply) =>
      reply.status(201).send(await people.enrol(requireActor(request), request.params.id, request.body.personId, request.ip)),
  });

  r.delete('/api/streams/:id/enrolments/:personId', {
    schema: { tags: TAGS, summary: 'Withdraw a participant from the stream (staff); the record is kept', params: EnrolmentParamsSchema, response: { 200: EnrolmentSchema } },
    handler: async (request) => people.withdraw(requireActor(request), request.params.id, request.params.personId, request.ip),
  });

  r.post('/api/people', {
    schema: { tags: TAGS, summary: 'Create a person record (staff)', body: CreatePersonBodySchema, response: { 201: PersonSchema } },
    handler: async (request, reply) => reply.status(201).send(await people.createPerson(requireActor(request), request.body, request.ip)),
  });

  r.get('/api/people/:id', {
    schema: { tags: TAGS, summary: 'A person (staff, coordinator of their region, or the person)', params: IdParamsSchema, response: { 200: PersonSchema } },
    handler: async (request) => people.getPerson(requireActor(request), request.params.id, request.ip),
  });

  r.patch('/api/people/:id', {
    schema: { tags: TAGS, summary: 'Change a person record (staff)', params: IdParamsSchema, body: UpdatePersonBodySchema, response: { 200: PersonSchema } },
    handler: async (request) => people.updatePerson(requireActor(request), request.params.id, request.body, request.ip),
  });
}
