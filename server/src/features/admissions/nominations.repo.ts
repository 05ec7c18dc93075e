import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import { admissionApplications, admissionRegionQuotas, people } from '../../db/schema/index.ts';
import type { Executor } from '../programmes/programmes.repo.ts';

/** The nomination gate: eligible applicants of a region, quotas and their use. */
export function createNominationsRepo(db: Executor) {
  const inRegions = (regions: string[]) => sql`${admissionApplications.regionCode} = any(${sql.param(regions)}::text[])`;
  return {
    /** Submitted, eligible applications of the regions (nominated or not), by submission time. */
    listCandidates(campaignId: string, regions: string[]) {
      return db
        .select({ application: admissionApplications, lastName: people.lastName, firstName: people.firstName, middleName: people.middleName })
        .from(admissionApplications)
        .innerJoin(people, eq(people.id, admissionApplications.personId))
        .where(
          and(
            eq(admissionApplications.campaignId, campaignId),
            inRegions(regions),
            eq(admissionApplications.isEligible, true),
            isNotNull(admissionApplications.submittedAt),
            sql`${admissionApplications.status} <> 'withdrawn'`,
          ),
        )
        .orderBy(asc(admissionApplications.regionCode), asc(admissionApplications.submittedAt), asc(admissionApplications.id));
    },

    /** Nominations used per region. */
    async countNominated(campaignId: string, regions: string[]): Promise<Map<string, number>> {
      const rows = await db
        .select({ regionCode: admissionApplications.regionCode, n: count() })
        .from(admissionApplications)
        .where(and(eq(admissionApplications.campaignId, campaignId), inRegions(regions), isNotNull(admissionApplications.nominatedAt)))
        .groupBy(admissionApplications.regionCode);
      return new Map(rows.map((r) => [r.regionCode!, r.n]));
    },

    async quotas(campaignId: string, regions: string[]): Promise<Map<string, number>> {
      const rows = await db
        .select({ regionCode: admissionRegionQuotas.regionCode, quota: admissionRegionQuotas.nominationQuota })
        .from(admissionRegionQuotas)
        .where(and(eq(admissionRegionQuotas.campaignId, campaignId), sql`${admissionRegionQuotas.regionCode} = any(${sql.param(regions)}::text[])`));
      return new Map(rows.map((r) => [r.regionCode, r.quota]));
    },

    async findApplication(campaignId: string, applicationId: string) {
      const [row] = await db
        .select()
        .from(admissionApplications)
        .where(and(eq(admissionApplications.id, applicationId), eq(admissionApplications.campaignId, campaignId)))
        .for('update');
      return row ?? null;
    },

    async setNomination(applicationId: string, values: { status: string; nominatedAt: Date | null; nominatedBy: string | null; nominationComment: string | null; updatedAt: Date }) {
      await db.update(admissionApplications).set(values).where(eq(admissionApplications.id, applicationId));
    },
  };
}
