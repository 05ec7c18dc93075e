import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, OkSchema } from '@ms/contracts/common';
import {
  AssignmentListSchema,
  AssignmentSchema,
  CreateAssignmentBodySchema,
  ExpertListSchema,
  GradeBodySchema,
  GradebookExportQuerySchema,
  GradebookQuerySchema,
  GradebookSchema,
  GradingQueueQuerySchema,
  GradingQueueSchema,
  MyAssignmentListSchema,
  MyAssignmentSchema,
  ReleaseGradesBodySchema,
  ReleaseGradesResultSchema,
  SetGradersBodySchema,
  SetSubmissionGraderBodySchema,
  StreamAssignmentsQuerySchema,
  SubmissionDetailSchema,
  SubmissionListSchema,
  SUBMISSION_MAX_FILE_BYTES,
  SUBMISSION_MAX_FILES,
  SUBMISSION_MAX_TEXT,
  UpdateAssignmentBodySchema,
} from '@ms/contracts/assignments';
import { AppError } from '../../lib/errors.ts';
import { requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createAssignmentsService } from './assignments.service.ts';
import { createGradebookService } from './gradebook.service.ts';
import { createGradingService } from './grading.service.ts';
import { createSubmissionsService, type UploadedSubmission } from './submissions.service.ts';

const TAGS = ['assignments'];

