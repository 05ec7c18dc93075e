import { and, asc, count, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.ts';
import { enrolments, intakes, organisations, programmes, rosterRevision, streams } from '../../db/schema/index.ts';
import type { Actor, Role } from '../../lib/access.ts';
import { likePattern, pageOffset } from '../../lib/pagination.ts';
import { isPlatformWide, type ResolvedScope, type VisibleScopes } from './programmes.policy.ts';

/** The database or a transaction: repos work on either so a write and its audit commit together. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute' | '$with' | 'with'>;

/** The constraint name when the error is a PostgreSQL unique violation (23505), else null. */
export function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const pgError = e as { code?: string; constraint?: string };
    if (pgError.code === '23505') return pgError.constraint ?? '';
  }
  return null;
}

/** Columns a list query exposes for the scope filter; deeper levels pass more of them. */
export interface ScopeColumns {
  organisationId: AnyPgColumn;
  programmeId?: AnyPgColumn;
  intakeId?: AnyPgColumn;
  streamId?: AnyPgColumn;
}

/** The SQL twin of canViewNode: undefined when everything is visible. */
export function scopeCondition(scopes: VisibleScopes, columns: ScopeColumns): SQL | undefined {
  if (scopes === 'all') return undefined;
  if (scopes.length === 0) return sql`false`;
  const alternatives = scopes.map((scope) => {
    const parts: SQL[] = [];
    if (scope.organisationId) parts.push(eq(columns.organisationId, scope.organisationId));
    if (columns.programmeId && scope.programmeId) parts.push(eq(columns.programmeId, scope.programmeId));
    if (columns.intakeId && scope.intakeId) parts.push(eq(columns.intakeId, scope.intakeId));
    if (columns.streamId && scope.streamId) parts.push(eq(columns.streamId, scope.streamId));
    return parts.length > 0 ? and(...parts)! : sql`true`;
  });
  return or(...alternatives);
}

export const PARTICIPANT_COUNT = sql<number>`(select count(*) from ${enrolments} where ${enrolments.streamId} = ${streams.id} and ${enrolments.status} <> 'withdrawn')`.mapWith(Number);

const streamColumns = {
  id: streams.id,
  intakeId: streams.intakeId,
  programmeId: intakes.programmeId,
  organisationId: programmes.organisationId,
  number: streams.number,
  nameRu: streams.nameRu,
  nameEn: streams.nameEn,
  startsOn: streams.startsOn,
  endsOn: streams.endsOn,
  createdAt: streams.createdAt,
};

interface Page {
  page: number;
  pageSize: number;
}

