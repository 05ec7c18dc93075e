import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '@ms/contracts/common';
import {
  CreatePracticeBodySchema,
  CurationNoteBodySchema,
  FlowsQuerySchema,
  FlowsSchema,
  KpiProgressSchema,
  MergePracticeBodySchema,
  PracticeFilterSchema,
  PracticeHistorySchema,
  PracticeModuleListSchema,
  PracticePageSchema,
  PracticeQuerySchema,
  PracticeSchema,
  UpdatePracticeBodySchema,
} from '@ms/contracts/practices';
import { requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { registerAdoptionRoutes } from './adoptions.routes.ts';
import { createPracticeServices } from './practices.services.ts';

const TAGS = ['practices'];

/** The practice library, curation and flows; adoption plans register theirs. */
export function registerPracticeRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = createPracticeServices(deps);
  const actor = requireActor;

  r.get('/api/practices', {
    schema: { tags: TAGS, summary: 'Search the library (Russian full-text search, filters, paging); staff may ask for proposals with status=proposed', querystring: PracticeQuerySchema, response: { 200: PracticePageSchema } },
    handler: async (q) => s.practices.listPractices(actor(q), q.query),
  });
  r.get('/api/practices/export', {
    schema: { tags: TAGS, summary: 'The filtered library as CSV', querystring: PracticeFilterSchema },
    handler: async (q, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="practices.csv"')
        .header('cache-control', 'no-store')
        .send(await s.practices.exportCsv(actor(q), q.query, q.locale)),
  });
  r.get('/api/practices/modules', {
    schema: { tags: TAGS, summary: 'Field modules where approved practices were shown (the library\'s module filter)', response: { 200: PracticeModuleListSchema } },
    handler: async (q) => s.practices.listShownModules(actor(q)),
  });
  r.get('/api/practices/flows', {
    schema: { tags: TAGS, summary: "A programme's flows: origin regions → adopting municipalities, top practices, coverage by area", querystring: FlowsQuerySchema, response: { 200: FlowsSchema } },
    handler: async (q) => s.flows.programmeFlows(actor(q), q.query.programmeId, q.query.region ?? null),
  });
  r.get('/api/practices/:id', { schema: { tags: TAGS, summary: 'One practice', params: IdParamsSchema, response: { 200: PracticeSchema } }, handler: async (q) => s.practices.getPractice(actor(q), q.params.id) });
  r.post('/api/practices', {
    schema: { tags: TAGS, summary: 'Add a practice (staff: approved at once) or propose one (anyone in the programme)', body: CreatePracticeBodySchema, response: { 201: PracticeSchema } },
    handler: async (q, reply) => reply.status(201).send(await s.practices.createPractice(actor(q), q.body)),
  });
  r.patch('/api/practices/:id', {
    schema: { tags: TAGS, summary: 'Edit a practice (staff; the proposer while proposed); recorded in its history', params: IdParamsSchema, body: UpdatePracticeBodySchema, response: { 200: PracticeSchema } },
    handler: async (q) => s.practices.updatePractice(actor(q), q.params.id, q.body),
  });
  r.get('/api/practices/:id/history', { schema: { tags: TAGS, summary: 'Edit history (staff)', params: IdParamsSchema, response: { 200: PracticeHistorySchema } }, handler: async (q) => s.curation.history(actor(q), q.params.id) });
  r.post('/api/practices/:id/approve', {
    schema: { tags: TAGS, summary: 'Approve a proposal (staff)', params: IdParamsSchema, body: CurationNoteBodySchema.optional(), response: { 200: PracticeSchema } },
    handler: async (q) => s.curation.approve(actor(q), q.params.id, q.body?.note ?? ''),
  });
  r.post('/api/practices/:id/reject', {
    schema: { tags: TAGS, summary: 'Reject a proposal (staff)', params: IdParamsSchema, body: CurationNoteBodySchema.optional(), response: { 200: PracticeSchema } },
    handler: async (q) => s.curation.reject(actor(q), q.params.id, q.body?.note ?? ''),
  });
  r.post('/api/practices/:id/merge', {
    schema: { tags: TAGS, summary: 'Merge a duplicate into another practice; its adoption plans move over (staff)', params: IdParamsSchema, body: MergePracticeBodySchema, response: { 200: PracticeSchema } },
    handler: async (q) => s.curation.merge(actor(q), q.params.id, q.body.intoId, q.body.note),
  });
  r.get('/api/practices/:id/kpi-progress', {
    schema: { tags: TAGS, summary: 'KPI progress across every adoption of the practice', params: IdParamsSchema, response: { 200: KpiProgressSchema } },
    handler: async (q) => s.adoptions.kpiProgress(actor(q), q.params.id),
  });

  registerAdoptionRoutes(app, s);
}

