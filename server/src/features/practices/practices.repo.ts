import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { PracticeFilter } from '@ms/contracts/practices';
import type { Database } from '../../db/client.ts';
import { searchPractices } from './practices.search.repo.ts';
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
  /** The body's window around the match for a second-tier row; null for the first tier (the summary holds it). */
  snippet_text: string | null;
  /** The query's stems (null without a query), for marking the snippet. */
  query_stems: string[] | null;
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

export function createPracticesRepo(db: Executor) {
  return {
    /** One page of the library (see practices.search.repo.ts for how a search is ranked and counted). */
    async search(filter: PracticeFilter, visibility: PracticeVisibility, page: { limit: number; offset: number }) {
      return searchPractices(db, filter, visibility, page);
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

    /** Field modules where approved practices were shown, with how many: the library's module filter. */
    async listShownModules() {
      return db
        .select({
          id: scheduleModules.id,
          moduleNumber: scheduleModules.number,
          streamNumber: streams.number,
          themeRu: scheduleModules.themeRu,
          themeEn: scheduleModules.themeEn,
          startsOn: scheduleModules.startsOn,
          practices: sql<number>`count(distinct ${practiceShowings.practiceId})::int`,
        })
        .from(practiceShowings)
        .innerJoin(practices, and(eq(practices.id, practiceShowings.practiceId), eq(practices.status, 'approved')))
        .innerJoin(scheduleModules, eq(scheduleModules.id, practiceShowings.moduleId))
        .innerJoin(streams, eq(streams.id, scheduleModules.streamId))
        .groupBy(scheduleModules.id, streams.number)
        .orderBy(asc(scheduleModules.startsOn), asc(streams.number), asc(scheduleModules.number));
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
