import { sql } from 'drizzle-orm';
import type { Executor } from './practices.repo.ts';

/**
 * Aggregates for the flows map of one programme: every query groups in PostgreSQL and returns at most
 * a few hundred rows, so the whole picture costs a handful of index scans.
 */
export function createFlowsRepo(db: Executor) {
  return {
    /**
     * The largest origin → municipality flows (of one region when asked), with how many there are. The
     * list is cut in SQL: a programme with thousands of plans has thousands of flows, and the page shows
     * the largest; shipping all of them made the answer ~900 KB.
     */
    async flows(programmeId: string, region: string | null, limit: number) {
      const result = await db.execute<{ origin_region_code: string; municipality_id: string; municipality_name: string; region_code: string; lat: number | null; lon: number | null; plans: number; flows_total: number }>(sql`
        with f as (
          select p.origin_region_code, a.municipality_id, count(*)::int as plans
          from adoption_plans a
          join practices p on p.id = a.practice_id
          ${region ? sql`join municipalities am on am.id = a.municipality_id` : sql``}
          where a.programme_id = ${programmeId}
            ${region ? sql`and (p.origin_region_code = ${region} or am.region_code = ${region})` : sql``}
          group by p.origin_region_code, a.municipality_id),
        top as (select *, count(*) over ()::int as flows_total from f order by plans desc, origin_region_code, municipality_id limit ${limit})
        select top.origin_region_code, m.id as municipality_id, m.name as municipality_name, m.region_code, m.lat, m.lon, top.plans, top.flows_total
        from top join municipalities m on m.id = top.municipality_id
        order by top.plans desc, top.origin_region_code, m.name`);
      return result.rows;
    },
    /** Plans, adopting municipalities and their regions over the whole programme. */
    async totals(programmeId: string) {
      const [row] = (
        await db.execute<{ plans: number; municipalities: number; regions: number }>(sql`
          select count(*)::int as plans, count(distinct a.municipality_id)::int as municipalities, count(distinct m.region_code)::int as regions
          from adoption_plans a join municipalities m on m.id = a.municipality_id
          where a.programme_id = ${programmeId}`)
      ).rows;
      return row ?? { plans: 0, municipalities: 0, regions: 0 };
    },
    /**
     * Practices curated by the programme, per origin region, with plans adopting them anywhere. Counted
     * apart and then joined (a join of practices to plans before counting multiplied the rows and needed
     * count(distinct)); the practice counts come from the covering index practices_flows_idx.
     */
    async regions(programmeId: string) {
      const result = await db.execute<{ region_code: string; practices: number; adoptions: number; outgoing: number }>(sql`
        with origin as (
          select p.origin_region_code as region_code, count(*)::int as practices
          from practices p where p.programme_id = ${programmeId} and p.status = 'approved'
          group by 1),
        outgoing as (
          select p.origin_region_code as region_code, count(*)::int as outgoing
          from adoption_plans a join practices p on p.id = a.practice_id
          where a.programme_id = ${programmeId} and p.programme_id = ${programmeId} and p.status = 'approved'
          group by 1),
        adopted as (
          select m.region_code, count(*)::int as adoptions
          from adoption_plans a join municipalities m on m.id = a.municipality_id
          where a.programme_id = ${programmeId}
          group by m.region_code)
        select coalesce(o.region_code, d.region_code) as region_code, coalesce(o.practices, 0) as practices,
               coalesce(d.adoptions, 0) as adoptions, coalesce(g.outgoing, 0) as outgoing
        from origin o full join adopted d on d.region_code = o.region_code
        left join outgoing g on g.region_code = o.region_code
        order by 1`);
      return result.rows;
    },
    async topPractices(programmeId: string, limit: number) {
      const result = await db.execute<{ id: string; title: string; origin_region_code: string; plans: number; municipalities: number }>(sql`
        select p.id, p.title, p.origin_region_code, count(*)::int as plans, count(distinct a.municipality_id)::int as municipalities
        from adoption_plans a join practices p on p.id = a.practice_id
        where a.programme_id = ${programmeId}
        group by p.id
        order by plans desc, p.title
        limit ${limit}`);
      return result.rows;
    },
    /** Practices and plans per area; as for regions, counted apart and joined. */
    async coverage(programmeId: string) {
      const result = await db.execute<{ area: string; practices: number; plans: number }>(sql`
        with by_practice as (
          select area, count(*)::int as practices
          from practices p cross join lateral unnest(p.areas) as area
          where p.programme_id = ${programmeId} and p.status = 'approved'
          group by area),
        by_plan as (
          select area, count(*)::int as plans
          from adoption_plans a join practices p on p.id = a.practice_id cross join lateral unnest(p.areas) as area
          where a.programme_id = ${programmeId} and p.programme_id = ${programmeId} and p.status = 'approved'
          group by area)
        select b.area, b.practices, coalesce(l.plans, 0) as plans
        from by_practice b left join by_plan l on l.area = b.area
        order by b.area`);
      return result.rows;
    },
    async stages(programmeId: string) {
      const result = await db.execute<{ stage: string; plans: number }>(sql`
        select stage, count(*)::int as plans from adoption_plans where programme_id = ${programmeId} group by stage`);
      return result.rows;
    },
  };
}
