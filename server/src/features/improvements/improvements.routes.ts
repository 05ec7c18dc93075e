import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, OkSchema } from '@ms/contracts/common';
import {
  AreaCoverageSchema,
  CreateImprovementBodySchema,
  ImprovementFilterSchema,
  ImprovementPageSchema,
  ImprovementQuerySchema,
  ImprovementSchema,
  UpdateImprovementBodySchema,
} from '@ms/contracts/improvements';
import { requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createImprovementsService } from './improvements.service.ts';

const TAGS = ['improvements'];

/** The improvements board of a stream, its CSV export and the coverage of the 30 areas. */
export function registerImprovementRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createImprovementsService({ db: deps.db, auditBuffer: deps.auditBuffer });

  r.get('/api/streams/:id/improvements', {
    schema: { tags: TAGS, summary: 'The improvements board: filter by area, team or text; sort; page', params: IdParamsSchema, querystring: ImprovementQuerySchema, response: { 200: ImprovementPageSchema } },
    handler: async (q) => service.listBoard(requireActor(q), q.params.id, q.query, q.locale),
  });
  r.get('/api/streams/:id/improvements.csv', {
    schema: { tags: TAGS, summary: 'The filtered board as CSV (UTF-8 with BOM, ";"-separated)', params: IdParamsSchema, querystring: ImprovementFilterSchema },
    handler: async (q, reply) => {
      const file = await service.exportBoard(requireActor(q), q.params.id, q.query, q.locale);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.body);
    },
  });
  r.get('/api/streams/:id/improvements/coverage', {
    schema: { tags: TAGS, summary: 'Improvements per area: all 30 areas, and which have none', params: IdParamsSchema, response: { 200: AreaCoverageSchema } },
    handler: async (q) => service.coverage(requireActor(q), q.params.id),
  });
  r.post('/api/streams/:id/improvements', {
    schema: { tags: TAGS, summary: 'Record an improvement (a participant for themselves or their team; staff for anyone)', params: IdParamsSchema, body: CreateImprovementBodySchema, response: { 201: ImprovementSchema } },
    handler: async (q, reply) => reply.status(201).send(await service.createImprovement(requireActor(q), q.params.id, q.body, q.locale)),
  });
  r.patch('/api/improvements/:id', {
    schema: { tags: TAGS, summary: 'Edit an improvement (its author, staff)', params: IdParamsSchema, body: UpdateImprovementBodySchema, response: { 200: ImprovementSchema } },
    handler: async (q) => service.updateImprovement(requireActor(q), q.params.id, q.body, q.locale),
  });
  r.delete('/api/improvements/:id', {
    schema: { tags: TAGS, summary: 'Delete an improvement (its author, staff)', params: IdParamsSchema, response: { 200: OkSchema } },
    handler: async (q) => service.deleteImprovement(requireActor(q), q.params.id),
  });
}
