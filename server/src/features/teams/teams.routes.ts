import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '@ms/contracts/common';
import {
  MoveMemberBodySchema,
  MyTeamsSchema,
  StreamTeamsSchema,
  TeamCommitBodySchema,
  TeamPreviewBodySchema,
  TeamPreviewSchema,
  TeamSchema,
  TutorOptionsSchema,
  UpdateTeamBodySchema,
} from '@ms/contracts/teams';
import { requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createTeamsService } from './teams.service.ts';

const TAGS = ['teams'];

/** Teams of a stream: generation preview and commit, hand edits, team pages, tutors. */
export function registerTeamRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const teams = createTeamsService({ db: deps.db, auditBuffer: deps.auditBuffer });

  r.get('/api/streams/:id/teams', {
    schema: { tags: TAGS, summary: "A stream's teams the reader may see (staff: all, the unassigned and the diversity score)", params: IdParamsSchema, response: { 200: StreamTeamsSchema } },
    handler: async (q) => teams.listStreamTeams(requireActor(q), q.params.id, q.locale),
  });
  r.post('/api/streams/:id/teams/preview', {
    schema: { tags: TAGS, summary: 'Generate diverse teams (not saved) with the diversity score against random splits', params: IdParamsSchema, body: TeamPreviewBodySchema, response: { 200: TeamPreviewSchema } },
    handler: async (q) => teams.previewTeams(requireActor(q), q.params.id, q.body, q.locale),
  });
  r.post('/api/streams/:id/teams/commit', {
    schema: { tags: TAGS, summary: "Save a split as the stream's teams (replaces the current teams)", params: IdParamsSchema, body: TeamCommitBodySchema, response: { 200: StreamTeamsSchema } },
    handler: async (q) => teams.commitTeams(requireActor(q), q.params.id, q.body, q.locale),
  });
  r.get('/api/streams/:id/tutors', {
    schema: { tags: TAGS, summary: 'Users who may tutor a team or supervise a project (expert or staff grant covering the stream)', params: IdParamsSchema, response: { 200: TutorOptionsSchema } },
    handler: async (q) => teams.tutorOptions(requireActor(q), q.params.id),
  });
  r.get('/api/teams/:id', {
    schema: { tags: TAGS, summary: 'A team page (staff, its tutor, its members, coordinators of its regions)', params: IdParamsSchema, response: { 200: TeamSchema } },
    handler: async (q) => teams.getTeam(requireActor(q), q.params.id, q.locale),
  });
  r.patch('/api/teams/:id', {
    schema: { tags: TAGS, summary: 'Rename a team or set its tutor', params: IdParamsSchema, body: UpdateTeamBodySchema, response: { 200: TeamSchema } },
    handler: async (q) => teams.updateTeam(requireActor(q), q.params.id, q.body, q.locale),
  });
  r.post('/api/teams/:id/members', {
    schema: { tags: TAGS, summary: 'Move a participant of the stream into this team', params: IdParamsSchema, body: MoveMemberBodySchema, response: { 200: TeamSchema } },
    handler: async (q) => teams.moveMember(requireActor(q), q.params.id, q.body, q.locale),
  });
  r.get('/api/me/teams', {
    schema: { tags: TAGS, summary: "The signed-in participant's teams", response: { 200: MyTeamsSchema } },
    handler: async (q) => teams.myTeams(requireActor(q), q.locale),
  });
}
