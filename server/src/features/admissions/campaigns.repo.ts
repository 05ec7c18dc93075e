import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import {
  admissionApplications,
  admissionCampaigns,
  admissionRankingRuns,
  admissionRegionQuotas,
  intakes,
  programmes,
  regions,
  users,
} from '../../db/schema/index.ts';
import type { Executor } from '../programmes/programmes.repo.ts';

export type CampaignValues = typeof admissionCampaigns.$inferInsert;

const campaignColumns = {
  campaign: admissionCampaigns,
  programmeId: intakes.programmeId,
  organisationId: programmes.organisationId,
  programmeNameRu: programmes.nameRu,
  programmeNameEn: programmes.nameEn,
};

/** Campaigns, their regional quotas and ranking runs. */
export function createCampaignsRepo(db: Executor) {
  const joined = () =>
    db
      .select(campaignColumns)
      .from(admissionCampaigns)
      .innerJoin(intakes, eq(intakes.id, admissionCampaigns.intakeId))
      .innerJoin(programmes, eq(programmes.id, intakes.programmeId));

  return {
    /** A campaign with the path its access checks need; `isLocking` serialises nominations and rankings. */
    async findCampaign(id: string, options: { isLocking?: boolean } = {}) {
      const query = joined().where(eq(admissionCampaigns.id, id));
      const [row] = options.isLocking ? await query.for('update', { of: admissionCampaigns }) : await query;
      return row ?? null;
    },

    async findCampaignBySlug(slug: string) {
      const [row] = await joined().where(eq(admissionCampaigns.slug, slug));
      return row ?? null;
    },

    async listCampaigns(filter: { intakeId?: string; isPublishedOnly?: boolean }) {
      const conditions = [];
      if (filter.intakeId) conditions.push(eq(admissionCampaigns.intakeId, filter.intakeId));
      if (filter.isPublishedOnly) conditions.push(eq(admissionCampaigns.isPublished, true));
      return joined()
        .where(and(...conditions))
        .orderBy(desc(admissionCampaigns.opensAt), asc(admissionCampaigns.id));
    },

    /** The intake's path, to check the creator manages it. */
    async findIntakePath(intakeId: string) {
      const [row] = await db
        .select({ intakeId: intakes.id, programmeId: intakes.programmeId, organisationId: programmes.organisationId })
        .from(intakes)
        .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
        .where(eq(intakes.id, intakeId));
      return row ?? null;
    },

    async insertCampaign(values: CampaignValues) {
      const [row] = await db.insert(admissionCampaigns).values(values).onConflictDoNothing({ target: admissionCampaigns.slug }).returning();
      return row ?? null;
    },

    async updateCampaign(id: string, values: Partial<CampaignValues>) {
      const [row] = await db.update(admissionCampaigns).set(values).where(eq(admissionCampaigns.id, id)).returning();
      return row!;
    },

    async slugTakenByOther(slug: string, id: string): Promise<boolean> {
      const [row] = await db
        .select({ id: admissionCampaigns.id })
        .from(admissionCampaigns)
        .where(and(eq(admissionCampaigns.slug, slug), sql`${admissionCampaigns.id} <> ${id}`));
      return Boolean(row);
    },

    /** Applications per status for several campaigns at once (one grouped query). */
    async countByStatus(campaignIds: string[]): Promise<Map<string, Record<string, number>>> {
      const result = new Map<string, Record<string, number>>();
      if (campaignIds.length === 0) return result;
      const rows = await db
        .select({ campaignId: admissionApplications.campaignId, status: admissionApplications.status, n: count() })
        .from(admissionApplications)
        .where(sql`${admissionApplications.campaignId} = any(${sql.param(campaignIds)}::uuid[])`)
        .groupBy(admissionApplications.campaignId, admissionApplications.status);
      for (const row of rows) {
        const counts = result.get(row.campaignId) ?? {};
        counts[row.status] = row.n;
        result.set(row.campaignId, counts);
      }
      return result;
    },

    listQuotas(campaignId: string) {
      return db
        .select({ regionCode: admissionRegionQuotas.regionCode, nominationQuota: admissionRegionQuotas.nominationQuota })
        .from(admissionRegionQuotas)
        .where(eq(admissionRegionQuotas.campaignId, campaignId))
        .orderBy(asc(admissionRegionQuotas.regionCode));
    },

    /** Replaces the campaign's quota rows with the given set. */
    async replaceQuotas(campaignId: string, quotas: Array<{ regionCode: string; nominationQuota: number }>) {
      await db.delete(admissionRegionQuotas).where(eq(admissionRegionQuotas.campaignId, campaignId));
      if (quotas.length > 0) await db.insert(admissionRegionQuotas).values(quotas.map((q) => ({ campaignId, ...q })));
    },

    /** The codes among the given ones that are not federal subjects. */
    async unknownRegions(codes: string[]): Promise<string[]> {
      if (codes.length === 0) return [];
      const rows = await db.select({ code: regions.code }).from(regions).where(sql`${regions.code} = any(${sql.param(codes)}::text[])`);
      const known = new Set(rows.map((r) => r.code));
      return codes.filter((code) => !known.has(code));
    },

    async insertRankingRun(values: typeof admissionRankingRuns.$inferInsert) {
      const [row] = await db.insert(admissionRankingRuns).values(values).returning();
      return row!;
    },

    listRankingRuns(campaignId: string) {
      return db
        .select({ run: admissionRankingRuns, createdByEmail: users.email })
        .from(admissionRankingRuns)
        .leftJoin(users, eq(users.id, admissionRankingRuns.createdBy))
        .where(eq(admissionRankingRuns.campaignId, campaignId))
        .orderBy(desc(admissionRankingRuns.createdAt))
        .limit(20);
    },
  };
}

export type CampaignRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createCampaignsRepo>['findCampaign']>>>;
