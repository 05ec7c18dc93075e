import type { AssignResultSchema, BlindReview, ExpertStage, SetExpertStageBody, SubmitReviewBody, Workload } from '@ms/contracts/admission-experts';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { admissionExpertReviews } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { createCampaignsRepo } from './campaigns.repo.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { createExpertsRepo } from './experts.repo.ts';
import { expertStageScore, needsThirdScoring, pickExperts, pointsProblems, reviewTotal } from './expert-scoring.ts';

type Meta = { ip: string | null };
type OwnReviewRow = Awaited<ReturnType<ReturnType<typeof createExpertsRepo>['ownReviews']>>[number];

const invalid = (fields: FieldProblem[]) => new AppError('validation', { fields });

/** The blind view: built field by field from columns that carry no identity (see the repo's select). */
function toBlindReview(row: OwnReviewRow, now: Date): BlindReview {
  const { review, stage } = row;
  return {
    id: review.id,
    campaignTitleRu: row.campaignTitleRu,
    campaignTitleEn: row.campaignTitleEn,
    kind: stage.kind as 'essay',
    taskRu: stage.taskRu,
    taskEn: stage.taskEn,
    round: review.round,
    dueAt: review.dueAt.toISOString(),
    isOverdue: review.submittedAt === null && review.dueAt < now,
    education: row.education as BlindReview['education'],
    managementYears: row.managementYears,
    serviceYears: row.serviceYears,
    essay: row.essay,
    rubric: stage.rubric,
    points: review.points,
    total: review.total,
    comment: review.comment,
    submittedAt: review.submittedAt?.toISOString() ?? null,
  };
}

/**
 * The expert-scored stage: staff set a weighted rubric and an expert pool; every application in the
 * stage goes blind to two experts from other regions; a gap above the threshold brings a third; the
 * result becomes the application's expert score, which the ranking reads.
 */
