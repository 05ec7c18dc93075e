import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '@ms/contracts/common';
import {
  CreateIntakeBodySchema,
  CreateOrganisationBodySchema,
  CreateProgrammeBodySchema,
  CreateStreamBodySchema,
  IntakePageSchema,
  IntakeSchema,
  IntakesQuerySchema,
  OrganisationPageSchema,
  OrganisationSchema,
  OrganisationsQuerySchema,
  ProgrammePageSchema,
  ProgrammeSchema,
  ProgrammesQuerySchema,
  StreamPageSchema,
  StreamSchema,
  StreamsQuerySchema,
  UpdateIntakeBodySchema,
  UpdateOrganisationBodySchema,
  UpdateProgrammeBodySchema,
  UpdateStreamBodySchema,
} from '@ms/contracts/programmes';
import { requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createProgrammesService } from './programmes.service.ts';

const TAGS = ['programmes'];

/** Organisations → programmes → intakes → streams: list, read, create and update. */
export function registerProgrammeRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createProgrammesService(deps);

  r.get('/api/organisations', {
    schema: { tags: TAGS, summary: 'Organisations the user holds a grant in', querystring: OrganisationsQuerySchema, response: { 200: OrganisationPageSchema } },
    handler: async (request) => service.listOrganisations(requireActor(request), request.query),
  });
  r.get('/api/organisations/:id', {
    schema: { tags: TAGS, summary: 'One organisation', params: IdParamsSchema, response: { 200: OrganisationSchema } },
    handler: async (request) => service.getOrganisation(requireActor(request), request.params.id),
  });
  r.post('/api/organisations', {
    schema: { tags: TAGS, summary: 'Create an organisation (admin, platform staff)', body: CreateOrganisationBodySchema, response: { 201: OrganisationSchema } },
    handler: async (request, reply) => reply.status(201).send(await service.createOrganisation(requireActor(request), request.body)),
  });
  r.patch('/api/organisations/:id', {
    schema: { tags: TAGS, summary: 'Change an organisation (its staff)', params: IdParamsSchema, body: UpdateOrganisationBodySchema, response: { 200: OrganisationSchema } },
    handler: async (request) => service.updateOrganisation(requireActor(request), request.params.id, request.body),
  });

  r.get('/api/programmes', {
    schema: { tags: TAGS, summary: 'Programmes the user holds a grant in or is enrolled in', querystring: ProgrammesQuerySchema, response: { 200: ProgrammePageSchema } },
    handler: async (request) => service.listProgrammes(requireActor(request), request.query),
  });
  r.get('/api/programmes/:id', {
    schema: { tags: TAGS, summary: 'One programme', params: IdParamsSchema, response: { 200: ProgrammeSchema } },
    handler: async (request) => service.getProgramme(requireActor(request), request.params.id),
  });
  r.post('/api/programmes', {
    schema: { tags: TAGS, summary: "Create a programme (the organisation's staff)", body: CreateProgrammeBodySchema, response: { 201: ProgrammeSchema } },
    handler: async (request, reply) => reply.status(201).send(await service.createProgramme(requireActor(request), request.body)),
  });
  r.patch('/api/programmes/:id', {
    schema: { tags: TAGS, summary: 'Change a programme (its staff)', params: IdParamsSchema, body: UpdateProgrammeBodySchema, response: { 200: ProgrammeSchema } },
    handler: async (request) => service.updateProgramme(requireActor(request), request.params.id, request.body),
  });

  r.get('/api/intakes', {
    schema: { tags: TAGS, summary: 'Intakes the user may see', querystring: IntakesQuerySchema, response: { 200: IntakePageSchema } },
    handler: async (request) => service.listIntakes(requireActor(request), request.query),
  });
  r.get('/api/intakes/:id', {
    schema: { tags: TAGS, summary: 'One intake', params: IdParamsSchema, response: { 200: IntakeSchema } },
    handler: async (request) => service.getIntake(requireActor(request), request.params.id),
  });
  r.post('/api/intakes', {
    schema: { tags: TAGS, summary: "Create an intake (the programme's staff)", body: CreateIntakeBodySchema, response: { 201: IntakeSchema } },
    handler: async (request, reply) => reply.status(201).send(await service.createIntake(requireActor(request), request.body)),
  });
  r.patch('/api/intakes/:id', {
    schema: { tags: TAGS, summary: "Change an intake (the programme's staff)", params: IdParamsSchema, body: UpdateIntakeBodySchema, response: { 200: IntakeSchema } },
    handler: async (request) => service.updateIntake(requireActor(request), request.params.id, request.body),
  });

  r.get('/api/streams', {
    schema: { tags: TAGS, summary: 'Streams the user holds a grant in or is enrolled in', querystring: StreamsQuerySchema, response: { 200: StreamPageSchema } },
    handler: async (request) => service.listStreams(requireActor(request), request.query),
  });
  r.get('/api/streams/:id', {
    schema: { tags: TAGS, summary: 'One stream', params: IdParamsSchema, response: { 200: StreamSchema } },
    handler: async (request) => service.getStream(requireActor(request), request.params.id),
  });
  r.post('/api/streams', {
    schema: { tags: TAGS, summary: "Create a stream (the programme's staff)", body: CreateStreamBodySchema, response: { 201: StreamSchema } },
    handler: async (request, reply) => reply.status(201).send(await service.createStream(requireActor(request), request.body)),
  });
  r.patch('/api/streams/:id', {
    schema: { tags: TAGS, summary: 'Change a stream (its staff)', params: IdParamsSchema, body: UpdateStreamBodySchema, response: { 200: StreamSchema } },
    handler: async (request) => service.updateStream(requireActor(request), request.params.id, request.body),
  });
}
