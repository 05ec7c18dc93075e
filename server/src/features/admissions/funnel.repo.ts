import { sql } from 'drizzle-orm';
import { admissionApplications, regions } from '../../db/schema/index.ts';
import type { Executor } from '../programmes/programmes.repo.ts';

export type FunnelRow = {
  region_code: string | null;
  federal_district: string | null;
  applications: number;
  eligible: number;
  nominated: number;
  test_passed: number;
  expert_scored: number;
  interviewed: number;
  admitted: number;
};

/** The funnel in one pass over the campaign's submitted applications, grouped by region. */
export function createFunnelRepo(db: Executor) {
  return {
    async byRegion(campaignId: string, hasGate: boolean, testPassMark: number): Promise<FunnelRow[]> {
      // Each stage counts those who reached it: a stage's count includes only those of the stage before.
      const nominated = hasGate ? sql`a.is_eligible and a.nominated_at is not null` : sql`a.is_eligible`;
      const result = await db.execute<FunnelRow>(sql`
        select a.region_code, r.federal_district,
          count(*)::int as applications,
          count(*) filter (where a.is_eligible)::int as eligible,
          count(*) filter (where ${nominated})::int as nominated,
          count(*) filter (where ${nominated} and a.test_score >= ${testPassMark})::int as test_passed,
          count(*) filter (where ${nominated} and a.test_score >= ${testPassMark} and a.expert_score is not null)::int as expert_scored,
          count(*) filter (where ${nominated} and a.test_score >= ${testPassMark} and a.expert_score is not null and a.interview_score is not null)::int as interviewed,
          count(*) filter (where a.decision = 'admitted')::int as admitted
        from ${admissionApplications} a
        left join ${regions} r on r.code = a.region_code
        where a.campaign_id = ${campaignId} and a.submitted_at is not null
        group by a.region_code, r.federal_district
        order by a.region_code`);
      return result.rows;
    },
  };
}