export function createExpertsService(deps: { db: Database; clock: Clock; campaigns: CampaignsService }) {
  const { db, clock } = deps;
  const repo = createExpertsRepo(db);

  async function stageView(campaignId: string): Promise<ExpertStage> {
    const [stage, experts, counts] = await Promise.all([repo.findStage(campaignId), repo.listPool(campaignId), repo.countReviews(campaignId)]);
    return {
      stage: stage && {
        kind: stage.kind as 'essay',
        taskRu: stage.taskRu,
        taskEn: stage.taskEn,
        rubric: stage.rubric,
        discrepancyThreshold: stage.discrepancyThreshold,
        dueAt: stage.dueAt.toISOString(),
      },
      experts,
      ...counts,
    };
  }

  return {
    async getStage(actor: Actor, campaignId: string): Promise<ExpertStage> {
      await deps.campaigns.managedCampaign(actor, campaignId);
      return stageView(campaignId);
    },

    async setStage(actor: Actor, campaignId: string, body: SetExpertStageBody, meta: Meta): Promise<ExpertStage> {
      await deps.campaigns.managedCampaign(actor, campaignId);
      const keys = body.rubric.map((c) => c.key);
      if (new Set(keys).size !== keys.length) throw invalid([{ path: 'body.rubric', key: 'admissions.rubric_duplicate_key' }]);
      await db.transaction(async (tx) => {
        await createExpertsRepo(tx).upsertStage({ campaignId, ...body, dueAt: new Date(body.dueAt), updatedAt: clock.now() });
        await recordAudit(tx, { actor, action: 'admission.set_expert_stage', entity: 'admission_campaign', entityId: campaignId, ip: meta.ip, details: { criteria: keys.length } });
      });
      return stageView(campaignId);
    },

    /** Replaces the pool; each expert's region is given or taken from their person record. */
    async setExperts(actor: Actor, campaignId: string, experts: Array<{ userId: string; regionCode?: string | undefined }>, meta: Meta): Promise<ExpertStage> {
      const row = await deps.campaigns.managedCampaign(actor, campaignId);
      const found = new Map((await repo.expertCandidates([...new Set(experts.map((e) => e.userId))], row)).map((c) => [c.userId, c.personRegion]));
      const problems: FieldProblem[] = [];
      const rows = experts.flatMap((e, index) => {
        if (!found.has(e.userId)) {
          problems.push({ path: `body.experts.${index}.userId`, key: 'admissions.expert_not_expert' });
          return [];
        }
        const regionCode = e.regionCode ?? found.get(e.userId) ?? null;
        if (!regionCode) problems.push({ path: `body.experts.${index}.regionCode`, key: 'admissions.expert_region_unknown' });
        return regionCode ? [{ userId: e.userId, regionCode: String(regionCode) }] : [];
      });
      if (problems.length > 0) throw invalid(problems);
      const unique = [...new Map(rows.map((r) => [r.userId, r])).values()];
      await db.transaction(async (tx) => {
        await createExpertsRepo(tx).replacePool(campaignId, unique);
        await recordAudit(tx, { actor, action: 'admission.set_experts', entity: 'admission_campaign', entityId: campaignId, ip: meta.ip, details: { experts: unique.length } });
      });
      return stageView(campaignId);
    },

    /**
     * Gives every application in the stage its two first scorings (experts of other regions, least
     * loaded first). Repeatable: applications that already have two are skipped.
     */
    async assign(actor: Actor, campaignId: string, meta: Meta): Promise<z.infer<typeof AssignResultSchema>> {
      const row = await deps.campaigns.managedCampaign(actor, campaignId);
      return db.transaction(async (tx) => {
        const txRepo = createExpertsRepo(tx);
        // Serialise assignment runs of one campaign so that two clicks cannot double-assign.
        await createCampaignsRepo(tx).findCampaign(campaignId, { isLocking: true });
        const stage = await txRepo.findStage(campaignId);
        if (!stage) throw new AppError('conflict', { fields: [{ path: 'id', key: 'admissions.expert_stage_missing' }] });
        const [pool, load, applications] = await Promise.all([txRepo.listPool(campaignId), txRepo.loadByExpert(campaignId), txRepo.stageApplications(campaignId, row.campaign.hasNominationGate)]);
        const now = clock.now();
        const inserts: Array<typeof admissionExpertReviews.$inferInsert> = [];
        let unassignable = 0;
        for (const application of applications) {
          const missing = 2 - application.experts.length;
          if (missing <= 0) continue;
          const picked = pickExperts(application, pool, load, new Set(application.experts), missing);
          if (picked.length < missing) unassignable += 1;
          picked.forEach((expertUserId, index) => {
            inserts.push({ campaignId, applicationId: application.id, expertUserId, round: application.experts.length + index + 1, assignedAt: now, dueAt: stage.dueAt });
          });
        }
        await txRepo.insertReviews(inserts);
        await recordAudit(tx, { actor, action: 'admission.assign_experts', entity: 'admission_campaign', entityId: campaignId, ip: meta.ip, details: { assigned: inserts.length, unassignable } });
        return { assigned: inserts.length, unassignable };
      });
    },

    async workload(actor: Actor, campaignId: string): Promise<Workload> {
      await deps.campaigns.managedCampaign(actor, campaignId);
      const result = await repo.workload(campaignId, clock.now());
      return {
        items: result.rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, regionCode: r.region_code, assigned: r.assigned, done: r.done, overdue: r.overdue })),
        thirdScorings: result.thirdScorings,
        scoredApplications: result.scoredApplications,
      };
    },

    /** The expert's queue: open work first, by due date. Blind by construction. */
    async queue(actor: Actor, meta: Meta): Promise<BlindReview[]> {
      if (!actor.userId) return [];
      const rows = await repo.ownReviews(actor.userId);
      if (rows.length > 0) await recordAudit(db, { actor, action: 'admission.read_reviews', entity: 'admission_expert_review', ip: meta.ip, details: { count: rows.length } });
      const now = clock.now();
      return rows.map((r) => toBlindReview(r, now));
    },

    /** One review of the expert's own; anyone else's (or an unknown id) answers 404. */
    async getReview(actor: Actor, reviewId: string, meta: Meta): Promise<BlindReview> {
      const [row] = actor.userId ? await repo.ownReviews(actor.userId, reviewId) : [];
      if (!row) throw new AppError('not_found');
      await recordAudit(db, { actor, action: 'admission.read_review', entity: 'admission_expert_review', entityId: reviewId, ip: meta.ip });
      return toBlindReview(row, clock.now());
    },

    /**
     * Submits the expert's points once. Under the application's lock: a gap above the threshold
     * between the first two assigns a third expert; otherwise the stage result is written.
     */
    async submitReview(actor: Actor, reviewId: string, body: SubmitReviewBody, meta: Meta): Promise<BlindReview> {
      const [row] = actor.userId ? await repo.ownReviews(actor.userId, reviewId) : [];
      if (!row) throw new AppError('not_found');
      if (row.review.submittedAt) throw new AppError('conflict', { fields: [{ path: 'id', key: 'admissions.review_submitted' }] });
      const problems = pointsProblems(row.stage.rubric, body.points);
      if (problems.length > 0) throw invalid(problems);
      const total = reviewTotal(row.stage.rubric, body.points);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const txRepo = createExpertsRepo(tx);
        const application = await txRepo.lockApplication(row.review.applicationId);
        if (!application) throw new AppError('not_found');
        const isSaved = await txRepo.saveReview(reviewId, { points: body.points, total, comment: body.comment ?? null, submittedAt: now });
        if (!isSaved) throw new AppError('conflict', { fields: [{ path: 'id', key: 'admissions.review_submitted' }] });
        const reviews = await txRepo.reviewsOf(application.id);
        const totals = reviews.filter((r) => r.total !== null).map((r) => r.total as number);
        const threshold = row.stage.discrepancyThreshold;
        let isThirdPending = reviews.length > totals.length && reviews.length >= 3;
        if (reviews.length === 2 && totals.length === 2 && needsThirdScoring(totals[0]!, totals[1]!, threshold)) {
          const pool = await txRepo.listPool(row.review.campaignId);
          const [third] = pickExperts(application, pool, await txRepo.loadByExpert(row.review.campaignId), new Set(reviews.map((r) => r.expertUserId)), 1);
          if (third) {
            await txRepo.insertReviews([{ campaignId: row.review.campaignId, applicationId: application.id, expertUserId: third, round: 3, assignedAt: now, dueAt: row.stage.dueAt }]);
            isThirdPending = true;
          }
        }
        await txRepo.setExpertScore(application.id, expertStageScore(totals, threshold, isThirdPending), now);
        await recordAudit(tx, { actor, action: 'admission.submit_review', entity: 'admission_expert_review', entityId: reviewId, ip: meta.ip, details: { total } });
      });
      return this.getReview(actor, reviewId, meta);
    },
  };
}
