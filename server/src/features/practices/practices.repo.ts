import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PracticeFilter } from '@ms/contracts/practices';
import type { Database } from '../../db/client.ts';
import { intakes, municipalities, practiceRevisions, practiceShowings, practices, programmes, regions, scheduleModules, scheduleSessions, streams, users } from '../../db/schema/index.ts';

/** The database or a transaction. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/** Who may see which non-approved practices: everything (null), or these programmes and own proposals. */
export interface PracticeVisibility {
  curatedProgrammeIds: string[] | 'all';
  userId: string | null;
}

export interface SearchRow extends Record<string, unknown> {
  id: string;
  status: string;
  title: string;
  summary: string;
  snippet: string | null;
  origin_region_code: string;
  region_name_ru: string;
  region_name_en: string;
  federal_district: string;
  municipality_name: string | null;
  areas: string[];
  adoption_count: number;
  rank: number | null;
  /** Raw SQL answers timestamps as text. */
  updated_at: string;
  total: number;
}

/** Sort orders over the page's output columns (so the inner and the outer query share them). */
const ORDER: Record<PracticeFilter['sort'], SQL> = {
  relevance: sql`rank desc nulls last, updated_at desc, id`,
  title: sql`lower(title), id`,
  newest: sql`updated_at desc, id`,
  adoptions: sql`adoption_count desc, updated_at desc, id`,
};

/** The outer query's order: the same keys, named through the page's alias. */
function orderOuter(filter: PracticeFilter): SQL {
  if (filter.sort === 'title') return sql`lower(pg.title), pg.id`;
  if (filter.q && filter.sort === 'relevance') return sql`pg.rank desc nulls last, pg.updated_at desc, pg.id`;
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
  if (filter.q) parts.push(sql`p.search_vector @@ websearch_to_tsquery('russian', ${filter.q})`);
  if (filter.areas && filter.areas.length > 0) parts.push(sql`p.areas && ${`{${filter.areas.join(',')}}`}::text[]`);
  if (filter.region) parts.push(sql`p.origin_region_code = ${filter.region}`);
  if (filter.district) parts.push(sql`r.federal_district = ${filter.district}`);
  if (filter.moduleId) parts.push(sql`exists (select 1 from practice_showings s where s.practice_id = p.id and s.module_id = ${filter.moduleId})`);
  return sql.join(parts, sql` and `);
}

