import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { ImprovementFilter } from '@ms/contracts/improvements';
import type { Database } from '../../db/client.ts';
import { enrolments, improvements, municipalities, people, scheduleModules, scheduleSessions, teams } from '../../db/schema/index.ts';
import { likePattern, pageOffset } from '../../lib/pagination.ts';

export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>;

const authorName = sql<string | null>`case when ${people.id} is null then null else concat_ws(' ', ${people.lastName}, ${people.firstName}) end`;

function boardWhere(streamId: string, f: Partial<ImprovementFilter>, regions: string[] | null): SQL {
  return and(
    eq(improvements.streamId, streamId),
    regions ? inArray(municipalities.regionCode, regions) : undefined,
    f.area ? eq(improvements.area, f.area) : undefined,
    f.teamId ? eq(improvements.teamId, f.teamId) : undefined,
    f.q
      ? sql`concat_ws(' ', ${improvements.problem}, ${improvements.proposal}, ${improvements.expectedEffect}, ${municipalities.name}) ilike ${likePattern(f.q)}`
      : undefined,
  )!;
}

function boardOrder(f: Partial<ImprovementFilter>): SQL[] {
  const dir = sql.raw(f.order === 'asc' ? 'asc' : 'desc');
  const tail = [asc(improvements.id)];
  if (f.sort === 'area') return [sql`${improvements.area} ${dir}`, desc(improvements.createdAt), ...tail];
  if (f.sort === 'municipality') return [sql`${municipalities.name} collate "ru-x-icu" ${dir}`, desc(improvements.createdAt), ...tail];
  return [sql`${improvements.createdAt} ${dir}`, ...tail];
}

/** Improvements of a stream: the board, its export and the coverage of the 30 areas. */
export function createImprovementsRepo(db: Executor) {
  const base = () =>
    db
      .select({
        id: improvements.id,
        streamId: improvements.streamId,
        area: improvements.area,
        municipalityId: improvements.municipalityId,
        municipalityName: municipalities.name,
        regionCode: municipalities.regionCode,
        teamId: improvements.teamId,
        teamName: teams.name,
        personId: improvements.personId,
        authorName,
        sessionId: improvements.sessionId,
        sessionTitleRu: scheduleSessions.titleRu,
        sessionTitleEn: scheduleSessions.titleEn,
        problem: improvements.problem,
        proposal: improvements.proposal,
        expectedEffect: improvements.expectedEffect,
        createdByUserId: improvements.createdByUserId,
        createdAt: improvements.createdAt,
      })
      .from(improvements)
      .innerJoin(municipalities, eq(municipalities.id, improvements.municipalityId))
      .leftJoin(teams, eq(teams.id, improvements.teamId))
      .leftJoin(people, eq(people.id, improvements.personId))
      .leftJoin(scheduleSessions, eq(scheduleSessions.id, improvements.sessionId));

  return {
    /** `regions` limits a coordinator to improvements in municipalities of their regions (null: all). */
    async listBoard(streamId: string, f: Partial<ImprovementFilter>, regions: string[] | null, page?: { page: number; pageSize: number }) {
      const where = boardWhere(streamId, f, regions);
      const query = base().where(where).orderBy(...boardOrder(f));
      const [items, [total]] = await Promise.all([
        page ? query.limit(page.pageSize).offset(pageOffset(page.page, page.pageSize)) : query.limit(50_000),
        db.select({ value: count() }).from(improvements).innerJoin(municipalities, eq(municipalities.id, improvements.municipalityId)).where(where),
      ]);
      return { items, total: total?.value ?? 0 };
    },
    async findImprovement(id: string) {
      const [row] = await base().where(eq(improvements.id, id));
      return row ?? null;
    },
    async countByArea(streamId: string, regions: string[] | null) {
      return db
        .select({ area: improvements.area, count: count() })
        .from(improvements)
        .innerJoin(municipalities, eq(municipalities.id, improvements.municipalityId))
        .where(boardWhere(streamId, {}, regions))
        .groupBy(improvements.area);
    },
    async insert(values: typeof improvements.$inferInsert) {
      const [row] = await db.insert(improvements).values(values).returning({ id: improvements.id });
      return row!;
    },
    async update(id: string, values: Partial<typeof improvements.$inferInsert>) {
      await db.update(improvements).set({ ...values, updatedAt: new Date() }).where(eq(improvements.id, id));
    },
    async remove(id: string) {
      await db.delete(improvements).where(eq(improvements.id, id));
    },
    async municipalityExists(id: string) {
      const [row] = await db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.id, id));
      return Boolean(row);
    },
    /** A strategic session of the stream (sessions belong to a stream through their module). */
    async isStrategicSession(streamId: string, sessionId: string) {
      const [row] = await db
        .select({ id: scheduleSessions.id })
        .from(scheduleSessions)
        .innerJoin(scheduleModules, eq(scheduleModules.id, scheduleSessions.moduleId))
        .where(and(eq(scheduleSessions.id, sessionId), eq(scheduleModules.streamId, streamId), eq(scheduleSessions.kind, 'strategic_session')));
      return Boolean(row);
    },
    async teamInStream(streamId: string, teamId: string) {
      const [row] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, teamId), eq(teams.streamId, streamId)));
      return Boolean(row);
    },
    async isEnrolled(streamId: string, personId: string) {
      const [row] = await db.select({ id: enrolments.id }).from(enrolments).where(and(eq(enrolments.personId, personId), eq(enrolments.streamId, streamId), ne(enrolments.status, 'withdrawn')));
      return Boolean(row);
    },
    async personMunicipality(personId: string) {
      const [row] = await db.select({ municipalityId: people.municipalityId }).from(people).where(eq(people.id, personId));
      return row?.municipalityId ?? null;
    },
  };
}

export type ImprovementRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createImprovementsRepo>['findImprovement']>>>;
