import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '@ms/contracts/common';
import { FunnelQuerySchema, FunnelSchema } from '@ms/contracts/admission-funnel';
import { recordAudit } from '../../lib/audit.ts';
import { requestMeta, requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { createFunnelService } from './funnel.service.ts';

const TAGS = ['admissions'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The funnel report (staff): JSON for the page and the map, XLSX for export. */
export function registerFunnelRoutes(app: FastifyInstance, deps: FeatureDeps, campaigns: CampaignsService): void {
  const service = createFunnelService({ db: deps.db, campaigns });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/admissions/campaigns/:id/funnel', {
    schema: { tags: TAGS, summary: 'The funnel: applications → … → admitted, by region and federal district', params: IdParamsSchema, querystring: FunnelQuerySchema, response: { 200: FunnelSchema } },
    handler: async (request) => service.funnel(requireActor(request), request.params.id, request.query.testPassMark),
  });

  r.get('/api/admissions/campaigns/:id/funnel.xlsx', {
    schema: { tags: TAGS, summary: 'The funnel as an XLSX workbook', params: IdParamsSchema, querystring: FunnelQuerySchema, produces: [XLSX] },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const file = await service.workbook(actor, request.params.id, request.query.testPassMark, request.locale);
      await recordAudit(deps.db, { actor, action: 'admission.export_funnel', entity: 'admission_campaign', entityId: request.params.id, ip: requestMeta(request).ip });
      return reply.header('content-type', XLSX).header('content-disposition', 'attachment; filename="funnel.xlsx"').send(file);
    },
  });
}