/** Assignments (staff), submissions (participants), grading (experts) and the gradebook (staff). */
export function registerAssignmentRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const assignments = createAssignmentsService(deps);
  const submissions = createSubmissionsService(deps);
  const grading = createGradingService(deps);
  const gradebook = createGradebookService(deps);

  // Multipart only on the submission route, with its own limits.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: SUBMISSION_MAX_FILE_BYTES, files: SUBMISSION_MAX_FILES, fields: 2, fieldSize: SUBMISSION_MAX_TEXT * 4, parts: SUBMISSION_MAX_FILES + 2 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/me/assignments/:id/submissions', {
      schema: {
        tags: TAGS,
        summary: 'Submit a new version of my (or my team’s) work',
        description: `multipart/form-data: a \`text\` field and up to ${SUBMISSION_MAX_FILES} \`file\` parts (PDF, DOCX, XLSX, PPTX, PNG, JPEG; judged by content; at most 10 MB each).`,
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: { 201: MyAssignmentSchema },
      },
      handler: async (request, reply) => reply.status(201).send(await submissions.submit(requireActor(request), request.params.id, () => readSubmission(request))),
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/assignments', {
    schema: { tags: TAGS, summary: 'Assignments of a stream', querystring: StreamAssignmentsQuerySchema, response: { 200: AssignmentListSchema } },
    handler: async (request) => assignments.list(requireActor(request), request.query.streamId),
  });
  r.post('/api/assignments', {
    schema: { tags: TAGS, summary: 'Set an assignment on a module (due time in its time zone)', body: CreateAssignmentBodySchema, response: { 201: AssignmentSchema } },
    handler: async (request, reply) => reply.status(201).send(await assignments.create(requireActor(request), request.body)),
  });
  r.get('/api/assignments/:id', {
    schema: { tags: TAGS, summary: 'An assignment with its rubric', params: IdParamsSchema, response: { 200: AssignmentSchema } },
    handler: async (request) => assignments.get(requireActor(request), request.params.id),
  });
  r.patch('/api/assignments/:id', {
    schema: { tags: TAGS, summary: 'Change an assignment', params: IdParamsSchema, body: UpdateAssignmentBodySchema, response: { 200: AssignmentSchema } },
    handler: async (request) => assignments.update(requireActor(request), request.params.id, request.body),
  });
  r.put('/api/assignments/:id/graders', {
    schema: { tags: TAGS, summary: 'Choose the graders and share submissions out among them (round robin)', params: IdParamsSchema, body: SetGradersBodySchema, response: { 200: AssignmentSchema } },
    handler: async (request) => assignments.setGraders(requireActor(request), request.params.id, request.body),
  });
  r.get('/api/assignments/:id/submissions', {
    schema: { tags: TAGS, summary: 'Every submission of an assignment with grader and grade (staff)', params: IdParamsSchema, response: { 200: SubmissionListSchema } },
    handler: async (request) => assignments.listSubmissions(requireActor(request), request.params.id),
  });
  r.post('/api/assignments/:id/release', {
    schema: { tags: TAGS, summary: 'Release grades to participants (all graded, or the listed submissions)', params: IdParamsSchema, body: ReleaseGradesBodySchema, response: { 200: ReleaseGradesResultSchema } },
    handler: async (request) => assignments.release(requireActor(request), request.params.id, request.body.submissionIds),
  });
  r.get('/api/streams/:id/graders', {
    schema: { tags: TAGS, summary: 'Experts and staff who may grade the stream’s work', params: IdParamsSchema, response: { 200: ExpertListSchema } },
    handler: async (request) => assignments.listGraderCandidates(requireActor(request), request.params.id),
  });

  r.get('/api/me/assignments', {
    schema: { tags: TAGS, summary: 'My assignments in every stream I am enrolled in', response: { 200: MyAssignmentListSchema } },
    handler: async (request) => submissions.listMine(requireActor(request)),
  });
  r.get('/api/me/assignments/:id', {
    schema: { tags: TAGS, summary: 'One of my assignments: my versions and, once released, my grade', params: IdParamsSchema, response: { 200: MyAssignmentSchema } },
    handler: async (request) => submissions.getMine(requireActor(request), request.params.id),
  });
  r.get('/api/submission-files/:id', {
    schema: { tags: TAGS, summary: 'A submitted file (its owners, its grader, staff)', params: IdParamsSchema },
    handler: async (request, reply) => {
      const file = await submissions.getFile(requireActor(request), request.params.id);
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_');
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  });

  r.get('/api/grading/queue', {
    schema: { tags: TAGS, summary: 'Submissions assigned to me for grading', querystring: GradingQueueQuerySchema, response: { 200: GradingQueueSchema } },
    handler: async (request) => grading.queue(requireActor(request), request.query),
  });
  r.get('/api/submissions/:id', {
    schema: { tags: TAGS, summary: 'A submission with its versions (its grader, staff)', params: IdParamsSchema, response: { 200: SubmissionDetailSchema } },
    handler: async (request) => grading.detail(requireActor(request), request.params.id),
  });
  r.put('/api/submissions/:id/grade', {
    schema: { tags: TAGS, summary: 'Grade the latest version with the rubric and feedback', params: IdParamsSchema, body: GradeBodySchema, response: { 200: SubmissionDetailSchema } },
    handler: async (request) => grading.grade(requireActor(request), request.params.id, request.body),
  });
  r.put('/api/submissions/:id/grader', {
    schema: { tags: TAGS, summary: 'Give a submission to another grader (staff)', params: IdParamsSchema, body: SetSubmissionGraderBodySchema, response: { 200: OkSchema } },
    handler: async (request) => assignments.setSubmissionGrader(requireActor(request), request.params.id, request.body.userId),
  });

  r.get('/api/streams/:id/gradebook', {
    schema: { tags: TAGS, summary: 'Participants × assignments with scores, late flags and pass/fail', params: IdParamsSchema, querystring: GradebookQuerySchema, response: { 200: GradebookSchema } },
    handler: async (request) => gradebook.gradebook(requireActor(request), request.params.id, request.query),
  });
  r.get('/api/streams/:id/gradebook/export', {
    schema: { tags: TAGS, summary: 'The filtered gradebook as CSV or XLSX', params: IdParamsSchema, querystring: GradebookQuerySchema.omit({ page: true, pageSize: true }).extend(GradebookExportQuerySchema.shape) },
    handler: async (request, reply) => {
      const { format, ...query } = request.query;
      const file = await gradebook.exportFile(requireActor(request), request.params.id, query, format);
      return reply.header('content-type', file.mediaType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.content);
    },
  });
}

/** Reads the text field and the files of a submission within the limits; too big or too many is refused by name. */
async function readSubmission(request: FastifyRequest): Promise<UploadedSubmission> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', { fields: [{ path: 'file', key: 'assignments.empty_submission' }] });
  const result: UploadedSubmission = { text: '', files: [] };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') result.files.push({ fileName: part.filename || 'file', bytes: await part.toBuffer() });
      else if (part.fieldname === 'text') result.text = z.string().catch('').parse(part.value);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', { fields: [{ path: 'file', key: 'assignments.file_too_large', params: { max: SUBMISSION_MAX_FILE_BYTES / 1024 / 1024 } }] });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') throw new AppError('validation', { fields: [{ path: 'file', key: 'assignments.too_many_files', params: { max: SUBMISSION_MAX_FILES } }] });
    throw error;
  }
  return result;
}
