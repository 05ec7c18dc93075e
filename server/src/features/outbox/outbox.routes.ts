import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OutboxMessageSchema, OutboxPageSchema, OutboxQuerySchema } from '@ms/contracts/audit';
import { IdParamsSchema } from '@ms/contracts/common';
import { requestMeta, requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createOutboxService } from './outbox.service.ts';

const TAGS = ['outbox'];

/** Sent and unsent mail, for admins. */
export function registerOutboxRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const service = createOutboxService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/outbox', {
    schema: { tags: TAGS, summary: 'Messages the platform sent or queued, newest first', querystring: OutboxQuerySchema, response: { 200: OutboxPageSchema } },
    handler: async (request) => service.listMessages(requireActor(request), request.query, requestMeta(request)),
  });

  r.get('/api/outbox/:id', {
    schema: { tags: TAGS, summary: 'One message with its full text', params: IdParamsSchema, response: { 200: OutboxMessageSchema } },
    handler: async (request) => service.getMessage(requireActor(request), request.params.id, requestMeta(request)),
  });
}
