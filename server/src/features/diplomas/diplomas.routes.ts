import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, OkSchema } from '@ms/contracts/common';
import {
  BulkIssueBodySchema,
  CeremonyGraduatesSchema,
  ScheduledIssueSchema,
  BulkIssueResultSchema,
  DiplomaIdParamsSchema,
  DiplomaSummarySchema,
  MyDiplomasSchema,
  SetOverrideBodySchema,
  StatusChangeBodySchema,
  StreamDiplomasSchema,
} from '@ms/contracts/diplomas';
import { requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createCeremonyService } from './diplomas.ceremony.ts';
import { createDiplomaCore } from './diplomas.core.ts';
import { createDiplomasPublicService } from './diplomas.public.ts';
import { registerPublicDiplomaRoutes } from './diplomas.public.routes.ts';
import { createDiplomasService } from './diplomas.service.ts';

const TAGS = ['diplomas'];
const OverrideParamsSchema = z.object({ id: z.uuid(), personId: z.uuid() });
const asciiName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_');

/** Builds the diplomas feature from the shared dependencies and joins its routes (its job: job-handlers.ts). */
export function registerDiplomaRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const publicUrl = deps.config.publicUrl;
  const { keys, statusLists, verifier } = createDiplomaCore({ db: deps.db, clock: deps.clock, secretBox: deps.secretBox, publicUrl });
  const service = createDiplomasService({ db: deps.db, clock: deps.clock, auditBuffer: deps.auditBuffer, jobs: deps.jobs, statusLists, publicUrl });
  const publicService = createDiplomasPublicService({ db: deps.db, clock: deps.clock, auditBuffer: deps.auditBuffer, keys, statusLists, verifier, publicUrl });
  const ceremony = createCeremonyService({ db: deps.db, clock: deps.clock, auditBuffer: deps.auditBuffer, jobs: deps.jobs });
  registerPublicDiplomaRoutes(app, publicService);

  const r = app.withTypeProvider<ZodTypeProvider>();
  const actor = requireActor;

  r.get('/api/streams/:id/diplomas', {
    schema: { tags: TAGS, summary: "Eligibility of a stream's participants, overrides and issued diplomas (staff)", params: IdParamsSchema, response: { 200: StreamDiplomasSchema } },
    handler: async (q) => service.streamOverview(actor(q), q.params.id),
  });
  r.put('/api/streams/:id/diplomas/overrides/:personId', {
    schema: { tags: TAGS, summary: 'Decide eligibility by hand with a reason, or clear the decision with isEligible null (staff)', params: OverrideParamsSchema, body: SetOverrideBodySchema, response: { 200: OkSchema } },
    handler: async (q) => service.setOverride(actor(q), q.params.id, q.params.personId, q.body),
  });
  r.post('/api/streams/:id/diplomas/issue', {
    schema: { tags: TAGS, summary: 'Issue diplomas to every eligible participant as a background job; rerunning issues nothing twice (staff)', params: IdParamsSchema, body: BulkIssueBodySchema, response: { 200: BulkIssueResultSchema } },
    handler: async (q) => service.startBulkIssue(actor(q), q.params.id, q.body),
  });
  r.post('/api/streams/:id/diplomas/schedule', {
    schema: { tags: TAGS, summary: "Schedule bulk issuance for the start of the final module's ceremony session, dated then (staff)", params: IdParamsSchema, response: { 200: ScheduledIssueSchema } },
    handler: async (q) => ceremony.scheduleIssue(actor(q), q.params.id),
  });
  r.delete('/api/streams/:id/diplomas/schedule', {
    schema: { tags: TAGS, summary: 'Cancel the scheduled bulk issuance before it starts (staff)', params: IdParamsSchema, response: { 200: OkSchema } },
    handler: async (q) => ceremony.cancelScheduledIssue(actor(q), q.params.id),
  });
  r.get('/api/sessions/:id/graduates', {
    schema: { tags: TAGS, summary: "The stream's graduates, on its final module's ceremony session (staff); other sessions answer 404", params: IdParamsSchema, response: { 200: CeremonyGraduatesSchema } },
    handler: async (q) => ceremony.graduates(actor(q), q.params.id),
  });
  r.get('/api/streams/:id/diplomas/zip', {
    schema: { tags: TAGS, summary: "All of a stream's diploma PDFs as one ZIP, streamed (staff)", params: IdParamsSchema },
    handler: async (q, reply) => {
      const zip = await service.streamZip(actor(q), q.params.id);
      return reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename="${asciiName(zip.fileName)}"`).header('cache-control', 'no-store').send(zip.stream);
    },
  });
  r.get('/api/me/diplomas', { schema: { tags: TAGS, summary: 'My diplomas', response: { 200: MyDiplomasSchema } }, handler: async (q) => service.myDiplomas(actor(q)) });
  r.get('/api/diplomas/:id', {
    schema: { tags: TAGS, summary: 'A diploma (its holder and staff)', params: DiplomaIdParamsSchema, response: { 200: DiplomaSummarySchema } },
    handler: async (q) => service.getDiploma(actor(q), q.params.id),
  });
  r.get('/api/diplomas/:id/credential', {
    schema: { tags: TAGS, summary: 'The signed Open Badges 3.0 credential as a JSON file (its holder and staff)', params: DiplomaIdParamsSchema },
    handler: async (q, reply) => {
      const { credential, registryNumber } = await service.credentialJson(actor(q), q.params.id);
      return reply.header('content-type', 'application/ld+json; charset=utf-8').header('content-disposition', `attachment; filename="${asciiName(registryNumber)}.json"`).header('cache-control', 'no-store').send(JSON.stringify(credential, null, 2));
    },
  });
  r.get('/api/diplomas/:id/pdf', {
    schema: { tags: TAGS, summary: 'The diploma as a PDF, Russian and English pages (its holder and staff)', params: DiplomaIdParamsSchema },
    handler: async (q, reply) => {
      const { bytes, registryNumber } = await service.pdf(actor(q), q.params.id);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${asciiName(registryNumber)}.pdf"`).header('cache-control', 'no-store').send(Buffer.from(bytes));
    },
  });
  r.post('/api/diplomas/:id/revoke', {
    schema: { tags: TAGS, summary: 'Revoke with a reason; the signed status list is updated at once (staff)', params: DiplomaIdParamsSchema, body: StatusChangeBodySchema, response: { 200: DiplomaSummarySchema } },
    handler: async (q) => service.revoke(actor(q), q.params.id, q.body.reason),
  });
  r.post('/api/diplomas/:id/reinstate', {
    schema: { tags: TAGS, summary: 'Reinstate a revoked diploma with a reason (staff)', params: DiplomaIdParamsSchema, body: StatusChangeBodySchema, response: { 200: DiplomaSummarySchema } },
    handler: async (q) => service.reinstate(actor(q), q.params.id, q.body.reason),
  });
  r.post('/api/diplomas/keys/rotate', {
    schema: { tags: TAGS, summary: 'Rotate the signing key; old keys keep verifying what they signed (admin)', response: { 200: z.object({ publicKeyMultibase: z.string(), did: z.string() }) } },
    handler: async (q) => publicService.rotateKey(actor(q)),
  });
}
