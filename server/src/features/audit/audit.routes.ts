import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditFilterSchema, AuditPageSchema, AuditQuerySchema } from '@ms/contracts/audit';
import { requestMeta, requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createAuditService } from './audit.service.ts';

const TAGS = ['audit'];

/** The audit log for admins: filtered pages and a CSV export. */
export function registerAuditRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const service = createAuditService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/audit', {
    schema: { tags: TAGS, summary: 'Audit log entries, newest first, with the total count', querystring: AuditQuerySchema, response: { 200: AuditPageSchema } },
    handler: async (request) => service.listEntries(requireActor(request), request.query),
  });

  r.get('/api/audit/export', {
    schema: {
      tags: TAGS,
      summary: 'The filtered audit log as CSV (at most 100,000 newest rows)',
      querystring: AuditFilterSchema,
      produces: ['text/csv'],
    },
    handler: async (request, reply) => {
      const { csv, fileName } = await service.exportCsv(requireActor(request), request.query, requestMeta(request));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(csv);
    },
  });
}
