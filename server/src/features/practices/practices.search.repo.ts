import { sql, type SQL } from 'drizzle-orm';
import type { PracticeFilter } from '@ms/contracts/practices';
import type { Executor, PracticeVisibility, SearchRow } from './practices.repo.ts';

/**
 * Beyond this many matches the total is not counted exactly: the page says "more than 1,000". Counting
 * every match reads every matching row, which cost as much as the rest of a broad search.
 */
export const COUNT_CAP = 1000;

/**
 * The query. websearch_to_tsquery(regconfig, text) is immutable, so PostgreSQL folds it into a constant
 * when it plans the statement with its parameters: parsed once, and the planner sees how many rows match
 * (an InitPlan or CTE would hide that and get the plan wrong).
 */
const tsquery = (q: string) => sql`websearch_to_tsquery('russian'::regconfig, ${q})`;

/**
 * About 320 characters (the snippet's 30 words) of the body, from 100 before the first stem of the query
 * (a Russian stem is the start of its word forms, so strpos finds it), from a word boundary. ts_headline
 * parses and stems every word it is given: the whole body cost ~0.1 ms a row, a window far less, and the
 * window still holds the match.
 */
const BODY = sql`(p.problem || ' ' || p.solution || ' ' || p.results)`;
const bodyWindow = sql`(select case when w.start > 1 then regexp_replace(substr(b.t, w.start, 320), '^\\S*\\s', '') else left(b.t, 320) end
  from (select ${BODY} as t) b,
  lateral (select lower(b.t) as l) lo,
  lateral (select greatest(1, coalesce((select min(nullif(strpos(lo.l, s), 0)) from unnest((select stems from tsq)) s), 1) - 100) as start) w)`;

/** Sort orders over the page's output columns (so the inner and the outer query share them). */
const ORDER: Record<PracticeFilter['sort'], SQL> = {
  relevance: sql`tier, rank desc nulls last, updated_at desc, id`,
  title: sql`lower(title), id`,
  newest: sql`updated_at desc, id`,
  adoptions: sql`adoption_count desc, updated_at desc, id`,
};

/** The outer query's order: the same keys, named through the page's alias. */
function orderOuter(filter: PracticeFilter): SQL {
  if (filter.sort === 'title') return sql`lower(pg.title), pg.id`;
  if (filter.sort === 'adoptions') return sql`pg.adoption_count desc, pg.updated_at desc, pg.id`;
  if (filter.q && filter.sort === 'relevance') return sql`pg.tier, pg.rank desc nulls last, pg.updated_at desc, pg.id`;
  return sql`pg.updated_at desc, pg.id`;
}

/** The WHERE of a library query: status and visibility, text match, areas, region, district, module. */
function whereOf(filter: PracticeFilter, visibility: PracticeVisibility): SQL {
  const parts: SQL[] = [];
  const status = filter.status ?? 'approved';
  parts.push(sql`p.status = ${status}`);
  if (status !== 'approved') {
    const own = visibility.userId ? sql`p.proposed_by_user_id = ${visibility.userId}` : sql`false`;
    if (visibility.curatedProgrammeIds !== 'all') {
      const ids = visibility.curatedProgrammeIds;
      parts.push(ids.length > 0 ? sql`(p.programme_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) or ${own})` : own);
    }
  }
  // websearch_to_tsquery accepts any text (quotes, OR, -word) without syntax errors; the GIN index serves @@.
  if (filter.q) parts.push(sql`p.search_vector @@ ${tsquery(filter.q)}`);
  if (filter.areas && filter.areas.length > 0) {
    const areas = sql`p.areas && ${`{${filter.areas.join(',')}}`}::text[]`;
    // With a text query its index is the selective one; AND-ing the areas index in (thousands of entries
    // for a few areas) cost more than checking the areas of the matching rows, so keep it out of the scan.
    parts.push(filter.q ? sql`coalesce(${areas}, false)` : areas);
  }
  if (filter.region) parts.push(sql`p.origin_region_code = ${filter.region}`);
  // The district's regions as one array (an InitPlan): a semi-join here let the planner repeat the text
  // index scan once per region.
  if (filter.district) parts.push(sql`p.origin_region_code = any(array(select code from regions where federal_district = ${filter.district}))`);
  if (filter.moduleId) parts.push(sql`exists (select 1 from practice_showings s where s.practice_id = p.id and s.module_id = ${filter.moduleId})`);
  return sql.join(parts, sql` and `);
}

const adoptionCount = (alias: string) => sql`(select count(*) from adoption_plans a where a.practice_id = ${sql.raw(alias)}.id)::int`;

