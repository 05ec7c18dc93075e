import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, OkSchema } from '@ms/contracts/common';
import {
  AddGuestBodySchema,
  AddMilestoneBodySchema,
  CreateProjectBodySchema,
  ImplementationBodySchema,
  MyProjectsSchema,
  ProjectChildParamsSchema,
  ProjectDocumentSchema,
  ProjectListQuerySchema,
  ProjectPageSchema,
  ProjectSchema,
  ScoresBodySchema,
  SetMembersBodySchema,
  SetPanelBodySchema,
  SetResultBodySchema,
  UpdateMilestoneBodySchema,
  UpdateProjectBodySchema,
} from '@ms/contracts/projects';
import { AppError } from '../../lib/errors.ts';
import { requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createProjectsService } from './projects.service.ts';
import { createProjectWorkService, MAX_DOCUMENT_BYTES } from './projects.work.service.ts';

const TAGS = ['projects'];

async function readDocument(request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  const required = { path: 'file', key: 'field.required' } as const;
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', { fields: [required] });
  const part = await request.file();
  if (!part) throw new AppError('validation', { fields: [required] });
  try {
    return { fileName: part.filename || 'document', bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', { fields: [{ path: 'file', key: 'projects.file_too_large', params: { max: 10 } }] });
    throw error;
  }
}

/** Final projects: list, page, edits, guests, milestones, documents, defence and implementation. */
export function registerProjectRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const projects = createProjectsService({ db: deps.db, auditBuffer: deps.auditBuffer });
  const work = createProjectWorkService({ db: deps.db });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const actor = requireActor;

  r.get('/api/streams/:id/projects', {
    schema: { tags: TAGS, summary: "A stream's final projects the reader may see (filter by result, area, title)", params: IdParamsSchema, querystring: ProjectListQuerySchema, response: { 200: ProjectPageSchema } },
    handler: async (q) => projects.listProjects(actor(q), q.params.id, q.query),
  });
  r.post('/api/streams/:id/projects', {
    schema: { tags: TAGS, summary: 'Create a final project for a team or named participants (staff)', params: IdParamsSchema, body: CreateProjectBodySchema, response: { 201: ProjectSchema } },
    handler: async (q, reply) => reply.status(201).send(await projects.createProject(actor(q), q.params.id, q.body, q.locale)),
  });
  r.get('/api/me/projects', {
    schema: { tags: TAGS, summary: "The signed-in participant's (or alumnus') projects", response: { 200: MyProjectsSchema } },
    handler: async (q) => projects.myProjects(actor(q)),
  });
  r.get('/api/projects/:id', {
    schema: { tags: TAGS, summary: 'A project page (staff, members, supervisor, tutor, panel, coordinators of members’ regions)', params: IdParamsSchema, response: { 200: ProjectSchema } },
    handler: async (q) => projects.getProject(actor(q), q.params.id, q.locale),
  });
  r.patch('/api/projects/:id', {
    schema: { tags: TAGS, summary: 'Edit title, summary, areas (members, supervisor, staff); supervisor and defence session (staff)', params: IdParamsSchema, body: UpdateProjectBodySchema, response: { 200: ProjectSchema } },
    handler: async (q) => projects.updateProject(actor(q), q.params.id, q.body, q.locale),
  });
  r.put('/api/projects/:id/members', {
    schema: { tags: TAGS, summary: "Set the project's participants (staff)", params: IdParamsSchema, body: SetMembersBodySchema, response: { 200: ProjectSchema } },
    handler: async (q) => projects.setMembers(actor(q), q.params.id, q.body.personIds, q.locale),
  });
  r.post('/api/projects/:id/guests', {
    schema: { tags: TAGS, summary: "Add a guest: a member of a participant's municipal team", params: IdParamsSchema, body: AddGuestBodySchema, response: { 200: OkSchema } },
    handler: async (q) => work.addGuest(actor(q), q.params.id, q.body),
  });
  r.delete('/api/projects/:id/guests/:childId', {
    schema: { tags: TAGS, summary: 'Remove a guest', params: ProjectChildParamsSchema, response: { 200: OkSchema } },
    handler: async (q) => work.removeGuest(actor(q), q.params.id, q.params.childId),
  });
  r.post('/api/projects/:id/milestones', {
    schema: { tags: TAGS, summary: 'Add a milestone', params: IdParamsSchema, body: AddMilestoneBodySchema, response: { 200: OkSchema } },
    handler: async (q) => work.addMilestone(actor(q), q.params.id, q.body),
  });
  r.patch('/api/projects/:id/milestones/:childId', {
    schema: { tags: TAGS, summary: 'Mark a milestone done or not done', params: ProjectChildParamsSchema, body: UpdateMilestoneBodySchema, response: { 200: OkSchema } },
    handler: async (q) => work.setMilestoneDone(actor(q), q.params.id, q.params.childId, q.body.isDone, deps.clock.now()),
  });
  r.get('/api/projects/:id/documents/:childId', {
    schema: { tags: TAGS, summary: 'Download a project document', params: ProjectChildParamsSchema },
    handler: async (q, reply) => {
      const doc = await work.downloadDocument(actor(q), q.params.id, q.params.childId);
      return reply
        .header('content-type', doc.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(doc.content);
    },
  });
  r.put('/api/projects/:id/panel', {
    schema: { tags: TAGS, summary: 'Set the defence panel (staff)', params: IdParamsSchema, body: SetPanelBodySchema, response: { 200: OkSchema } },
    handler: async (q) => work.setPanel(actor(q), q.params.id, q.body.userIds),
  });
  r.put('/api/projects/:id/scores', {
    schema: { tags: TAGS, summary: "A panel member's 1–10 scores per criterion", params: IdParamsSchema, body: ScoresBodySchema, response: { 200: OkSchema } },
    handler: async (q) => work.scoreDefence(actor(q), q.params.id, q.body),
  });
  r.post('/api/projects/:id/result', {
    schema: { tags: TAGS, summary: 'Record the defence result (staff)', params: IdParamsSchema, body: SetResultBodySchema, response: { 200: OkSchema } },
    handler: async (q) => work.setResult(actor(q), q.params.id, q.body.result, deps.clock.now()),
  });
  r.post('/api/projects/:id/implementation', {
    schema: { tags: TAGS, summary: "Update the implementation status (the project's alumni, staff); history is kept", params: IdParamsSchema, body: ImplementationBodySchema, response: { 200: OkSchema } },
    handler: async (q) => work.updateImplementation(actor(q), q.params.id, q.body),
  });

  // Multipart only in this scope, with the documents' limit, so no other route accepts uploads.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 2, parts: 3 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/projects/:id/documents', {
      schema: { tags: TAGS, summary: 'Upload a document (PDF, DOCX, XLSX, PNG, JPEG; ≤ 10 MB; checked by content)', consumes: ['multipart/form-data'], params: IdParamsSchema, response: { 201: ProjectDocumentSchema } },
      handler: async (q, reply) => reply.status(201).send(await work.uploadDocument(actor(q), q.params.id, () => readDocument(q))),
    });
  });
}
