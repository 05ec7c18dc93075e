import { and, eq, sql } from 'drizzle-orm';
import { admissionApplications, admissionCampaigns, people } from '../../db/schema/index.ts';
import type { Executor } from '../programmes/programmes.repo.ts';
import type { RankedItem, RankingCandidate } from './ranking.ts';

/** Set-based reads and writes of the ranking, sized for a quarter of a million applications. */
export function createRankingRepo(db: Executor) {
  return {
    /**
     * The ranking's pool: eligible submitted applications (only nominated ones when the campaign has
     * the gate), including those already decided so that a new ranking can replace an old one.
     * Only the columns the ranking needs, packed into one text value, to keep 250k rows light.
     */
    async loadCandidates(campaignId: string, hasNominationGate: boolean): Promise<RankingCandidate[]> {
      const gate = hasNominationGate ? sql`and a.nominated_at is not null` : sql``;
      // One text value instead of 250,000 row objects: PostgreSQL joins the columns, JavaScript splits
      // them, which is several times faster than the driver building a row object per application.
      // float8::text is the shortest exact representation, so no score changes on the way.
      const result = await db.execute<{ packed: string | null }>(sql`
        select string_agg(concat_ws(',', a.id, a.region_code, coalesce(a.test_score::text, ''), coalesce(a.expert_score::text, ''),
                                    coalesce(a.interview_score::text, ''), (extract(epoch from a.submitted_at) * 1000)::bigint), E'\n') as packed
        from ${admissionApplications} a
        where a.campaign_id = ${campaignId} and a.is_eligible and a.submitted_at is not null
          and a.region_code is not null and a.status in ('submitted', 'nominated', 'admitted', 'reserve', 'rejected', 'enrolled') ${gate}`);
      const packed = result.rows[0]?.packed;
      if (!packed) return [];
      const score = (text: string) => (text === '' ? null : Number(text));
      return packed.split('\n').map((line) => {
        const [id, regionCode, test, expert, interview, submitted] = line.split(',') as [string, string, string, string, string, string];
        return { id, regionCode, test: score(test), expert: score(expert), interview: score(interview), submittedAt: Number(submitted) };
      });
    },

    /** Full names of the listed applications (only the few that are shown). */
    async namesOf(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: admissionApplications.id, lastName: people.lastName, firstName: people.firstName, middleName: people.middleName })
        .from(admissionApplications)
        .innerJoin(people, eq(people.id, admissionApplications.personId))
        .where(sql`${admissionApplications.id} = any(${sql.param(ids)}::uuid[])`);
      return new Map(rows.map((r) => [r.id, [r.lastName, r.firstName, r.middleName].filter(Boolean).join(' ')]));
    },

    async countEnrolled(campaignId: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(admissionApplications)
        .where(and(eq(admissionApplications.campaignId, campaignId), eq(admissionApplications.status, 'enrolled')));
      return row?.n ?? 0;
    },

    /**
     * Writes the whole result in one UPDATE … FROM unnest(…): score, place, outcome and reason per
     * application; the outcome becomes the status the applicant follows.
     */
    async applyDecisions(campaignId: string, items: readonly RankedItem[], decidedBy: string | null, now: Date): Promise<number> {
      const result = await db.execute(sql`
        update ${admissionApplications} a
        set composite_score = r.composite, rank_position = r.position, decision = r.outcome, status = r.outcome,
            decision_reason = r.reason, decided_at = ${now.toISOString()}::timestamptz, decided_by = ${decidedBy}, updated_at = ${now.toISOString()}::timestamptz,
            notified_at = case when a.decision is distinct from r.outcome then null else a.notified_at end
        from unnest(${sql.param(items.map((i) => i.id))}::uuid[], ${sql.param(items.map((i) => i.composite))}::float8[],
                    ${sql.param(items.map((i) => i.position))}::int[], ${sql.param(items.map((i) => i.outcome))}::text[],
                    ${sql.param(items.map((i) => i.reason))}::text[]) as r(id, composite, position, outcome, reason)
        where a.id = r.id and a.campaign_id = ${campaignId}`);
      return result.rowCount ?? 0;
    },

    async saveCampaignRanking(campaignId: string, config: Record<string, unknown>, now: Date) {
      await db.update(admissionCampaigns).set({ rankingConfig: config, rankedAt: now, updatedAt: now }).where(eq(admissionCampaigns.id, campaignId));
    },
  };
}
