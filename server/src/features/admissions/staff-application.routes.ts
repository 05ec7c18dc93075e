import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { StaffApplicationDocumentParamsSchema, StaffApplicationFileSchema, StaffApplicationParamsSchema } from '@ms/contracts/admission-applications';
import { requestMeta, requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { attachmentDisposition, safeMediaType } from './staff-application.download.ts';
import { createStaffApplicationService } from './staff-application.service.ts';

const TAGS = ['admissions'];

/** Personal data: never kept by a browser or a proxy, never sniffed into something executable. */
function privateDownload(reply: FastifyReply, mediaType: string, fileName: string): FastifyReply {
  return reply
    .header('content-type', mediaType)
    .header('content-disposition', attachmentDisposition(fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('pragma', 'no-cache');
}

/** The staff view of one application and its documents (staff; a coordinator for their regions). */
export function registerStaffApplicationRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const service = createStaffApplicationService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/admissions/campaigns/:id/applications/:applicationId';

  r.get(base, {
    schema: {
      tags: TAGS,
      summary: 'One application: profile, answers, eligibility, nomination, test, expert and interview scores, ranking, documents',
      params: StaffApplicationParamsSchema,
      response: { 200: StaffApplicationFileSchema },
    },
    handler: async (request, reply) => {
      const file = await service.getApplication(requireActor(request), request.params.id, request.params.applicationId, requestMeta(request));
      return reply.header('cache-control', 'private, no-store').send(file);
    },
  });

  r.get(`${base}/documents.zip`, {
    schema: { tags: TAGS, summary: 'Every document of the application as one ZIP', params: StaffApplicationParamsSchema, produces: ['application/zip'] },
    handler: async (request, reply) => {
      const zip = await service.zipDocuments(requireActor(request), request.params.id, request.params.applicationId, requestMeta(request));
      return privateDownload(reply, 'application/zip', zip.fileName).send(zip.stream);
    },
  });

  r.get(`${base}/documents/:documentId`, {
    schema: {
      tags: TAGS,
      summary: 'A document of the application, as uploaded (type detected at upload)',
      params: StaffApplicationDocumentParamsSchema,
      produces: ['application/pdf', 'image/jpeg', 'image/png'],
    },
    handler: async (request, reply) => {
      const { id, applicationId, documentId } = request.params;
      const file = await service.getDocument(requireActor(request), id, applicationId, documentId, requestMeta(request));
      return privateDownload(reply, safeMediaType(file.mediaType), file.fileName).send(file.content);
    },
  });
}
