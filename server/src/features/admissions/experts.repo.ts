import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  admissionApplications,
  admissionCampaigns,
  admissionExpertReviews,
  admissionExpertStages,
  admissionExperts,
  people,
  roleGrants,
  users,
} from '../../db/schema/index.ts';
import type { Executor } from '../programmes/programmes.repo.ts';

/** The expert stage: rubric, expert pool, blind reviews. */
export function createExpertsRepo(db: Executor) {
  return {
    async findStage(campaignId: string) {
      const [row] = await db.select().from(admissionExpertStages).where(eq(admissionExpertStages.campaignId, campaignId));
      return row ?? null;
    },

    async upsertStage(values: typeof admissionExpertStages.$inferInsert) {
      await db.insert(admissionExpertStages).values(values).onConflictDoUpdate({ target: admissionExpertStages.campaignId, set: { ...values } });
    },

    listPool(campaignId: string) {
      return db
        .select({ userId: admissionExperts.userId, regionCode: admissionExperts.regionCode, displayName: users.displayName, email: users.email })
        .from(admissionExperts)
        .innerJoin(users, eq(users.id, admissionExperts.userId))
        .where(eq(admissionExperts.campaignId, campaignId))
        .orderBy(asc(users.displayName), asc(users.id));
    },

    /** Users with an expert grant covering the programme, and the region of their person record. */
    async expertCandidates(userIds: string[], path: { organisationId: string; programmeId: string }): Promise<Array<{ userId: string; personRegion: string | null }>> {
      if (userIds.length === 0) return [];
      return db
        .select({ userId: users.id, personRegion: people.regionCode })
        .from(users)
        .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
        .leftJoin(people, eq(people.id, users.personId))
        .where(
          and(
            inArray(users.id, userIds),
            eq(users.isActive, true),
            eq(roleGrants.role, 'expert'),
            sql`(${roleGrants.organisationId} is null or ${roleGrants.organisationId} = ${path.organisationId})`,
            sql`(${roleGrants.programmeId} is null or ${roleGrants.programmeId} = ${path.programmeId})`,
          ),
        );
    },

    /** Replaces the pool; experts who already have reviews stay assigned to them. */
    async replacePool(campaignId: string, rows: Array<{ userId: string; regionCode: string }>) {
      await db.delete(admissionExperts).where(eq(admissionExperts.campaignId, campaignId));
      if (rows.length > 0) await db.insert(admissionExperts).values(rows.map((r) => ({ ...r, campaignId })));
    },

    async countReviews(campaignId: string) {
      const [row] = await db
        .select({ assigned: count(), submitted: sql<number>`count(${admissionExpertReviews.submittedAt})::int` })
        .from(admissionExpertReviews)
        .where(eq(admissionExpertReviews.campaignId, campaignId));
      return { assigned: row?.assigned ?? 0, submitted: row?.submitted ?? 0 };
    },

    /**
     * Applications in the stage: eligible and submitted (nominated when the campaign has the gate),
     * with the experts already scoring them.
     */
    async stageApplications(campaignId: string, hasGate: boolean) {
      const statuses = hasGate ? ['nominated'] : ['submitted', 'nominated'];
      const rows = await db.execute<{ id: string; region_code: string | null; experts: string[] }>(sql`
        select a.id, a.region_code, coalesce(array_agg(r.expert_user_id) filter (where r.expert_user_id is not null), '{}') as experts
        from ${admissionApplications} a
        left join ${admissionExpertReviews} r on r.application_id = a.id
        where a.campaign_id = ${campaignId} and a.is_eligible and a.status = any(${sql.param(statuses)}::text[])
        group by a.id order by a.submitted_at, a.id`);
      return rows.rows.map((r) => ({ id: r.id, regionCode: r.region_code, experts: r.experts }));
    },

    async loadByExpert(campaignId: string): Promise<Map<string, number>> {
      const rows = await db
        .select({ userId: admissionExpertReviews.expertUserId, n: count() })
        .from(admissionExpertReviews)
        .where(eq(admissionExpertReviews.campaignId, campaignId))
        .groupBy(admissionExpertReviews.expertUserId);
      return new Map(rows.map((r) => [r.userId, r.n]));
    },

    async insertReviews(rows: Array<typeof admissionExpertReviews.$inferInsert>) {
      for (let i = 0; i < rows.length; i += 5000) {
        await db.insert(admissionExpertReviews).values(rows.slice(i, i + 5000)).onConflictDoNothing();
      }
    },

    /** Scorers × assigned / done / overdue (overdue: not submitted and past due). */
    async workload(campaignId: string, now: Date) {
      const rows = await db.execute<{ user_id: string; display_name: string; region_code: string; assigned: number; done: number; overdue: number }>(sql`
        select e.user_id, u.display_name, e.region_code,
          count(r.id)::int as assigned,
          count(r.submitted_at)::int as done,
          count(r.id) filter (where r.submitted_at is null and r.due_at < ${now.toISOString()})::int as overdue
        from ${admissionExperts} e
        join ${users} u on u.id = e.user_id
        left join ${admissionExpertReviews} r on r.campaign_id = e.campaign_id and r.expert_user_id = e.user_id
        where e.campaign_id = ${campaignId}
        group by e.user_id, u.display_name, e.region_code
        order by u.display_name, e.user_id`);
      const [extra] = (
        await db.execute<{ third: number; scored: number }>(sql`
        select count(*) filter (where round = 3)::int as third,
          (select count(*)::int from ${admissionApplications} where campaign_id = ${campaignId} and expert_score is not null) as scored
        from ${admissionExpertReviews} where campaign_id = ${campaignId}`)
      ).rows;
      return { rows: rows.rows, thirdScorings: extra?.third ?? 0, scoredApplications: extra?.scored ?? 0 };
    },

    /** The expert's own reviews with what the blind view may show (no person data is selected at all). */
    ownReviews(expertUserId: string, reviewId?: string) {
      return db
        .select({
          review: admissionExpertReviews,
          stage: admissionExpertStages,
          campaignTitleRu: admissionCampaigns.titleRu,
          campaignTitleEn: admissionCampaigns.titleEn,
          education: admissionApplications.education,
          managementYears: admissionApplications.managementYears,
          serviceYears: admissionApplications.serviceYears,
          essay: admissionApplications.motivation,
        })
        .from(admissionExpertReviews)
        .innerJoin(admissionExpertStages, eq(admissionExpertStages.campaignId, admissionExpertReviews.campaignId))
        .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, admissionExpertReviews.campaignId))
        .innerJoin(admissionApplications, eq(admissionApplications.id, admissionExpertReviews.applicationId))
        .where(and(eq(admissionExpertReviews.expertUserId, expertUserId), reviewId ? eq(admissionExpertReviews.id, reviewId) : undefined))
        .orderBy(sql`${admissionExpertReviews.submittedAt} is not null`, asc(admissionExpertReviews.dueAt), asc(admissionExpertReviews.id))
        .limit(500);
    },

    /** Locks the application so that two experts submitting at once cannot both skip the third scoring. */
    async lockApplication(applicationId: string) {
      const [row] = await db.select({ id: admissionApplications.id, regionCode: admissionApplications.regionCode }).from(admissionApplications).where(eq(admissionApplications.id, applicationId)).for('update');
      return row ?? null;
    },

    reviewsOf(applicationId: string) {
      return db.select().from(admissionExpertReviews).where(eq(admissionExpertReviews.applicationId, applicationId)).orderBy(asc(admissionExpertReviews.round), asc(admissionExpertReviews.assignedAt));
    },

    async saveReview(id: string, values: { points: Record<string, number>; total: number; comment: string | null; submittedAt: Date }) {
      const updated = await db
        .update(admissionExpertReviews)
        .set(values)
        .where(and(eq(admissionExpertReviews.id, id), isNull(admissionExpertReviews.submittedAt)))
        .returning({ id: admissionExpertReviews.id });
      return updated.length === 1;
    },

    async setExpertScore(applicationId: string, score: number | null, now: Date) {
      await db.update(admissionApplications).set({ expertScore: score, updatedAt: now }).where(eq(admissionApplications.id, applicationId));
    },
  };
}
