import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '@ms/contracts/common';
import {
  AssignResultSchema,
  BlindReviewSchema,
  ExpertStageSchema,
  ReviewQueueSchema,
  SetExpertStageBodySchema,
  SetExpertsBodySchema,
  SubmitReviewBodySchema,
  WorkloadSchema,
} from '@ms/contracts/admission-experts';
import { requestMeta, requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { createExpertsService } from './experts.service.ts';

const TAGS = ['admissions'];

/** The expert-scored stage: staff setup and workload, and the expert's blind scoring queue. */
export function registerExpertRoutes(app: FastifyInstance, deps: FeatureDeps, campaigns: CampaignsService): void {
  const service = createExpertsService({ ...deps, campaigns });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/admissions/campaigns/:id/expert-stage', {
    schema: { tags: TAGS, summary: 'The expert stage: rubric, threshold, deadline, expert pool (staff)', params: IdParamsSchema, response: { 200: ExpertStageSchema } },
    handler: async (request) => service.getStage(requireActor(request), request.params.id),
  });

  r.put('/api/admissions/campaigns/:id/expert-stage', {
    schema: { tags: TAGS, summary: 'Set the rubric of weighted criteria, the third-scoring threshold and the deadline', params: IdParamsSchema, body: SetExpertStageBodySchema, response: { 200: ExpertStageSchema } },
    handler: async (request) => service.setStage(requireActor(request), request.params.id, request.body, requestMeta(request)),
  });

  r.put('/api/admissions/campaigns/:id/expert-stage/experts', {
    schema: { tags: TAGS, summary: 'Replace the expert pool (each expert’s region given or from their person record)', params: IdParamsSchema, body: SetExpertsBodySchema, response: { 200: ExpertStageSchema } },
    handler: async (request) => service.setExperts(requireActor(request), request.params.id, request.body.experts, requestMeta(request)),
  });

  r.post('/api/admissions/campaigns/:id/expert-stage/assign', {
    schema: { tags: TAGS, summary: 'Assign two blind scorings per application, never from the applicant’s region', params: IdParamsSchema, response: { 200: AssignResultSchema } },
    handler: async (request) => service.assign(requireActor(request), request.params.id, requestMeta(request)),
  });

  r.get('/api/admissions/campaigns/:id/expert-stage/workload', {
    schema: { tags: TAGS, summary: 'Scorers × assigned / done / overdue', params: IdParamsSchema, response: { 200: WorkloadSchema } },
    handler: async (request) => service.workload(requireActor(request), request.params.id),
  });

  r.get('/api/me/reviews', {
    schema: { tags: TAGS, summary: 'My scoring queue (blind: no name, region or contacts)', response: { 200: ReviewQueueSchema } },
    handler: async (request) => ({ items: await service.queue(requireActor(request), requestMeta(request)) }),
  });

  r.get('/api/me/reviews/:id', {
    schema: { tags: TAGS, summary: 'One of my scorings (blind)', params: IdParamsSchema, response: { 200: BlindReviewSchema } },
    handler: async (request) => service.getReview(requireActor(request), request.params.id, requestMeta(request)),
  });

  r.post('/api/me/reviews/:id', {
    schema: { tags: TAGS, summary: 'Submit my points per criterion (once)', params: IdParamsSchema, body: SubmitReviewBodySchema, response: { 200: BlindReviewSchema } },
    handler: async (request) => service.submitReview(requireActor(request), request.params.id, request.body, requestMeta(request)),
  });
}
