import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '@ms/contracts/common';
import { JobRunSchema } from '@ms/contracts/jobs';
import { requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createJobsService } from './jobs.service.ts';

/** `?waitMs=`: hold the answer until the run finishes, for at most this long (capped so a request never hangs). */
const JobRunQuerySchema = z.object({
  waitMs: z.coerce.number().int().min(0).max(10_000).optional(),
});

/** GET /api/jobs/:id: a background run's progress and result, for its starter and admins. */
export function registerJobRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const service = createJobsService(deps);
  app.withTypeProvider<ZodTypeProvider>().get('/api/jobs/:id', {
    schema: {
      tags: ['jobs'],
      summary: 'Progress and result of a background job (with waitMs: answered as soon as it finishes)',
      params: IdParamsSchema,
      querystring: JobRunQuerySchema,
      response: { 200: JobRunSchema },
    },
    handler: async (request) => service.findRun(requireActor(request), request.params.id, { waitMs: request.query.waitMs }),
  });
}
