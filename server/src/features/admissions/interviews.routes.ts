import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '@ms/contracts/common';
import { BookBodySchema, CreateSlotBodySchema, InterviewBoardSchema, InterviewScoreBodySchema, MyInterviewsSchema, MyScoreParamsSchema, SlotParamsSchema } from '@ms/contracts/admission-interviews';
import { requestMeta, requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { createInterviewsService } from './interviews.service.ts';

const TAGS = ['admissions'];

/** Interviews: staff slots and bookings; the panel's scoring. */
export function registerInterviewRoutes(app: FastifyInstance, deps: FeatureDeps, campaigns: CampaignsService): void {
  const service = createInterviewsService({ ...deps, campaigns });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/admissions/campaigns/:id/interviews', {
    schema: { tags: TAGS, summary: 'Interview slots with their panel and booked candidates (staff)', params: IdParamsSchema, response: { 200: InterviewBoardSchema } },
    handler: async (request) => service.getBoard(requireActor(request), request.params.id, requestMeta(request)),
  });

  r.post('/api/admissions/campaigns/:id/interviews/slots', {
    schema: { tags: TAGS, summary: 'Create an interview slot: time, place or online link, capacity, panel', params: IdParamsSchema, body: CreateSlotBodySchema, response: { 200: InterviewBoardSchema } },
    handler: async (request) => service.createSlot(requireActor(request), request.params.id, request.body, requestMeta(request)),
  });

  r.put('/api/admissions/campaigns/:id/interviews/slots/:slotId/bookings', {
    schema: { tags: TAGS, summary: 'Book a candidate into a slot (moves an earlier booking; within capacity)', params: SlotParamsSchema, body: BookBodySchema, response: { 200: InterviewBoardSchema } },
    handler: async (request) => service.book(requireActor(request), request.params.id, request.params.slotId, request.body.applicationId, requestMeta(request)),
  });

  r.get('/api/me/interviews', {
    schema: { tags: TAGS, summary: 'Interview slots where I sit on the panel, with candidates and my scores', response: { 200: MyInterviewsSchema } },
    handler: async (request) => service.mine(requireActor(request), requestMeta(request)),
  });

  r.put('/api/me/interviews/:slotId/scores/:applicationId', {
    schema: { tags: TAGS, summary: 'Score a candidate of my slot (0–100); the panel’s mean is the interview score', params: MyScoreParamsSchema, body: InterviewScoreBodySchema, response: { 200: MyInterviewsSchema } },
    handler: async (request) => service.score(requireActor(request), request.params.slotId, request.params.applicationId, request.body, requestMeta(request)),
  });
}
