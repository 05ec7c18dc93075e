import type { RankingConfig, RankingPreview, WhatIf } from '@ms/contracts/admissions';
import { RankingSummarySchema } from '@ms/contracts/admissions';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { rankingConfigOf } from './admissions.present.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { createCampaignsRepo } from './campaigns.repo.ts';
import { createRankingRepo } from './ranking.repo.ts';
import { diffRankings, rankCandidates, type RankedItem } from './ranking.ts';

type Meta = { ip: string | null };
/** Lists in answers are bounded; the summary always counts everyone. */
const LIST_LIMIT = 2000;

/**
 * Ranking of a campaign: a preview of one configuration, a what-if comparing two, and the commit
 * that writes decisions (with reasons) to every candidate and records the run in the audit trail.
 * Nothing is written before the commit.
 */
export function createRankingService(deps: { db: Database; clock: Clock; campaigns: CampaignsService }) {
  const { db, clock } = deps;
  const repo = createRankingRepo(db);

  async function withNames(items: readonly RankedItem[]) {
    const shown = items.slice(0, LIST_LIMIT);
    const names = await repo.namesOf(shown.map((i) => i.id));
    return shown.map((i) => ({
      applicationId: i.id,
      fullName: names.get(i.id) ?? '',
      regionCode: i.regionCode,
      compositeScore: i.composite,
      position: i.position,
      outcome: i.outcome,
      reason: i.reason,
    }));
  }

  async function rank(actor: Actor, campaignId: string, configs: RankingConfig[]) {
    const campaign = await deps.campaigns.managedCampaign(actor, campaignId);
    const candidates = await repo.loadCandidates(campaignId, campaign.campaign.hasNominationGate);
    return { campaign, results: configs.map((config) => rankCandidates(candidates, config)) };
  }

  return {
    async preview(actor: Actor, campaignId: string, config: RankingConfig): Promise<RankingPreview> {
      const started = performance.now();
      const { results } = await rank(actor, campaignId, [config]);
      const result = results[0]!;
      return {
        summary: result.summary,
        admitted: await withNames(result.items.filter((i) => i.outcome === 'admitted')),
        reserve: await withNames(result.items.filter((i) => i.outcome === 'reserve')),
        computedMs: Math.round(performance.now() - started),
      };
    },

    async whatIf(actor: Actor, campaignId: string, current: RankingConfig, proposed: RankingConfig): Promise<WhatIf> {
      const started = performance.now();
      const { results } = await rank(actor, campaignId, [current, proposed]);
      const [a, b] = results as [ReturnType<typeof rankCandidates>, ReturnType<typeof rankCandidates>];
      const { movedIn, movedOut } = diffRankings(a, b);
      return {
        current: a.summary,
        proposed: b.summary,
        movedIn: await withNames(movedIn),
        movedOut: await withNames(movedOut),
        computedMs: Math.round(performance.now() - started),
      };
    },

    /** Commits a configuration: decisions for every candidate in one statement, the run and its reason kept. */
    async commit(actor: Actor, campaignId: string, config: RankingConfig, reason: string, meta: Meta) {
      await deps.campaigns.managedCampaign(actor, campaignId);
      return db.transaction(async (tx) => {
        // Locking the campaign makes two simultaneous commits run one after the other.
        const campaign = (await createCampaignsRepo(tx).findCampaign(campaignId, { isLocking: true }))!;
        const txRepo = createRankingRepo(tx);
        if ((await txRepo.countEnrolled(campaignId)) > 0) throw new AppError('conflict', { fields: [{ path: 'id', key: 'admissions.enrolled_exists' }] });
        const candidates = await txRepo.loadCandidates(campaignId, campaign.campaign.hasNominationGate);
        if (candidates.length === 0) throw new AppError('conflict', { fields: [{ path: 'id', key: 'admissions.no_candidates' }] });
        const result = rankCandidates(candidates, config);
        const now = clock.now();
        await txRepo.applyDecisions(campaignId, result.items, actor.userId, now);
        await txRepo.saveCampaignRanking(campaignId, config, now);
        const run = await createCampaignsRepo(tx).insertRankingRun({ campaignId, config, reason, summary: result.summary, createdBy: actor.userId, createdAt: now });
        await recordAudit(tx, {
          actor,
          action: 'admission.ranking_commit',
          entity: 'admission_campaign',
          entityId: campaignId,
          ip: meta.ip,
          details: { runId: run.id, reason, admitted: result.summary.admitted, reserve: result.summary.reserve, config },
        });
        return { runId: run.id, summary: result.summary };
      });
    },

    async state(actor: Actor, campaignId: string) {
      const campaign = await deps.campaigns.managedCampaign(actor, campaignId);
      const runs = await createCampaignsRepo(db).listRankingRuns(campaignId);
      return {
        config: rankingConfigOf(campaign),
        rankedAt: campaign.campaign.rankedAt?.toISOString() ?? null,
        runs: runs.map((r) => ({
          id: r.run.id,
          reason: r.run.reason,
          createdAt: r.run.createdAt.toISOString(),
          createdByEmail: r.createdByEmail,
          summary: RankingSummarySchema.parse(r.run.summary),
        })),
      };
    },
  };
}
