import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '@ms/contracts/common';
import {
  DOCUMENT_LIMITS,
  DocumentParamsSchema,
  DocumentUploadQuerySchema,
  OwnApplicationListSchema,
  OwnApplicationSchema,
  AnswerParamsSchema,
  BlockParamsSchema,
  CandidateTestSchema,
  SaveAnswerBodySchema,
  SaveApplicationBodySchema,
} from '@ms/contracts/admissions';
import { OkSchema } from '@ms/contracts/common';
import { AppError } from '../../lib/errors.ts';
import { requestMeta, requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createApplicationsService } from './applications.service.ts';
import type { TestService } from './test.service.ts';

const TAGS = ['admissions'];

/** The signed-in applicant's own applications: drafts, documents, submit, status. */
export function registerApplicantRoutes(app: FastifyInstance, deps: FeatureDeps, tests: TestService): void {
  const service = createApplicationsService({ ...deps, publicUrl: deps.config.publicUrl });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/me/applications', {
    schema: { tags: TAGS, summary: 'My applications with status and eligibility', response: { 200: OwnApplicationListSchema } },
    handler: async (request) => ({ items: await service.listOwn(requireActor(request)) }),
  });

  r.get('/api/me/applications/:id', {
    schema: { tags: TAGS, summary: 'One of my applications', params: IdParamsSchema, response: { 200: OwnApplicationSchema } },
    handler: async (request) => service.getOwn(requireActor(request), request.params.id),
  });

  r.put('/api/me/applications/:id', {
    schema: { tags: TAGS, summary: 'Save my draft (fields left out are kept)', params: IdParamsSchema, body: SaveApplicationBodySchema, response: { 200: OwnApplicationSchema } },
    handler: async (request) => service.saveDraft(requireActor(request), request.params.id, request.body, requestMeta(request)),
  });

  r.post('/api/me/applications/:id/submit', {
    schema: { tags: TAGS, summary: 'Submit my application (once; needs the separate consent)', params: IdParamsSchema, response: { 200: OwnApplicationSchema } },
    handler: async (request) => service.submit(requireActor(request), request.params.id, requestMeta(request)),
  });

  r.delete('/api/me/applications/:id/documents/:documentId', {
    schema: { tags: TAGS, summary: 'Remove a document from my draft', params: DocumentParamsSchema, response: { 200: OwnApplicationSchema } },
    handler: async (request) => service.removeDocument(requireActor(request), request.params.id, request.params.documentId, requestMeta(request)),
  });

  r.get('/api/me/applications/:id/test', {
    schema: { tags: TAGS, summary: 'My online test: window, state, my questions and saved answers', params: IdParamsSchema, response: { 200: CandidateTestSchema } },
    handler: async (request) => tests.getOwnTest(requireActor(request), request.params.id),
  });

  r.post('/api/me/applications/:id/test/start', {
    schema: { tags: TAGS, summary: 'Start my online test (once; the deadline is fixed by the server)', params: IdParamsSchema, response: { 200: CandidateTestSchema } },
    handler: async (request) => tests.start(requireActor(request), request.params.id, requestMeta(request)),
  });

  r.put('/api/me/applications/:id/test/answers/:questionId', {
    schema: { tags: TAGS, summary: 'Save one answer as given (refused after the deadline)', params: AnswerParamsSchema, body: SaveAnswerBodySchema, response: { 200: OkSchema } },
    handler: async (request) => tests.saveAnswer(requireActor(request), request.params.id, request.params.questionId, request.body.answer),
  });

  r.post('/api/me/applications/:id/test/blocks/:block/start', {
    schema: { tags: TAGS, summary: 'Open block n of my test once the blocks before it are over (its deadline is fixed by the server)', params: BlockParamsSchema, response: { 200: CandidateTestSchema } },
    handler: async (request) => tests.openBlock(requireActor(request), request.params.id, request.params.block, requestMeta(request)),
  });

  r.post('/api/me/applications/:id/test/blocks/:block/finish', {
    schema: { tags: TAGS, summary: 'Finish block n of my test early (its answers become final; the last block finishes the test)', params: BlockParamsSchema, response: { 200: CandidateTestSchema } },
    handler: async (request) => tests.finishBlock(requireActor(request), request.params.id, request.params.block, requestMeta(request)),
  });

  r.post('/api/me/applications/:id/test/finish', {
    schema: { tags: TAGS, summary: 'Finish my online test and get the score', params: IdParamsSchema, response: { 200: CandidateTestSchema } },
    handler: async (request) => tests.finish(requireActor(request), request.params.id, requestMeta(request)),
  });

  // Multipart only in this scope, with the document limits.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: DOCUMENT_LIMITS.maxBytes, files: 1, fields: 0, parts: 1 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/me/applications/:id/documents', {
      schema: {
        tags: TAGS,
        summary: 'Attach a document (PDF, JPEG or PNG, checked by content; at most 5 MB, 5 per application)',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        querystring: DocumentUploadQuerySchema,
        response: { 201: OwnApplicationSchema },
      },
      handler: async (request, reply) => {
        const actor = requireActor(request);
        const file = await readDocument(request);
        return reply.status(201).send(await service.addDocument(actor, request.params.id, request.query.kind, file, requestMeta(request)));
      },
    });
  });
}

async function readDocument(request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer; isTruncated: boolean }> {
  const fileRequired = { path: 'file', key: 'import.file_required' } as const;
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', { fields: [fileRequired] });
  const part = await request.file();
  if (!part) throw new AppError('validation', { fields: [fileRequired] });
  try {
    const bytes = await part.toBuffer();
    return { fileName: part.filename || 'document', bytes, isTruncated: part.file.truncated };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return { fileName: part.filename, bytes: Buffer.alloc(0), isTruncated: true };
    throw error;
  }
}
