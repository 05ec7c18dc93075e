import type { NominationBoard } from '@ms/contracts/admissions';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import type { AuditBuffer } from '../../lib/audit.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { canManageCampaign, nominationRegions } from './admissions.policy.ts';
import { fullNameOf } from './applications.present.ts';
import { createCampaignsRepo, type CampaignRow } from './campaigns.repo.ts';
import { createNominationsRepo } from './nominations.repo.ts';

type Meta = { ip: string | null };

/**
 * The regional nomination gate: a region's coordinator sees the eligible applicants of their regions
 * and nominates up to the region's quota, with a comment. Nominations of one campaign are serialised
 * by locking the campaign row, so two coordinators (or two tabs) can never overshoot a quota.
 */
export function createNominationsService(deps: { db: Database; clock: Clock; auditBuffer: AuditBuffer }) {
  const { db, clock } = deps;

  /** The coordinator's regions in this campaign; 404 for anyone else and for campaigns without the gate. */
  function regionsFor(actor: Actor, row: CampaignRow | null): string[] {
    if (!row) throw new AppError('not_found');
    const regions = nominationRegions(actor, row);
    if (!regions) {
      if (canManageCampaign(actor, row)) throw new AppError('forbidden');
      throw new AppError('not_found');
    }
    if (!row.campaign.hasNominationGate) throw new AppError('conflict', { fields: [{ path: 'id', key: 'admissions.no_nomination_gate' }] });
    return regions;
  }

  return {
    async getBoard(actor: Actor, campaignId: string, meta: Meta): Promise<NominationBoard> {
      const row = await createCampaignsRepo(db).findCampaign(campaignId);
      const regions = regionsFor(actor, row);
      const repo = createNominationsRepo(db);
      const [candidates, used, quotas] = await Promise.all([repo.listCandidates(campaignId, regions), repo.countNominated(campaignId, regions), repo.quotas(campaignId, regions)]);
      deps.auditBuffer.record({ actor, action: 'admission.nomination_board_read', entity: 'admission_campaign', entityId: campaignId, ip: meta.ip, details: { regions, rows: candidates.length } });
      return {
        campaignId,
        regions: regions.map((regionCode) => ({ regionCode, quota: quotas.get(regionCode) ?? row!.campaign.defaultNominationQuota, used: used.get(regionCode) ?? 0 })),
        candidates: candidates.map((c) => ({
          applicationId: c.application.id,
          fullName: fullNameOf(c),
          regionCode: c.application.regionCode!,
          position: c.application.position,
          education: c.application.education as NominationBoard['candidates'][number]['education'],
          managementYears: c.application.managementYears,
          serviceYears: c.application.serviceYears,
          motivation: c.application.motivation,
          isNominated: c.application.nominatedAt !== null,
          nominationComment: c.application.nominationComment,
          submittedAt: c.application.submittedAt?.toISOString() ?? null,
        })),
      };
    },

    async nominate(actor: Actor, campaignId: string, body: { applicationId: string; comment: string }, meta: Meta): Promise<NominationBoard> {
      await db.transaction(async (tx) => {
        const row = await createCampaignsRepo(tx).findCampaign(campaignId, { isLocking: true });
        const regions = regionsFor(actor, row);
        const repo = createNominationsRepo(tx);
        const application = await repo.findApplication(campaignId, body.applicationId);
        if (!application || !application.regionCode || !regions.includes(application.regionCode)) throw new AppError('not_found');
        if (application.nominatedAt) return;
        if (application.status !== 'submitted' || application.isEligible !== true) {
          throw new AppError('conflict', { fields: [{ path: 'body.applicationId', key: 'admissions.not_nominable' }] });
        }
        const region = application.regionCode;
        const quota = (await repo.quotas(campaignId, [region])).get(region) ?? row!.campaign.defaultNominationQuota;
        const used = (await repo.countNominated(campaignId, [region])).get(region) ?? 0;
        if (used >= quota) throw new AppError('conflict', { fields: [{ path: 'body.applicationId', key: 'admissions.quota_full', params: { region, quota } }] });
        const now = clock.now();
        await repo.setNomination(application.id, { status: 'nominated', nominatedAt: now, nominatedBy: actor.userId, nominationComment: body.comment, updatedAt: now });
        await recordAudit(tx, { actor, action: 'admission.nominate', entity: 'admission_application', entityId: application.id, ip: meta.ip, details: { region, comment: body.comment } });
      });
      return this.getBoard(actor, campaignId, meta);
    },

    /** Takes a nomination back while the campaign is not yet ranked. */
    async withdrawNomination(actor: Actor, campaignId: string, applicationId: string, meta: Meta): Promise<NominationBoard> {
      await db.transaction(async (tx) => {
        const row = await createCampaignsRepo(tx).findCampaign(campaignId, { isLocking: true });
        const regions = regionsFor(actor, row);
        const repo = createNominationsRepo(tx);
        const application = await repo.findApplication(campaignId, applicationId);
        if (!application || !application.regionCode || !regions.includes(application.regionCode)) throw new AppError('not_found');
        if (!application.nominatedAt) return;
        if (application.status !== 'nominated') throw new AppError('conflict', { fields: [{ path: 'applicationId', key: 'admissions.not_nominable' }] });
        await repo.setNomination(application.id, { status: 'submitted', nominatedAt: null, nominatedBy: null, nominationComment: null, updatedAt: clock.now() });
        await recordAudit(tx, { actor, action: 'admission.withdraw_nomination', entity: 'admission_application', entityId: application.id, ip: meta.ip });
      });
      return this.getBoard(actor, campaignId, meta);
    },
  };
}
