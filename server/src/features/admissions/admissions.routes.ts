import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '@ms/contracts/common';
import {
  CampaignListQuerySchema,
  CampaignListSchema,
  CampaignSchema,
  CommitRankingBodySchema,
  CommitRankingResultSchema,
  CreateCampaignBodySchema,
  DeclineParamsSchema,
  DeclineResultSchema,
  EnrolResultSchema,
  NotifyResultSchema,
  NominateBodySchema,
  NominationBoardSchema,
  NominationParamsSchema,
  QuotaListSchema,
  RankingPreviewBodySchema,
  RankingPreviewSchema,
  RankingStateSchema,
  SetQuotasBodySchema,
  ScoreExpiredResultSchema,
  SetTestBodySchema,
  StaffTestSchema,
  StaffApplicationPageSchema,
  UpdateCampaignBodySchema,
  WhatIfBodySchema,
  WhatIfSchema,
} from '@ms/contracts/admissions';
import { StaffApplicationListQuerySchema } from '@ms/contracts/admission-applications';
import { requestMeta, requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { registerApplicantRoutes } from './applicant.routes.ts';
import { registerExpertRoutes } from './experts.routes.ts';
import { registerFunnelRoutes } from './funnel.routes.ts';
import { registerInterviewRoutes } from './interviews.routes.ts';
import { createCampaignsService } from './campaigns.service.ts';
import { createDecisionsService } from './decisions.service.ts';
import { createNominationsService } from './nominations.service.ts';
import { registerPublicAdmissionRoutes } from './public.routes.ts';
import { registerStaffApplicationRoutes } from './staff-application.routes.ts';
import { createRankingService } from './ranking.service.ts';
import { createStaffApplicationsService } from './staff-applications.service.ts';
import { createTestService } from './test.service.ts';

const TAGS = ['admissions'];

/** Admissions: campaign setup, the public application, nomination, ranking and decisions. */
export function registerAdmissionRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const campaigns = createCampaignsService(deps);
  const staffApplications = createStaffApplicationsService({ ...deps, campaigns });
  const nominations = createNominationsService(deps);
  const ranking = createRankingService({ ...deps, campaigns });
  const decisions = createDecisionsService({ ...deps, campaigns });
  const tests = createTestService({ ...deps, campaigns });
  const r = app.withTypeProvider<ZodTypeProvider>();

  registerPublicAdmissionRoutes(app, deps);
  registerApplicantRoutes(app, deps, tests);
  registerExpertRoutes(app, deps, campaigns);
  registerInterviewRoutes(app, deps, campaigns);
  registerFunnelRoutes(app, deps, campaigns);
  registerStaffApplicationRoutes(app, deps);

  r.get('/api/admissions/campaigns', {
    schema: { tags: TAGS, summary: 'Campaigns the actor manages (staff)', querystring: CampaignListQuerySchema, response: { 200: CampaignListSchema } },
    handler: async (request) => ({ items: await campaigns.listCampaigns(requireActor(request), request.query) }),
  });

  r.post('/api/admissions/campaigns', {
    schema: { tags: TAGS, summary: 'Create a campaign for an intake (staff of its programme)', body: CreateCampaignBodySchema, response: { 201: CampaignSchema } },
    handler: async (request, reply) => reply.status(201).send(await campaigns.createCampaign(requireActor(request), request.body, requestMeta(request))),
  });

  r.get('/api/admissions/campaigns/:id', {
    schema: { tags: TAGS, summary: 'A campaign with its form, rules and counts by status', params: IdParamsSchema, response: { 200: CampaignSchema } },
    handler: async (request) => campaigns.getCampaign(requireActor(request), request.params.id),
  });

  r.patch('/api/admissions/campaigns/:id', {
    schema: { tags: TAGS, summary: 'Change a campaign (dates, form, rules, gate, publication)', params: IdParamsSchema, body: UpdateCampaignBodySchema, response: { 200: CampaignSchema } },
    handler: async (request) => campaigns.updateCampaign(requireActor(request), request.params.id, request.body, requestMeta(request)),
  });

  r.get('/api/admissions/campaigns/:id/quotas', {
    schema: { tags: TAGS, summary: 'Regional nomination quotas that differ from the default', params: IdParamsSchema, response: { 200: QuotaListSchema } },
    handler: async (request) => campaigns.listQuotas(requireActor(request), request.params.id),
  });

  r.put('/api/admissions/campaigns/:id/quotas', {
    schema: { tags: TAGS, summary: 'Replace the regional nomination quotas', params: IdParamsSchema, body: SetQuotasBodySchema, response: { 200: QuotaListSchema } },
    handler: async (request) => campaigns.setQuotas(requireActor(request), request.params.id, request.body.quotas, requestMeta(request)),
  });

  r.get('/api/admissions/campaigns/:id/applications', {
    schema: { tags: TAGS, summary: 'A page of the campaign’s applications (staff)', params: IdParamsSchema, querystring: StaffApplicationListQuerySchema, response: { 200: StaffApplicationPageSchema } },
    handler: async (request) => staffApplications.listApplications(requireActor(request), request.params.id, request.query, requestMeta(request)),
  });

  r.get('/api/admissions/campaigns/:id/nominations', {
    schema: { tags: TAGS, summary: 'Eligible applicants of the coordinator’s regions and the quota use', params: IdParamsSchema, response: { 200: NominationBoardSchema } },
    handler: async (request) => nominations.getBoard(requireActor(request), request.params.id, requestMeta(request)),
  });

  r.post('/api/admissions/campaigns/:id/nominations', {
    schema: { tags: TAGS, summary: 'Nominate an applicant of the coordinator’s region (within the quota, with a comment)', params: IdParamsSchema, body: NominateBodySchema, response: { 200: NominationBoardSchema } },
    handler: async (request) => nominations.nominate(requireActor(request), request.params.id, request.body, requestMeta(request)),
  });

  r.delete('/api/admissions/campaigns/:id/nominations/:applicationId', {
    schema: { tags: TAGS, summary: 'Take a nomination back (before ranking)', params: NominationParamsSchema, response: { 200: NominationBoardSchema } },
    handler: async (request) => nominations.withdrawNomination(requireActor(request), request.params.id, request.params.applicationId, requestMeta(request)),
  });

  r.get('/api/admissions/campaigns/:id/ranking', {
    schema: { tags: TAGS, summary: 'The committed ranking configuration and the history of commits', params: IdParamsSchema, response: { 200: RankingStateSchema } },
    handler: async (request) => ranking.state(requireActor(request), request.params.id),
  });

  r.post('/api/admissions/campaigns/:id/ranking/preview', {
    schema: { tags: TAGS, summary: 'Rank under a configuration without saving anything', params: IdParamsSchema, body: RankingPreviewBodySchema, response: { 200: RankingPreviewSchema } },
    handler: async (request) => ranking.preview(requireActor(request), request.params.id, request.body.config),
  });

  r.post('/api/admissions/campaigns/:id/ranking/what-if', {
    schema: { tags: TAGS, summary: 'Compare two configurations: who moves in and out', params: IdParamsSchema, body: WhatIfBodySchema, response: { 200: WhatIfSchema } },
    handler: async (request) => ranking.whatIf(requireActor(request), request.params.id, request.body.current, request.body.proposed),
  });

  r.post('/api/admissions/campaigns/:id/ranking/commit', {
    schema: { tags: TAGS, summary: 'Commit a configuration: decisions with reasons for every candidate', params: IdParamsSchema, body: CommitRankingBodySchema, response: { 200: CommitRankingResultSchema } },
    handler: async (request) => ranking.commit(requireActor(request), request.params.id, request.body.config, request.body.reason, requestMeta(request)),
  });

  r.post('/api/admissions/campaigns/:id/decisions/notify', {
    schema: { tags: TAGS, summary: 'Mail every decided, not yet notified applicant (background job, ru/en)', params: IdParamsSchema, response: { 202: NotifyResultSchema } },
    handler: async (request, reply) => reply.status(202).send(await decisions.notify(requireActor(request), request.params.id, requestMeta(request))),
  });

  r.post('/api/admissions/campaigns/:id/enrolment', {
    schema: { tags: TAGS, summary: 'Enrol the admitted into the intake’s streams, balanced by region and age', params: IdParamsSchema, response: { 200: EnrolResultSchema } },
    handler: async (request) => decisions.enrol(requireActor(request), request.params.id, requestMeta(request)),
  });

  r.post('/api/admissions/campaigns/:id/applications/:applicationId/decline', {
    schema: { tags: TAGS, summary: 'Record a decline; the next from the reserve list is admitted', params: DeclineParamsSchema, response: { 200: DeclineResultSchema } },
    handler: async (request) => decisions.decline(requireActor(request), request.params.id, request.params.applicationId, requestMeta(request)),
  });

  r.get('/api/admissions/campaigns/:id/test', {
    schema: { tags: TAGS, summary: 'The online test: window, time limit, question bank with answers (staff)', params: IdParamsSchema, response: { 200: StaffTestSchema } },
    handler: async (request) => tests.getStaffTest(requireActor(request), request.params.id),
  });

  r.post('/api/admissions/campaigns/:id/test/score', {
    schema: { tags: TAGS, summary: 'Score every attempt whose time is up and that was never finished (set-based)', params: IdParamsSchema, response: { 200: ScoreExpiredResultSchema } },
    handler: async (request) => tests.scoreExpired(requireActor(request), request.params.id, requestMeta(request)),
  });

  r.put('/api/admissions/campaigns/:id/test', {
    schema: { tags: TAGS, summary: 'Set the online test (only before any candidate has started)', params: IdParamsSchema, body: SetTestBodySchema, response: { 200: StaffTestSchema } },
    handler: async (request) => tests.setTest(requireActor(request), request.params.id, request.body, requestMeta(request)),
  });
}
