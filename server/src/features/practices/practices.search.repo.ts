import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { PracticeFilter } from '@ms/contracts/practices';
import type { Database } from '../../db/client.ts';
import type { Executor, PracticeVisibility, SearchRow } from './practices.repo.ts';

/**
 * Beyond this many matches the total is not counted exactly: the page says "more than 500" and asks for a
 * narrower query. Counting reads every matching row up to the cap (PostgreSQL visits the table for each):
 * at 1,000 that was over a third of a broad search's database CPU (2.75 ms, 1.0 ms of it the count); at
 * 500 the search takes 2.25 ms. Twenty-five pages of twenty are more than anyone reads of one query.
 */
export const COUNT_CAP = 500;

/**
 * The query, parsed once per statement in the `tq` CTE (see withQuery) and read from there. The planner
 * cannot see how many rows it matches, so every plan is the same: bitmap scans of the text indexes,
 * which is what broad and narrow queries alike want here. That lets PostgreSQL plan a search statement
 * once per connection and reuse the plan (see execute). With the query folded into a constant, every
 * search was parsed and planned anew: a third of its PostgreSQL time (measured 4.9 → 3.4 ms of backend
 * CPU per search over the bench's 200 queries).
 */
const TSQ = sql`(select tq.q from tq)`;

/**
 * The CTEs every text search starts with: the query, and its stems as plain words, for cutting and marking
 * snippets (none when every word is negated: querytree gives 'T').
 */
const withQuery = (q: string) =>
  sql`tq as materialized (select websearch_to_tsquery('russian'::regconfig, ${q}) as q),
      tsq as materialized (select case when querytree(${TSQ}) = 'T' then '{}'::text[] else tsvector_to_array(to_tsvector('simple'::regconfig, querytree(${TSQ}))) end as stems)`;

const dialect = new PgDialect();

/**
 * Runs a statement as a named prepared statement (the name is the hash of its text; node-postgres
 * prepares it once per connection), so PostgreSQL parses it once and, once its plan proves
 * parameter-independent, reuses it. Falls back to a plain execute on an executor without a session.
 */
async function execute<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const session = (db as Partial<Pick<Database, '_'>>)._?.session;
  if (!session) return (await db.execute<T>(query)).rows as T[];
  const compiled = dialect.sqlToQuery(query);
  const name = `practices_search_${createHash('sha1').update(compiled.sql).digest('base64url').slice(0, 22)}`;
  const result = (await session.prepareQuery(compiled, undefined, name, false).execute()) as { rows: T[] };
  return result.rows;
}

/**
 * About 320 characters (the snippet's 30 words) of the body, from 100 before the first stem of the query,
 * cut at word boundaries and with «…» where the body goes on: the window holds the match, and only it
 * travels to Node to be marked (snippet.ts), not the whole body. A Russian stem is the start of its word
 * forms, so strpos finds it, in lower case, capitalised or in capitals. Plain string functions only: a
 * lower() of the whole body and a regular expression at the window's end each cost more than the rest
 * of the window together (about 10 µs a row each, over a page of twenty rows).
 */
const BODY = sql`(p.problem || ' ' || p.solution || ' ' || p.results)`;
// Each step is fenced with OFFSET 0: pulled up into the outer query, every mention of a step's column
// evaluated it again, and each evaluation of the body fetched its three texts from TOAST anew.
const bodyWindow = sql`(select case when c.start > 1 then '… ' else '' end
    || case when char_length(c.raw) = 320 then left(c.piece, char_length(c.piece) - strpos(reverse(c.piece), ' ')) || ' …' else c.piece end
  from (select r.start, r.raw, case when r.start > 1 then substr(r.raw, strpos(r.raw, ' ') + 1) else r.raw end as piece
    from (select w.start, substr(w.t, w.start, 320) as raw
      from (select b.t, greatest(1, coalesce((select min(least(nullif(strpos(b.t, s), 0), nullif(strpos(b.t, initcap(s)), 0), nullif(strpos(b.t, upper(s)), 0)))
          from unnest((select stems from tsq)) s), 1) - 100) as start
        from (select ${BODY} as t offset 0) b offset 0) w offset 0) r offset 0) c)`;