export function createPracticesRepo(db: Executor) {
  return {
    /**
     * One page of the library, ranked by ts_rank when there is a query. The headline (snippet) is built
     * only for the page's rows: ts_headline re-parses the text and is the costliest part of a search.
     */
    async search(filter: PracticeFilter, visibility: PracticeVisibility, page: { limit: number; offset: number }) {
      const where = whereOf(filter, visibility);
      const rank = filter.q ? sql`ts_rank(p.search_vector, websearch_to_tsquery('russian', ${filter.q}))` : sql`null::real`;
      const adoptionCount = (alias: string) => sql`(select count(*) from adoption_plans a where a.practice_id = ${sql.raw(alias)}.id)::int`;
      const headline = filter.q
        ? sql`ts_headline('russian', p.summary || ' ' || left(p.problem || ' ' || p.solution, 800), websearch_to_tsquery('russian', ${filter.q}), 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')`
        : sql`null::text`;
      // Without a query there is no relevance: the newest come first.
      const order = ORDER[!filter.q && filter.sort === 'relevance' ? 'newest' : filter.sort];
      // The page is chosen on narrow rows (id, rank, sort keys) so the sort moves little; texts, names and
      // counts are joined for its rows only.
      const narrow = sql`select p.id, p.title, p.updated_at, ${rank} as rank${filter.sort === 'adoptions' ? sql`, ${adoptionCount('p')} as adoption_count` : sql``}
            from practices p join regions r on r.code = p.origin_region_code where ${where}`;
      const outer = (source: SQL, total: SQL) => sql`
          select p.id, p.status, p.title, p.summary, ${headline} as snippet, p.origin_region_code, r.name_ru as region_name_ru,
                 r.name_en as region_name_en, r.federal_district, m.name as municipality_name, p.areas, p.updated_at,
                 ${filter.sort === 'adoptions' ? sql`pg.adoption_count` : adoptionCount('p')} as adoption_count, pg.rank, ${total} as total
          from (${source}) pg
          join practices p on p.id = pg.id
          join regions r on r.code = p.origin_region_code
          left join municipalities m on m.id = p.origin_municipality_id
          order by ${filter.sort === 'adoptions' ? sql`pg.adoption_count desc, pg.updated_at desc, pg.id` : orderOuter(filter)}`;
      if (filter.q) {
        // Ranking needs every match anyway: rank them once, count the same set, page it (one statement).
        const result = await db.execute<SearchRow>(sql`
          with hits as materialized (${narrow})
          ${outer(sql`select * from hits order by ${order} limit ${page.limit} offset ${page.offset}`, sql`(select count(*) from hits)::int`)}`);
        if (result.rows.length > 0 || page.offset === 0) return { rows: result.rows, total: result.rows[0]?.total ?? 0 };
        // A page past the end has no row to carry the total.
        const [counted] = (await db.execute<{ total: number }>(sql`select count(*)::int as total from practices p join regions r on r.code = p.origin_region_code where ${where}`)).rows;
        return { rows: result.rows, total: counted?.total ?? 0 };
      }
      // Without a query the newest (or first by title) come straight from the index: count separately.
      const [pageRows, counted] = await Promise.all([
        db.execute<SearchRow>(outer(sql`${narrow} order by ${order} limit ${page.limit} offset ${page.offset}`, sql`0`)),
        db.execute<{ total: number }>(sql`select count(*)::int as total from practices p join regions r on r.code = p.origin_region_code where ${where}`),
      ]);
      return { rows: pageRows.rows, total: counted.rows[0]?.total ?? 0 };
    },

    /** A practice with its origin names and its curating programme's organisation (for scope checks). */
    async findPractice(id: string) {
      const [row] = await db
        .select({
          practice: practices,
          regionNameRu: regions.nameRu,
          regionNameEn: regions.nameEn,
          federalDistrict: regions.federalDistrict,
          municipalityName: municipalities.name,
          organisationId: programmes.organisationId,
          adoptionCount: sql<number>`(select count(*) from adoption_plans a where a.practice_id = ${practices.id})::int`,
        })
        .from(practices)
        .innerJoin(regions, eq(regions.code, practices.originRegionCode))
        .innerJoin(programmes, eq(programmes.id, practices.programmeId))
        .leftJoin(municipalities, eq(municipalities.id, practices.originMunicipalityId))
        .where(eq(practices.id, id));
      return row ?? null;
    },

    /** Where participants saw the practice: module (stream, number, theme) and the session if named. */
    async listShowings(practiceId: string) {
      return db
        .select({
          moduleId: practiceShowings.moduleId,
          moduleNumber: scheduleModules.number,
          streamNumber: streams.number,
          themeRu: scheduleModules.themeRu,
          themeEn: scheduleModules.themeEn,
          startsOn: scheduleModules.startsOn,
          sessionId: practiceShowings.sessionId,
          sessionTitleRu: scheduleSessions.titleRu,
          sessionTitleEn: scheduleSessions.titleEn,
        })
        .from(practiceShowings)
        .innerJoin(scheduleModules, eq(scheduleModules.id, practiceShowings.moduleId))
        .innerJoin(streams, eq(streams.id, scheduleModules.streamId))
        .leftJoin(scheduleSessions, eq(scheduleSessions.id, practiceShowings.sessionId))
        .where(eq(practiceShowings.practiceId, practiceId))
        .orderBy(asc(scheduleModules.startsOn), asc(streams.number));
    },

    /** Modules (and sessions) named by a showing list that belong to the programme; others are refused by the caller. */
    async findModulesInProgramme(programmeId: string, moduleIds: string[]) {
      if (moduleIds.length === 0) return [];
      return db
        .select({ id: scheduleModules.id })
        .from(scheduleModules)
        .innerJoin(streams, eq(streams.id, scheduleModules.streamId))
        .innerJoin(intakes, eq(intakes.id, streams.intakeId))
        .where(and(eq(intakes.programmeId, programmeId), inArray(scheduleModules.id, moduleIds)));
    },
    async findSessions(sessionIds: string[]) {
      if (sessionIds.length === 0) return [];
      return db.select({ id: scheduleSessions.id, moduleId: scheduleSessions.moduleId }).from(scheduleSessions).where(inArray(scheduleSessions.id, sessionIds));
    },
    async findMunicipality(id: string) {
      const [row] = await db.select().from(municipalities).where(eq(municipalities.id, id));
      return row ?? null;
    },
    async regionExists(code: string) {
      const [row] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
      return row !== undefined;
    },
    async listProgrammeIdsOf(organisationIds: string[]) {
      if (organisationIds.length === 0) return [];
      return (await db.select({ id: programmes.id }).from(programmes).where(inArray(programmes.organisationId, organisationIds))).map((r) => r.id);
    },
    async findProgramme(id: string) {
      const [row] = await db.select({ id: programmes.id, organisationId: programmes.organisationId }).from(programmes).where(eq(programmes.id, id));
      return row ?? null;
    },

    async insertPractice(values: typeof practices.$inferInsert) {
      const [row] = await db.insert(practices).values(values).returning({ id: practices.id });
      return row!.id;
    },
    async updatePractice(id: string, values: Partial<typeof practices.$inferInsert>) {
      await db.update(practices).set(values).where(eq(practices.id, id));
    },
    async replaceShowings(practiceId: string, showings: Array<{ moduleId: string; sessionId: string | null }>) {
      await db.delete(practiceShowings).where(eq(practiceShowings.practiceId, practiceId));
      if (showings.length > 0) await db.insert(practiceShowings).values(showings.map((s) => ({ practiceId, ...s })));
    },
    async insertRevision(values: typeof practiceRevisions.$inferInsert) {
      await db.insert(practiceRevisions).values(values);
    },
    async listRevisions(practiceId: string) {
      return db
        .select({ revision: practiceRevisions, editorName: users.displayName })
        .from(practiceRevisions)
        .leftJoin(users, eq(users.id, practiceRevisions.editorUserId))
        .where(eq(practiceRevisions.practiceId, practiceId))
        .orderBy(desc(practiceRevisions.createdAt), desc(practiceRevisions.id));
    },
    /** Moves a duplicate's adoption plans and showings to the practice it is merged into (one statement each). */
    async moveToPractice(fromId: string, intoId: string) {
      await db.execute(sql`update adoption_plans set practice_id = ${intoId}, updated_at = now() where practice_id = ${fromId}`);
      await db.execute(sql`
        insert into practice_showings (practice_id, module_id, session_id)
        select ${intoId}, s.module_id, s.session_id from practice_showings s
        where s.practice_id = ${fromId}
          and not exists (select 1 from practice_showings t where t.practice_id = ${intoId} and t.module_id = s.module_id and t.session_id is not distinct from s.session_id)`);
    },
  };
}
