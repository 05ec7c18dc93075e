import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, OkSchema } from '@ms/contracts/common';
import {
  CompletionRulesSchema,
  GrantExceptionBodySchema,
  MyProgressSchema,
  PersonInStreamParamsSchema,
  StreamProgressQuerySchema,
  StreamProgressSchema,
  UpdateCompletionRulesBodySchema,
} from '@ms/contracts/completion';
import { requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createCompletionService } from './completion.service.ts';

const TAGS = ['completion'];

/** Completion rules, progress and exceptions. */
export function registerCompletionRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const service = createCompletionService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/programmes/:id/completion-rules', {
    schema: { tags: TAGS, summary: 'Which completion rules the programme applies', params: IdParamsSchema, response: { 200: CompletionRulesSchema } },
    handler: async (request) => service.getRules(requireActor(request), request.params.id),
  });
  r.put('/api/programmes/:id/completion-rules', {
    schema: { tags: TAGS, summary: 'Switch completion rules on or off for the programme', params: IdParamsSchema, body: UpdateCompletionRulesBodySchema, response: { 200: CompletionRulesSchema } },
    handler: async (request) => service.updateRules(requireActor(request), request.params.id, request.body),
  });
  r.get('/api/streams/:id/progress', {
    schema: { tags: TAGS, summary: 'Who is eligible for the diploma and what the others miss', params: IdParamsSchema, querystring: StreamProgressQuerySchema, response: { 200: StreamProgressSchema } },
    handler: async (request) => service.streamProgress(requireActor(request), request.params.id, request.query),
  });
  r.get('/api/me/progress', {
    schema: { tags: TAGS, summary: 'My progress towards the diploma', response: { 200: MyProgressSchema } },
    handler: async (request) => service.myProgress(requireActor(request)),
  });
  r.put('/api/streams/:id/participants/:personId/completion-exception', {
    schema: { tags: TAGS, summary: 'Grant an exception with a reason (the person becomes eligible)', params: PersonInStreamParamsSchema, body: GrantExceptionBodySchema, response: { 200: OkSchema } },
    handler: async (request) => service.grantException(requireActor(request), request.params.id, request.params.personId, request.body.reason),
  });
  r.delete('/api/streams/:id/participants/:personId/completion-exception', {
    schema: { tags: TAGS, summary: 'Revoke the exception', params: PersonInStreamParamsSchema, response: { 200: OkSchema } },
    handler: async (request) => service.revokeException(requireActor(request), request.params.id, request.params.personId),
  });
}
