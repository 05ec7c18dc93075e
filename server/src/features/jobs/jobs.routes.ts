import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '@ms/contracts/common';
import { JobRunSchema } from '@ms/contracts/jobs';
import { requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createJobsService } from './jobs.service.ts';

export function registerJobRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const service = createJobsService(deps);
  app.withTypeProvider<ZodTypeProvider>().get('/api/jobs/:id', {
    schema: { tags: ['jobs'], summary: 'Progress and result of a background job', params: IdParamsSchema, response: { 200: JobRunSchema } },
    handler: async (request) => service.findRun(requireActor(request), request.params.id),
  });
}
