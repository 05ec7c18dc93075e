import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '@ms/contracts/common';
import {
  CommitImportBodySchema,
  CommitImportResponseSchema,
  ImportCheckSchema,
  ImportMappingSchema,
  ImportReportQuerySchema,
  ImportReportSchema,
  SetImportMappingBodySchema,
} from '@ms/contracts/imports';
import { AppError } from '../../lib/errors.ts';
import { requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createImportsService, type UploadedFile } from './imports.service.ts';
import { APPLICATION_IMPORT_LIMITS, IMPORT_LIMITS, tooLarge } from './parse/table.ts';

const TAGS = ['imports'];
const UPLOAD_DESCRIPTION =
  'multipart/form-data with one `file` (CSV in UTF-8 or Windows-1251 with ; , or tab, or XLSX; at most 10 MB and 50,000 rows) ' +
  'and optionally a `mapping` field (JSON: source column → field) sent before the file. Answers the dry run; nothing is imported yet.';

/** Imports with a dry run: upload, re-map, read the report, commit as a background job. */
export function registerImportRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const service = createImportsService(deps);
  // Multipart only here, with the import limits, so no other route accepts file uploads.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: IMPORT_LIMITS.maxBytes, files: 1, fields: 5, fieldSize: 64 * 1024, parts: 6 },
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post('/api/streams/:id/imports', {
      schema: {
        tags: TAGS,
        summary: 'Upload a people file into a stream and check it (dry run)',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: { 201: ImportCheckSchema },
      },
      handler: async (request, reply) => {
        const check = await service.uploadPeople(requireActor(request), request.params.id, () => readUploadedFile(request), request.locale);
        return reply.status(201).send(check);
      },
    });

    r.post('/api/municipalities/imports', {
      schema: {
        tags: TAGS,
        summary: 'Upload a municipalities file (region, name, kind, population, lat, lon) and check it (dry run)',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        response: { 201: ImportCheckSchema },
      },
      handler: async (request, reply) => {
        const check = await service.uploadMunicipalities(requireActor(request), () => readUploadedFile(request), request.locale);
        return reply.status(201).send(check);
      },
    });
  });

  // A national campaign's applications file is larger than any other import: its own limits.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: APPLICATION_IMPORT_LIMITS.maxBytes, files: 1, fields: 5, fieldSize: 64 * 1024, parts: 6 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/admissions/campaigns/:id/imports', {
      schema: {
        tags: TAGS,
        summary: 'Upload the applications of a campaign run elsewhere and check them (dry run)',
        description:
          'multipart/form-data with one `file` (CSV in UTF-8 or Windows-1251 with ; , or tab, or XLSX; at most 100 MB and 300,000 rows) ' +
          'and optionally a `mapping` field (JSON: source column → field) sent before the file. Columns: the applicant (as a people file), ' +
          'education, management_years, service_kind, service_years, test_score, expert_score, interview_score (0–100) and status. ' +
          'Answers the dry run; nothing is imported yet.',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: { 201: ImportCheckSchema },
      },
      handler: async (request, reply) => {
        const actor = requireActor(request);
        const readFile = () => readUploadedFile(request, APPLICATION_IMPORT_LIMITS.maxBytes);
        return reply.status(201).send(await service.uploadApplications(actor, request.params.id, readFile, request.locale));
      },
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/imports/:id', {
    schema: { tags: TAGS, summary: 'The dry run of an upload', params: IdParamsSchema, response: { 200: ImportCheckSchema } },
    handler: async (request) => service.findCheck(requireActor(request), request.params.id, request.locale),
  });

  r.put('/api/imports/:id/mapping', {
    schema: {
      tags: TAGS,
      summary: 'Re-check the upload with an explicit column mapping (replaces the automatic one)',
      params: IdParamsSchema,
      body: SetImportMappingBodySchema,
      response: { 200: ImportCheckSchema },
    },
    handler: async (request) => service.setMapping(requireActor(request), request.params.id, request.body.mapping, request.locale),
  });

  r.get('/api/imports/:id/report', {
    schema: {
      tags: TAGS,
      summary: 'The full row-level report, in the request language (format=csv gives a file for Excel)',
      params: IdParamsSchema,
      querystring: ImportReportQuerySchema,
      response: { 200: ImportReportSchema },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      if (request.query.format === 'json') return service.findReport(actor, request.params.id, request.locale);
      const csv = await service.findReportCsv(actor, request.params.id, request.locale);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-report-${request.params.id}.csv"`)
        // A Buffer is sent as is (no JSON serialization); the response schema documents the JSON form.
        .send(csv as never);
    },
  });

  r.post('/api/imports/:id/commit', {
    schema: {
      tags: TAGS,
      summary: 'Import the checked file as a background job (poll GET /api/jobs/:id)',
      params: IdParamsSchema,
      body: CommitImportBodySchema,
      response: { 202: CommitImportResponseSchema },
    },
    handler: async (request, reply) => {
      const result = await service.commit(requireActor(request), request.params.id, request.body, request.locale);
      return reply.status(202).send(result);
    },
  });
}

/** Reads the one uploaded file (and the optional mapping field before it) within the size limit. */
async function readUploadedFile(request: FastifyRequest, maxBytes: number = IMPORT_LIMITS.maxBytes): Promise<UploadedFile> {
  const fileRequired = { path: 'file', key: 'import.file_required' } as const;
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', { fields: [fileRequired] });
  const part = await request.file();
  if (!part) throw new AppError('validation', { fields: [fileRequired] });
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw error;
  }
  const field = part.fields.mapping;
  const raw = field && !Array.isArray(field) && field.type === 'field' ? field.value : undefined;
  return { fileName: part.filename || 'upload', bytes, mapping: raw === undefined ? null : parseMappingField(raw) };
}

function parseMappingField(raw: unknown): UploadedFile['mapping'] {
  try {
    const parsed = ImportMappingSchema.safeParse(JSON.parse(String(raw)));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the validation error
  }
  throw new AppError('validation', { fields: [{ path: 'mapping', key: 'field.invalid' }] });
}
