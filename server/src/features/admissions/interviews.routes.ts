import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '@ms/contracts/common';
import {
  BookBodySchema,
  BookingParamsSchema,
  CreateSlotBodySchema,
  DeleteSlotQuerySchema,
  InterviewBoardSchema,
  InterviewCandidatePageSchema,
  InterviewCandidatesQuerySchema,
  InterviewScoreBodySchema,
  MyInterviewsSchema,
  MyScoreParamsSchema,
  OwnInterviewSchema,
  SlotParamsSchema,
  UpdateSlotBodySchema,
} from '@ms/contracts/admission-interviews';
import { requestMeta, requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { createApplicantInterviewService } from './interviews.applicant.ts';
import { createInterviewsService } from './interviews.service.ts';
import { createSlotChangesService } from './interviews.slots.ts';

const TAGS = ['admissions'];
const LangQuerySchema = z.object({ lang: z.enum(['ru', 'en']).optional() });

/** Interviews: staff slots and bookings; the panel's scoring. */
export function registerInterviewRoutes(app: FastifyInstance, deps: FeatureDeps, campaigns: CampaignsService): void {
  const service = createInterviewsService({ ...deps, campaigns });
  const slots = createSlotChangesService({ ...deps, campaigns });
  const applicant = createApplicantInterviewService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/admissions/campaigns/:id/interviews', {
    schema: { tags: TAGS, summary: 'Interview slots with their panel and booked candidates (staff)', params: IdParamsSchema, response: { 200: InterviewBoardSchema } },
    handler: async (request) => service.getBoard(requireActor(request), request.params.id, requestMeta(request)),
  });

  r.post('/api/admissions/campaigns/:id/interviews/slots', {
    schema: { tags: TAGS, summary: 'Create an interview slot: time, place or online link, capacity, panel', params: IdParamsSchema, body: CreateSlotBodySchema, response: { 200: InterviewBoardSchema } },
    handler: async (request) => service.createSlot(requireActor(request), request.params.id, request.body, requestMeta(request)),
  });

  r.put('/api/admissions/campaigns/:id/interviews/slots/:slotId', {
    schema: {
      tags: TAGS,
      summary: 'Change a slot (every field); moving one with booked candidates needs isConfirmed and e-mails them',
      params: SlotParamsSchema,
      body: UpdateSlotBodySchema,
      response: { 200: InterviewBoardSchema },
    },
    handler: async (request) => slots.updateSlot(requireActor(request), request.params.id, request.params.slotId, request.body, requestMeta(request)),
  });

  r.delete('/api/admissions/campaigns/:id/interviews/slots/:slotId', {
    schema: {
      tags: TAGS,
      summary: 'Delete a slot (confirmed=true when candidates are booked: they are e-mailed); 409 once it took place and was scored',
      params: SlotParamsSchema,
      querystring: DeleteSlotQuerySchema,
      response: { 200: InterviewBoardSchema },
    },
    handler: async (request) => slots.deleteSlot(requireActor(request), request.params.id, request.params.slotId, request.query.confirmed, requestMeta(request)),
  });

  r.delete('/api/admissions/campaigns/:id/interviews/slots/:slotId/bookings/:applicationId', {
    schema: { tags: TAGS, summary: 'Take a candidate off a slot (e-mailed when it was ahead); 409 once they were scored', params: BookingParamsSchema, response: { 200: InterviewBoardSchema } },
    handler: async (request) => slots.unbook(requireActor(request), request.params.id, request.params.slotId, request.params.applicationId, requestMeta(request)),
  });

  r.get('/api/admissions/campaigns/:id/interviews/candidates', {
    schema: { tags: TAGS, summary: 'Candidates of the interview stage found by name or region, a page at a time', params: IdParamsSchema, querystring: InterviewCandidatesQuerySchema, response: { 200: InterviewCandidatePageSchema } },
    handler: async (request) => slots.candidates(requireActor(request), request.params.id, request.query, requestMeta(request)),
  });

  r.get('/api/me/applications/:id/interview', {
    schema: { tags: TAGS, summary: 'My interview: the slot I am booked into (the panel only as a size), or null', params: IdParamsSchema, response: { 200: OwnInterviewSchema } },
    handler: async (request) => applicant.getOwnInterview(requireActor(request), request.params.id),
  });

  r.get('/api/me/applications/:id/interview.ics', {
    schema: { tags: TAGS, summary: 'My interview as an iCalendar file (one event, with the programme’s time zone)', params: IdParamsSchema, querystring: LangQuerySchema },
    handler: async (request, reply) => {
      const file = await applicant.ownInterviewCalendar(requireActor(request), request.params.id, request.query.lang ?? request.locale);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
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
