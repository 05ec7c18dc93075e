import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '@ms/contracts/common';
import {
  AdoptionPlanListSchema,
  AdoptionPlanSchema,
  CheckInParamsSchema,
  CreateAdoptionPlanBodySchema,
  OverdueCheckInPageSchema,
  OverdueQuerySchema,
  RecordCheckInBodySchema,
  RemindersRunSchema,
  UpdateAdoptionPlanBodySchema,
} from '@ms/contracts/practices';
import { requireActor } from '../../plugins/request-context.ts';
import type { PracticeServices } from './practices.services.ts';

const TAGS = ['practices'];

/** Adoption plans, check-ins, the overdue list and reminder runs. */
export function registerAdoptionRoutes(app: FastifyInstance, s: PracticeServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const actor = requireActor;

  r.get('/api/me/adoption-plans', { schema: { tags: TAGS, summary: 'My adoption plans', response: { 200: AdoptionPlanListSchema } }, handler: async (q) => s.adoptions.listMyPlans(actor(q)) });
  r.post('/api/adoption-plans', {
    schema: { tags: TAGS, summary: 'Commit to adapt a practice in a municipality (participants and alumni); check-ins fall due at +3, +6 and +12 months', body: CreateAdoptionPlanBodySchema, response: { 201: AdoptionPlanSchema } },
    handler: async (q, reply) => reply.status(201).send(await s.adoptions.createPlan(actor(q), q.body)),
  });
  r.get('/api/adoption-plans/:id', { schema: { tags: TAGS, summary: 'One adoption plan (its adopter, the programme staff)', params: IdParamsSchema, response: { 200: AdoptionPlanSchema } }, handler: async (q) => s.adoptions.getPlan(actor(q), q.params.id) });
  r.patch('/api/adoption-plans/:id', {
    schema: { tags: TAGS, summary: 'Change my plan: owner, stage, milestones, KPIs (a KPI value of the wrong type for its unit is refused)', params: IdParamsSchema, body: UpdateAdoptionPlanBodySchema, response: { 200: AdoptionPlanSchema } },
    handler: async (q) => s.adoptions.updatePlan(actor(q), q.params.id, q.body),
  });
  r.post('/api/adoption-plans/:id/check-ins/:checkInId', {
    schema: { tags: TAGS, summary: 'Record a check-in with KPI actuals (the adopter)', params: CheckInParamsSchema, body: RecordCheckInBodySchema, response: { 200: AdoptionPlanSchema } },
    handler: async (q) => s.adoptions.recordCheckIn(actor(q), q.params.id, q.params.checkInId, q.body),
  });
  r.get('/api/adoption-check-ins/overdue', {
    schema: { tags: TAGS, summary: "Overdue check-ins of a programme's adopters (staff)", querystring: OverdueQuerySchema, response: { 200: OverdueCheckInPageSchema } },
    handler: async (q) => s.adoptions.listOverdue(actor(q), q.query.programmeId, q.query),
  });
  r.post('/api/adoption-check-ins/reminders', {
    schema: { tags: TAGS, summary: 'Send due and overdue check-in reminders now, as a background job (staff); never sends one twice', body: z.strictObject({ programmeId: z.uuid() }), response: { 202: RemindersRunSchema } },
    handler: async (q, reply) => reply.status(202).send(await s.reminders.enqueue(actor(q), q.body.programmeId)),
  });
}