/**
 * One page of the library.
 *
 * With a query and relevance order, results come in two tiers: practices whose title or summary match
 * the whole query (found through the small `head_vector` index), then those that match only in the
 * problem, solution or results. Each tier is ordered by `ts_rank` over the whole text. For a one-word
 * query this is exactly ts_rank's order (one title or summary occurrence, weight ≥ 0.4, outweighs any
 * number of body occurrences, weight 0.2 with a converging series); for several words it prefers a
 * match in the title or summary, as a reader does. The point: a page inside the first tier ranks only
 * that tier, not every match; the second tier is ranked only when a page reaches it. The total is
 * counted up to COUNT_CAP. The snippet is cut from the summary for first-tier rows (short, and holds
 * the match) and from the body for the others.
 */
export async function searchPractices(db: Executor, filter: PracticeFilter, visibility: PracticeVisibility, page: { limit: number; offset: number }) {
  const where = whereOf(filter, visibility);
  const q = filter.q ?? null;
  // The query's stems as plain words too: the snippet of a body match is cut around the first one found.
  const tsq = sql`tsq as materialized (select tsvector_to_array(to_tsvector('simple'::regconfig, querytree(${tsquery(q ?? '')}))) as stems)`;
  const withTsq = q ? sql`with ${tsq}` : sql``;
  const headline = q
    ? sql`case when pg.tier = 0 then ts_headline('russian', p.summary, ${tsquery(q)}, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
          else ts_headline('russian', ${bodyWindow}, ${tsquery(q)}, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') end`
    : sql`null::text`;
  const rank = q ? sql`ts_rank(p.search_vector, ${tsquery(q)})` : sql`null::real`;
  // Texts, names and counts are joined for the page's rows only.
  const outer = (source: SQL, total: SQL) => sql`
      select p.id, p.status, p.title, p.summary, ${headline} as snippet, p.origin_region_code, r.name_ru as region_name_ru,
             r.name_en as region_name_en, r.federal_district, m.name as municipality_name, p.areas, p.updated_at,
             ${filter.sort === 'adoptions' ? sql`pg.adoption_count` : adoptionCount('p')} as adoption_count, pg.rank, ${total} as total
      from (${source}) pg
      join practices p on p.id = pg.id
      join regions r on r.code = p.origin_region_code
      left join municipalities m on m.id = p.origin_municipality_id
      order by ${orderOuter(filter)}`;
  // Without a query the library is browsed, and paging to its end needs the exact total (one index scan).
  const cappedCount = q ? sql`(select count(*) from (select 1 from practices p where ${where} limit ${COUNT_CAP + 1}) c)::int` : sql`(select count(*) from practices p where ${where})::int`;
  const countOnly = async () => {
    const [row] = (await db.execute<{ total: number }>(sql`${withTsq} select ${cappedCount} as total`)).rows;
    return row?.total ?? 0;
  };
  const finish = async (rows: SearchRow[]) => {
    // A page past the end has no row to carry the total.
    // A negative total is a capped count (a page inside the first tier); a positive one is exact.
    const signed = rows.length > 0 || page.offset === 0 ? (rows[0]?.total ?? 0) : -(await countOnly());
    const counted = Math.abs(signed);
    const totalCapped = q !== null && signed < 0 && counted > COUNT_CAP;
    return { rows, total: totalCapped ? COUNT_CAP : counted, totalCapped };
  };

  if (q && filter.sort === 'relevance') {
    const reach = page.offset + page.limit;
    const result = await db.execute<SearchRow>(sql`
      with ${tsq},
      head as materialized (select p.id, p.updated_at, ${rank} as rank, 0 as tier from practices p where ${where} and p.head_vector @@ ${tsquery(q)}),
      -- Body-only matches are ranked only when the page reaches past the first tier (a one-time filter).
      body as materialized (
        select p.id, p.updated_at, ${rank} as rank, 1 as tier from practices p
        where (select count(*) from head) < ${reach} and ${where} and not (p.head_vector @@ ${tsquery(q)})),
      ranked as (select * from head union all select * from body)
      ${outer(
        sql`select * from ranked order by ${ORDER.relevance} limit ${page.limit} offset ${page.offset}`,
        // When both tiers were ranked, their sizes are the exact total; otherwise count up to the cap.
        sql`(case when (select count(*) from head) < ${reach} then (select count(*) from head) + (select count(*) from body) else -${cappedCount} end)::int`,
      )}`);
    return finish(result.rows);
  }
  // Other orders (or no query): choose the page on narrow rows so the sort moves little.
  const order = ORDER[!q && filter.sort === 'relevance' ? 'newest' : filter.sort];
  const narrow = sql`select p.id, p.title, p.updated_at, ${rank} as rank, ${q ? sql`(case when p.head_vector @@ ${tsquery(q)} then 0 else 1 end)` : sql`0`} as tier${filter.sort === 'adoptions' ? sql`, ${adoptionCount('p')} as adoption_count` : sql``}
        from practices p where ${where}`;
  const result = await db.execute<SearchRow>(sql`${withTsq} ${outer(sql`${narrow} order by ${order} limit ${page.limit} offset ${page.offset}`, q ? sql`-${cappedCount}` : cappedCount)}`);
  return finish(result.rows);
}
