import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { JobQueue } from '../../lib/jobs.ts';
import { rankingConfigOf } from './admissions.present.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { createCampaignsRepo } from './campaigns.repo.ts';
import { NOTIFY_JOB } from './decisions.job.ts';
import { createDecisionsRepo } from './decisions.repo.ts';
import { capOf } from './ranking.ts';

type Meta = { ip: string | null };

/**
 * Places the admitted into the intake's streams so that each stream gets a similar mix of regions and
 * ages: sorted by region, then birth date, and dealt out in turn (stream sizes differ by at most one).
 */
export function balanceIntoStreams<T extends { regionCode: string | null; birthDate: string | null; id: string }>(admitted: readonly T[], streamIds: readonly string[]): Array<T & { streamId: string }> {
  const sorted = [...admitted].sort(
    (a, b) => (a.regionCode ?? '').localeCompare(b.regionCode ?? '') || (a.birthDate ?? '').localeCompare(b.birthDate ?? '') || a.id.localeCompare(b.id),
  );
  return sorted.map((item, index) => ({ ...item, streamId: streamIds[index % streamIds.length]! }));
}

/** After the ranking: letters, enrolment into streams, and a decline that pulls the next from the reserve. */
export function createDecisionsService(deps: { db: Database; clock: Clock; jobs: JobQueue; campaigns: CampaignsService }) {
  const { db, clock } = deps;

  return {
    /** Starts the background job that mails every decided, not yet notified applicant. */
    async notify(actor: Actor, campaignId: string, meta: Meta): Promise<{ jobId: string }> {
      await deps.campaigns.managedCampaign(actor, campaignId);
      const jobId = await deps.jobs.enqueue(NOTIFY_JOB, { campaignId }, actor);
      await recordAudit(db, { actor, action: 'admission.notify', entity: 'admission_campaign', entityId: campaignId, ip: meta.ip, details: { jobId } });
      return { jobId };
    },

    /** Enrols every admitted applicant into the intake's streams, balanced by region and age. */
    async enrol(actor: Actor, campaignId: string, meta: Meta): Promise<{ enrolled: number }> {
      const campaign = await deps.campaigns.managedCampaign(actor, campaignId);
      return db.transaction(async (tx) => {
        await createCampaignsRepo(tx).findCampaign(campaignId, { isLocking: true });
        const repo = createDecisionsRepo(tx);
        const streamIds = (await repo.streamsOf(campaign.campaign.intakeId)).map((s) => s.id);
        if (streamIds.length === 0) throw new AppError('conflict', { fields: [{ path: 'id', key: 'admissions.no_streams' }] });
        const placed = balanceIntoStreams(await repo.listAdmitted(campaignId), streamIds);
        await repo.enrol(placed.map((p) => ({ applicationId: p.id, personId: p.personId, streamId: p.streamId })), clock.now());
        await recordAudit(tx, { actor, action: 'admission.enrol', entity: 'admission_campaign', entityId: campaignId, ip: meta.ip, details: { enrolled: placed.length } });
        return { enrolled: placed.length };
      });
    },

    /**
     * Records an admitted applicant's decline and admits the best of the reserve list whose region is
     * still under its cap (the committed configuration's), so the total stays at the target.
     */
    async decline(actor: Actor, campaignId: string, applicationId: string, meta: Meta): Promise<{ promotedApplicationId: string | null }> {
      await deps.campaigns.managedCampaign(actor, campaignId);
      return db.transaction(async (tx) => {
        const campaign = (await createCampaignsRepo(tx).findCampaign(campaignId, { isLocking: true }))!;
        const repo = createDecisionsRepo(tx);
        const application = await repo.findApplication(campaignId, applicationId);
        if (!application) throw new AppError('not_found');
        if (application.status !== 'admitted') throw new AppError('conflict', { fields: [{ path: 'applicationId', key: 'admissions.not_admitted' }] });
        const now = clock.now();
        await repo.setOutcome(applicationId, { status: 'withdrawn', decision: 'declined', decisionReason: 'declined', decidedAt: now, decidedBy: actor.userId });
        const config = rankingConfigOf(campaign);
        let promoted: string | null = null;
        for (const candidate of await repo.listReserve(campaignId)) {
          const cap = config && candidate.regionCode ? capOf(config, candidate.regionCode) : Number.POSITIVE_INFINITY;
          if (candidate.regionCode && (await repo.admittedInRegion(campaignId, candidate.regionCode)) >= cap) continue;
          await repo.setOutcome(candidate.id, { status: 'admitted', decision: 'admitted', decisionReason: 'from_reserve', decidedAt: now, decidedBy: actor.userId });
          promoted = candidate.id;
          break;
        }
        await recordAudit(tx, {
          actor,
          action: 'admission.decline',
          entity: 'admission_application',
          entityId: applicationId,
          ip: meta.ip,
          details: { promotedApplicationId: promoted },
        });
        return { promotedApplicationId: promoted };
      });
    },
  };
}