export function createProgrammesRepo(db: Executor) {
  let streamPathQuery: ReturnType<typeof buildStreamPathQuery> | null = null;
  function buildStreamPathQuery() {
    return db
      .select({
        streamId: streams.id,
        intakeId: streams.intakeId,
        programmeId: intakes.programmeId,
        organisationId: programmes.organisationId,
        startsOn: streams.startsOn,
        // Read here so that roster caches cost no extra round trip (migration 0010 keeps it current).
        rosterRevision: sql<number>`(select ${rosterRevision.revision} from ${rosterRevision} where ${rosterRevision.id} = 1)`.mapWith(Number),
      })
      .from(streams)
      .innerJoin(intakes, eq(intakes.id, streams.intakeId))
      .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
      .where(eq(streams.id, sql.placeholder('id')))
      .prepare('programmes_find_stream_path');
  }
  const findStreamPathPrepared = () => (streamPathQuery ??= buildStreamPathQuery());

  return {
    /**
     * Resolves the actor's grants and live enrolments into full paths (two small queries), so list
     * filters and visibility checks can compare at any level.
     */
    async resolveScopes(actor: Actor): Promise<VisibleScopes> {
      if (isPlatformWide(actor)) return 'all';
      const streamIds = [...new Set(actor.grants.filter((g) => g.streamId).map((g) => g.streamId!))];
      const programmeIds = [...new Set(actor.grants.filter((g) => !g.streamId && g.programmeId).map((g) => g.programmeId!))];
      const streamCondition = or(
        streamIds.length > 0 ? inArray(streams.id, streamIds) : undefined,
        actor.personId
          ? inArray(
              streams.id,
              db
                .select({ id: enrolments.streamId })
                .from(enrolments)
                .where(and(eq(enrolments.personId, actor.personId), ne(enrolments.status, 'withdrawn'))),
            )
          : undefined,
      );
      const [streamRows, programmeRows] = await Promise.all([
        streamCondition
          ? db
              .select({ streamId: streams.id, intakeId: streams.intakeId, programmeId: intakes.programmeId, organisationId: programmes.organisationId })
              .from(streams)
              .innerJoin(intakes, eq(intakes.id, streams.intakeId))
              .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
              .where(streamCondition)
          : Promise.resolve([]),
        programmeIds.length > 0
          ? db.select({ programmeId: programmes.id, organisationId: programmes.organisationId }).from(programmes).where(inArray(programmes.id, programmeIds))
          : Promise.resolve([]),
      ]);
      const streamById = new Map(streamRows.map((row) => [row.streamId, row]));
      const programmeById = new Map(programmeRows.map((row) => [row.programmeId, row]));
      const scopes: ResolvedScope[] = [];
      for (const grant of actor.grants) {
        const role = grant.role as Role;
        if (grant.streamId) {
          const row = streamById.get(grant.streamId);
          // A grant whose own columns contradict the stream's ancestors covers nothing.
          if (!row || (grant.programmeId && grant.programmeId !== row.programmeId) || (grant.organisationId && grant.organisationId !== row.organisationId)) continue;
          scopes.push({ role, ...row });
        } else if (grant.programmeId) {
          const row = programmeById.get(grant.programmeId);
          if (!row || (grant.organisationId && grant.organisationId !== row.organisationId)) continue;
          scopes.push({ role, organisationId: row.organisationId, programmeId: row.programmeId, intakeId: null, streamId: null });
        } else if (grant.organisationId) {
          scopes.push({ role, organisationId: grant.organisationId, programmeId: null, intakeId: null, streamId: null });
        }
      }
      // Enrolled streams not already covered by a stream grant.
      for (const row of streamRows) {
        if (!streamIds.includes(row.streamId)) scopes.push({ role: 'enrolled', ...row });
      }
      return scopes;
    },

    async listOrganisations(scopes: VisibleScopes, query: Page & { q?: string }) {
      const where = and(
        scopeCondition(scopes, { organisationId: organisations.id }),
        query.q ? or(ilike(organisations.nameRu, likePattern(query.q)), ilike(organisations.nameEn, likePattern(query.q))) : undefined,
      );
      const [items, [total]] = await Promise.all([
        db.select().from(organisations).where(where).orderBy(asc(organisations.nameRu), asc(organisations.id)).limit(query.pageSize).offset(pageOffset(query.page, query.pageSize)),
        db.select({ value: count() }).from(organisations).where(where),
      ]);
      return { items, total: total?.value ?? 0 };
    },
    async findOrganisation(id: string) {
      const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
      return row ?? null;
    },
    async insertOrganisation(values: typeof organisations.$inferInsert) {
      const [row] = await db.insert(organisations).values(values).returning();
      return row!;
    },
    async updateOrganisation(id: string, values: Partial<typeof organisations.$inferInsert>) {
      const [row] = await db.update(organisations).set(values).where(eq(organisations.id, id)).returning();
      return row!;
    },

    async listProgrammes(scopes: VisibleScopes, query: Page & { q?: string; organisationId?: string }) {
      const where = and(
        scopeCondition(scopes, { organisationId: programmes.organisationId, programmeId: programmes.id }),
        query.organisationId ? eq(programmes.organisationId, query.organisationId) : undefined,
        query.q ? or(ilike(programmes.nameRu, likePattern(query.q)), ilike(programmes.nameEn, likePattern(query.q))) : undefined,
      );
      const [items, [total]] = await Promise.all([
        db.select().from(programmes).where(where).orderBy(asc(programmes.nameRu), asc(programmes.id)).limit(query.pageSize).offset(pageOffset(query.page, query.pageSize)),
        db.select({ value: count() }).from(programmes).where(where),
      ]);
      return { items, total: total?.value ?? 0 };
    },
    async findProgramme(id: string) {
      const [row] = await db.select().from(programmes).where(eq(programmes.id, id));
      return row ?? null;
    },
    async insertProgramme(values: typeof programmes.$inferInsert) {
      const [row] = await db.insert(programmes).values(values).returning();
      return row!;
    },
    async updateProgramme(id: string, values: Partial<typeof programmes.$inferInsert>) {
      const [row] = await db.update(programmes).set(values).where(eq(programmes.id, id)).returning();
      return row!;
    },

    async listIntakes(scopes: VisibleScopes, query: Page & { programmeId?: string }) {
      const where = and(
        scopeCondition(scopes, { organisationId: programmes.organisationId, programmeId: intakes.programmeId, intakeId: intakes.id }),
        query.programmeId ? eq(intakes.programmeId, query.programmeId) : undefined,
      );
      const base = () => db.select({ intake: intakes, organisationId: programmes.organisationId }).from(intakes).innerJoin(programmes, eq(programmes.id, intakes.programmeId));
      const [items, [total]] = await Promise.all([
        base().where(where).orderBy(sql`${intakes.startsOn} desc`, asc(intakes.id)).limit(query.pageSize).offset(pageOffset(query.page, query.pageSize)),
        db.select({ value: count() }).from(intakes).innerJoin(programmes, eq(programmes.id, intakes.programmeId)).where(where),
      ]);
      return { items: items.map((r) => ({ ...r.intake, organisationId: r.organisationId })), total: total?.value ?? 0 };
    },
    async findIntake(id: string) {
      const [row] = await db
        .select({ intake: intakes, organisationId: programmes.organisationId })
        .from(intakes)
        .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
        .where(eq(intakes.id, id));
      return row ? { ...row.intake, organisationId: row.organisationId } : null;
    },
    async insertIntake(values: typeof intakes.$inferInsert) {
      const [row] = await db.insert(intakes).values(values).returning();
      return row!;
    },
    async updateIntake(id: string, values: Partial<typeof intakes.$inferInsert>) {
      await db.update(intakes).set(values).where(eq(intakes.id, id));
    },

    async listStreams(scopes: VisibleScopes, query: Page & { programmeId?: string; intakeId?: string }) {
      const where = and(
        scopeCondition(scopes, { organisationId: programmes.organisationId, programmeId: intakes.programmeId, intakeId: streams.intakeId, streamId: streams.id }),
        query.programmeId ? eq(intakes.programmeId, query.programmeId) : undefined,
        query.intakeId ? eq(streams.intakeId, query.intakeId) : undefined,
      );
      const [items, [total]] = await Promise.all([
        db
          .select({ ...streamColumns, participantCount: PARTICIPANT_COUNT })
          .from(streams)
          .innerJoin(intakes, eq(intakes.id, streams.intakeId))
          .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
          .where(where)
          .orderBy(sql`${streams.startsOn} desc`, asc(streams.number), asc(streams.id))
          .limit(query.pageSize)
          .offset(pageOffset(query.page, query.pageSize)),
        db
          .select({ value: count() })
          .from(streams)
          .innerJoin(intakes, eq(intakes.id, streams.intakeId))
          .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
          .where(where),
      ]);
      return { items, total: total?.value ?? 0 };
    },
    /** A stream with its intake, programme and organisation ids: the path every stream check needs. */
    async findStream(id: string) {
      const [row] = await db
        .select({ ...streamColumns, participantCount: PARTICIPANT_COUNT })
        .from(streams)
        .innerJoin(intakes, eq(intakes.id, streams.intakeId))
        .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
        .where(eq(streams.id, id));
      return row ?? null;
    },
    /** The stream's ancestors and start date only (primary-key joins): the cheap check hot paths run first. */
    /** A stream's place in the tree; prepared, since every stream-scoped request starts with it. */
    async findStreamPath(id: string) {
      const [row] = await findStreamPathPrepared().execute({ id });
      return row ?? null;
    },
    async insertStream(values: typeof streams.$inferInsert) {
      const [row] = await db.insert(streams).values(values).returning({ id: streams.id });
      return row!;
    },
    async updateStream(id: string, values: Partial<typeof streams.$inferInsert>) {
      await db.update(streams).set(values).where(eq(streams.id, id));
    },
  };
}

export type ProgrammesRepo = ReturnType<typeof createProgrammesRepo>;
export type StreamRow = NonNullable<Awaited<ReturnType<ProgrammesRepo['findStream']>>>;