/**
 * The exact total of a one-word query over the approved library: the count of practices holding its
 * lexeme, one row of practice_lexeme_counts (kept by triggers). Counting the same through the text
 * index read every entry of the word (thousands for a common one): about 1 ms, over half of such a
 * search's database time (pgbench over the bench's one-word queries: 1.85 → 0.87 ms). A one-operand
 * tsquery's text is that lexeme quoted as in a tsvector, hence the cast.
 */
const LEXEME_TOTAL = sql`coalesce((select c.approved from practice_lexeme_counts c where c.lexeme = (tsvector_to_array(querytree(${TSQ})::tsvector))[1]), 0)`;

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

/**
 * The WHERE of a library query: status and visibility, text match, areas, region, district, module.
 * `textAsFilter` keeps the whole-text match out of the index scan (`is true` is not an indexable form):
 * a tier found through a smaller index implies or nearly implies it, and AND-ing the big index's bitmap
 * in (thousands of entries for a common word) cost more than checking the rows the tier reads anyway.
 */
function whereOf(filter: PracticeFilter, visibility: PracticeVisibility, textAsFilter = false): SQL {
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
  if (filter.q) parts.push(textAsFilter ? sql`(p.search_vector @@ ${TSQ}) is true` : sql`p.search_vector @@ ${TSQ}`);
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

/** Filters that leave a small part of the library: areas, region, district, module. */
const isNarrowed = (filter: PracticeFilter) => (filter.areas?.length ?? 0) > 0 || Boolean(filter.region || filter.district || filter.moduleId);

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
 * that tier, not every match; the second tier is ranked only when a page reaches it.
 *
 * A one-word query narrows further: its title matches (the `practices_title_idx` expression index) lead
 * the first tier. Their first occurrence of the word is in the title (positions run title, summary,
 * body), weight A = 1, so their ts_rank is ≥ 1/1.645 = 0.61; the others' first occurrence is in the
 * summary, weight B = 0.4, and every later one weighs ≤ 0.4, so theirs is ≤ 0.4 · (π²/6)/1.645 = 0.4.
 * A page within the title matches is therefore exactly the first tier's page, found by ranking only
 * them (a common word is in the summaries of thousands of practices but the titles of a few hundred).
 *
 * The total is counted up to COUNT_CAP, skipped when a ranked tier alone exceeds the cap. The snippet
 * is cut from the summary for first-tier rows (short, and holds the match) and from the body for the
 * others.
 */
export async function searchPractices(db: Executor, filter: PracticeFilter, visibility: PracticeVisibility, page: { limit: number; offset: number }) {
  const where = whereOf(filter, visibility);
  const q = filter.q ?? null;
  const withTsq = q ? sql`with ${withQuery(q)}` : sql``;
  // The snippet's text: the summary (already a column) for first-tier rows, the body's window for the
  // others; the marking is done in Node (snippet.ts), with the query's stems.
  const snippetText = q ? sql`case when pg.tier = 0 then null else ${bodyWindow} end` : sql`null::text`;
  const queryStems = q ? sql`(select stems from tsq)` : sql`null::text[]`;
  const rank = q ? sql`ts_rank(p.search_vector, ${TSQ})` : sql`null::real`;
  // Texts, names and counts are joined for the page's rows only.
  const outer = (source: SQL, total: SQL) => sql`
      select p.id, p.status, p.title, p.summary, ${snippetText} as snippet_text, ${queryStems} as query_stems, p.origin_region_code, r.name_ru as region_name_ru,
             r.name_en as region_name_en, r.federal_district, m.name as municipality_name, p.areas, p.updated_at,
             ${filter.sort === 'adoptions' ? sql`pg.adoption_count` : adoptionCount('p')} as adoption_count, pg.rank, ${total} as total
      from (${source}) pg
      join practices p on p.id = pg.id
      join regions r on r.code = p.origin_region_code
      left join municipalities m on m.id = p.origin_municipality_id
      order by ${orderOuter(filter)}`;
  // Without a query the library is browsed, and paging to its end needs the exact total (one index scan).
  const cappedCount = q ? sql`(select count(*) from (select 1 from practices p where ${where} limit ${COUNT_CAP + 1}) c)::int` : sql`(select count(*) from practices p where ${where})::int`;
  // The lexeme table answers only for the approved library without other filters (its counts are of
  // approved practices) and only one-word queries (numnode 1); other queries are counted up to the cap.
  const byLexeme = q !== null && (filter.status ?? 'approved') === 'approved' && !isNarrowed(filter);
  const oneWordExact = byLexeme ? sql`numnode(${TSQ}) = 1` : sql`false`;
  // Signed: a negative total is a capped count, a positive one is exact.
  const signedCount = q ? sql`(case when ${oneWordExact} then ${LEXEME_TOTAL} else -${cappedCount} end)` : cappedCount;
  const countOnly = async () => {
    const [row] = await execute<{ total: number }>(db, sql`${withTsq} select ${signedCount} as total`);
    return row?.total ?? 0;
  };
  const finish = async (rows: SearchRow[]) => {
    // A page past the end has no row to carry the total.
    const signed = rows.length > 0 || page.offset === 0 ? (rows[0]?.total ?? 0) : await countOnly();
    const counted = Math.abs(signed);
    const totalCapped = q !== null && signed < 0 && counted > COUNT_CAP;
    return { rows, total: totalCapped ? COUNT_CAP : counted, totalCapped };
  };

  if (q && filter.sort === 'relevance') {
    const reach = page.offset + page.limit;
    const tierWhere = whereOf(filter, visibility, true);
    // A one-time filter: for several words, or with filters that leave few of the title matches (then
    // the whole first tier is ranked anyway), the title tier does not run.
    const oneWord = isNarrowed(filter) ? sql`false` : sql`numnode(${TSQ}) = 1`;
    const count = (cte: string) => sql.raw(`(select count(*) from ${cte})`);
    const overCap = sql`${-(COUNT_CAP + 1)}::int`;
    const rows = await execute<SearchRow>(db, sql`
      with ${withQuery(q)},
      title as materialized (
        select p.id, p.updated_at, ${rank} as rank, 0 as tier from practices p
        where ${oneWord} and ${tierWhere} and to_tsvector('russian'::regconfig, p.title) @@ ${TSQ}),
      -- The whole first tier only when the title matches do not fill the page (one-time filters).
      head as materialized (
        select p.id, p.updated_at, ${rank} as rank, 0 as tier from practices p
        where ${count('title')} < ${reach} and ${tierWhere} and p.head_vector @@ ${TSQ}),
      -- Body-only matches are ranked only when the page reaches past the first tier.
      body as materialized (
        select p.id, p.updated_at, ${rank} as rank, 1 as tier from practices p
        where ${count('title')} < ${reach} and ${count('head')} < ${reach} and ${where} and not (p.head_vector @@ ${TSQ})),
      ranked as (select * from title where ${count('title')} >= ${reach} union all select * from head union all select * from body)
      ${outer(
        sql`select * from ranked order by ${ORDER.relevance} limit ${page.limit} offset ${page.offset}`,
        // A one-word query's total is its lexeme's count; when both tiers were ranked, their sizes are the
        // exact total; otherwise count up to the cap (needless when the ranked title matches or first
        // tier already exceed it).
        sql`(case when ${oneWordExact} then ${LEXEME_TOTAL}
          when ${count('title')} >= ${reach} then (case when ${count('title')} > ${COUNT_CAP} then ${overCap} else -${cappedCount} end)
          when ${count('head')} < ${reach} then ${count('head')} + ${count('body')}
          when ${count('head')} > ${COUNT_CAP} then ${overCap} else -${cappedCount} end)::int`,
      )}`);
    return finish(rows);
  }
  // Other orders (or no query): choose the page on narrow rows so the sort moves little.
  const order = ORDER[!q && filter.sort === 'relevance' ? 'newest' : filter.sort];
  const narrow = sql`select p.id, p.title, p.updated_at, ${rank} as rank, ${q ? sql`(case when p.head_vector @@ ${TSQ} then 0 else 1 end)` : sql`0`} as tier${filter.sort === 'adoptions' ? sql`, ${adoptionCount('p')} as adoption_count` : sql``}
        from practices p where ${where}`;
  return finish(await execute<SearchRow>(db, sql`${withTsq} ${outer(sql`${narrow} order by ${order} limit ${page.limit} offset ${page.offset}`, signedCount)}`));
}
