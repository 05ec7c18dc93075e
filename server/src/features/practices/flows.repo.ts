import { sql } from 'drizzle-orm';
import type { Executor } from './practices.repo.ts';

/**
 * Aggregates for the flows map of one programme: every query groups in PostgreSQL and returns at most
 * a few hundred rows, so the whole picture costs a handful of index scans.
 */
export function createFlowsRepo(db: Executor) {
  return {
    async flows(programmeId: string) {
      const result = await db.execute<{ origin_region_code: string; municipality_id: string; municipality_name: string; region_code: string; lat: number | null; lon: number | null; plans: number }>(sql`
        select p.origin_region_code, m.id as municipality_id, m.name as municipality_name, m.region_code, m.lat, m.lon, count(*)::int as plans
        from adoption_plans a
        join practices p on p.id = a.practice_id
        join municipalities m on m.id = a.municipality_id
        where a.programme_id = ${programmeId}
        group by p.origin_region_code, m.id
        order by plans desc, p.origin_region_code, m.name`);
      return result.rows;
    },
    /** Practices curated by the programme, per origin region, with plans adopting them anywhere. */
    async regions(programmeId: string) {
      const result = await db.execute<{ region_code: string; practices: number; adoptions: number; outgoing: number }>(sql`
        with origin as (
          select p.origin_region_code as region_code, count(distinct p.id)::int as practices, count(a.id)::int as outgoing
          from practices p left join adoption_plans a on a.practice_id = p.id and a.programme_id = ${programmeId}
          where p.programme_id = ${programmeId} and p.status = 'approved'
          group by p.origin_region_code),
        adopted as (
          select m.region_code, count(*)::int as adoptions
          from adoption_plans a join municipalities m on m.id = a.municipality_id
          where a.programme_id = ${programmeId}
          group by m.region_code)
        select coalesce(o.region_code, d.region_code) as region_code, coalesce(o.practices, 0) as practices,
               coalesce(d.adoptions, 0) as adoptions, coalesce(o.outgoing, 0) as outgoing
        from origin o full join adopted d on d.region_code = o.region_code
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
    async coverage(programmeId: string) {
      const result = await db.execute<{ area: string; practices: number; plans: number }>(sql`
        select area, count(distinct p.id)::int as practices, count(a.id)::int as plans
        from practices p
        cross join lateral unnest(p.areas) as area
        left join adoption_plans a on a.practice_id = p.id and a.programme_id = ${programmeId}
        where p.programme_id = ${programmeId} and p.status = 'approved'
        group by area
        order by area`);
      return result.rows;
    },
    async stages(programmeId: string) {
      const result = await db.execute<{ stage: string; plans: number }>(sql`
        select stage, count(*)::int as plans from adoption_plans where programme_id = ${programmeId} group by stage`);
      return result.rows;
    },
  };
}
