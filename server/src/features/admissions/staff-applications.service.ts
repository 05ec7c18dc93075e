import type { z } from 'zod';
import type { StaffApplicationListQuery } from '@ms/contracts/admission-applications';
import type { StaffApplicationPageSchema } from '@ms/contracts/admissions';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import type { AuditBuffer } from '../../lib/audit.ts';
import { fullNameOf } from './applications.present.ts';
import { createApplicationsRepo } from './applications.repo.ts';
import type { CampaignsService } from './campaigns.service.ts';

/** The campaign's applications as its staff see them (names, status, eligibility, ranking). */
export function createStaffApplicationsService(deps: { db: Database; auditBuffer: AuditBuffer; campaigns: CampaignsService }) {
  const repo = createApplicationsRepo(deps.db);
  return {
    async listApplications(
      actor: Actor,
      campaignId: string,
      query: StaffApplicationListQuery,
      meta: { ip: string | null },
    ): Promise<z.infer<typeof StaffApplicationPageSchema>> {
      await deps.campaigns.managedCampaign(actor, campaignId);
      const { total, items } = await repo.listForCampaign(campaignId, query);
      deps.auditBuffer.record({ actor, action: 'admission.applications_read', entity: 'admission_campaign', entityId: campaignId, ip: meta.ip, details: { rows: items.length } });
      return {
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: items.map(({ application: a, ...name }) => ({
          id: a.id,
          fullName: fullNameOf(name),
          regionCode: a.regionCode,
          status: a.status as never,
          isEligible: a.isEligible,
          eligibilityReasons: a.eligibilityReasons,
          submittedAt: a.submittedAt?.toISOString() ?? null,
          compositeScore: a.compositeScore,
          rankPosition: a.rankPosition,
          decision: a.decision,
          decisionReason: a.decisionReason,
        })),
      };
    },
  };
}
