import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type { UsersQuery } from '@ms/contracts/users';
import type * as schema from '../../db/schema/index.ts';
import { intakes, organisations, people, programmes, regions, roleGrants, sessions, streams, users } from '../../db/schema/index.ts';
import type { Role } from '../../lib/access.ts';
import { likePattern } from '../../lib/pagination.ts';
import type { PlacedGrant } from './users.policy.ts';

/** The database or a transaction on it. */
export type Executor = PgDatabase<NodePgQueryResultHKT, typeof schema>;

/** Where a staff member may look: the scope columns of one of their staff grants (null = any). */
export interface ScopeFilter {
  organisationId: string | null;
  programmeId: string | null;
  streamId: string | null;
}

export type UserRow = typeof users.$inferSelect;
export type NewGrant = Omit<typeof roleGrants.$inferInsert, 'id' | 'createdAt' | 'userId'>;

const SORT_COLUMNS = { email: users.email, displayName: users.displayName, createdAt: users.createdAt } as const;

/**
 * "This user holds a grant (of this role) inside one of these scopes." Grants may store only a
 * stream or a programme, so the organisation and programme above them are joined in.
 */
function grantInScope(scopes: readonly ScopeFilter[] | 'all', role: Role | undefined): SQL | undefined {
  if (scopes === 'all' && !role) return undefined;
  const roleCondition = role ? sql`and g.role = ${role}` : sql``;
  let scopeCondition = sql``;
  if (scopes !== 'all') {
    const alternatives = scopes.map((s) => {
      const parts = [sql`true`];
      if (s.organisationId) parts.push(sql`coalesce(g.organisation_id, p.organisation_id) = ${s.organisationId}`);
      if (s.programmeId) parts.push(sql`coalesce(g.programme_id, i.programme_id) = ${s.programmeId}`);
      if (s.streamId) parts.push(sql`g.stream_id = ${s.streamId}`);
      return sql`(${sql.join(parts, sql` and `)})`;
    });
    scopeCondition = alternatives.length > 0 ? sql`and (${sql.join(alternatives, sql` or `)})` : sql`and false`;
  }
  return sql`exists (
    select 1 from role_grants g
    left join streams s on s.id = g.stream_id
    left join intakes i on i.id = s.intake_id
    left join programmes p on p.id = coalesce(g.programme_id, i.programme_id)
    where g.user_id = ${users.id} ${roleCondition} ${scopeCondition})`;
}

export function createUsersRepo(db: Executor) {
  return {
    /** One page of users matching the filters, and how many match in all. */
    async listUsers(query: UsersQuery, scopes: readonly ScopeFilter[] | 'all') {
      const conditions: SQL[] = [];
      if (query.q) {
        const pattern = likePattern(query.q);
        conditions.push(or(ilike(users.email, pattern), ilike(users.displayName, pattern))!);
      }
      const scoped = grantInScope(scopes, query.role);
      if (scoped) conditions.push(scoped);
      const where = conditions.length > 0 ? and(...conditions) : undefined;
      const direction = query.order === 'asc' ? asc : desc;
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(users)
          .where(where)
          .orderBy(direction(SORT_COLUMNS[query.sort]), direction(users.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ value: count() }).from(users).where(where),
      ]);
      return { rows, total: total?.value ?? 0 };
    },

    async findUser(id: string, options: { isLocking?: boolean } = {}): Promise<UserRow | undefined> {
      const query = db.select().from(users).where(eq(users.id, id));
      const [row] = options.isLocking ? await query.for('update') : await query;
      return row;
    },

    async findUserByEmail(email: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
      return row;
    },

    /** The grants of these users, each with the organisation and programme it sits in. */
    async findPlacedGrants(userIds: readonly string[]): Promise<Array<PlacedGrant & { id: string; userId: string }>> {
      if (userIds.length === 0) return [];
      const effectiveProgramme = sql<string | null>`coalesce(${roleGrants.programmeId}, ${intakes.programmeId})`;
      const rows = await db
        .select({
          id: roleGrants.id,
          userId: roleGrants.userId,
          role: roleGrants.role,
          organisationId: roleGrants.organisationId,
          programmeId: roleGrants.programmeId,
          streamId: roleGrants.streamId,
          regionCode: roleGrants.regionCode,
          effectiveProgrammeId: effectiveProgramme,
          effectiveOrganisationId: sql<string | null>`coalesce(${roleGrants.organisationId}, ${programmes.organisationId})`,
        })
        .from(roleGrants)
        .leftJoin(streams, eq(streams.id, roleGrants.streamId))
        .leftJoin(intakes, eq(intakes.id, streams.intakeId))
        .leftJoin(programmes, eq(programmes.id, effectiveProgramme))
        .where(inArray(roleGrants.userId, [...userIds]))
        .orderBy(asc(roleGrants.createdAt), asc(roleGrants.id));
      return rows.map((r) => ({ ...r, role: r.role as Role }));
    },

    /** Stream → programme → organisation, for the streams named in new grants. */
    async findStreamPlaces(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ streamId: streams.id, programmeId: intakes.programmeId, organisationId: programmes.organisationId })
        .from(streams)
        .innerJoin(intakes, eq(intakes.id, streams.intakeId))
        .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
        .where(inArray(streams.id, [...ids]));
    },

    async findProgrammePlaces(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ programmeId: programmes.id, organisationId: programmes.organisationId })
        .from(programmes)
        .where(inArray(programmes.id, [...ids]));
    },

    async findOrganisationIds(ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, [...ids]));
      return rows.map((r) => r.id);
    },

    async findRegionCodes(codes: readonly string[]): Promise<string[]> {
      if (codes.length === 0) return [];
      const rows = await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, [...codes]));
      return rows.map((r) => r.code);
    },

    /** A not-yet-linked, not-erased person with this e-mail: the account becomes theirs. */
    async findLinkablePersonId(email: string): Promise<string | null> {
      const [row] = await db
        .select({ id: people.id })
        .from(people)
        .where(
          and(
            eq(people.email, email.toLowerCase()),
            isNull(people.erasedAt),
            sql`not exists (select 1 from users u where u.person_id = ${people.id})`,
          ),
        );
      return row?.id ?? null;
    },

    async insertUser(values: typeof users.$inferInsert): Promise<UserRow> {
      const [row] = await db.insert(users).values(values).returning();
      return row!;
    },

    async insertGrants(userId: string, grants: readonly NewGrant[]) {
      if (grants.length === 0) return;
      await db.insert(roleGrants).values(grants.map((g) => ({ ...g, userId })));
    },

    async deleteGrants(userId: string, ids: readonly string[]) {
      if (ids.length === 0) return;
      await db.delete(roleGrants).where(and(eq(roleGrants.userId, userId), inArray(roleGrants.id, [...ids])));
    },

    async setActive(userId: string, isActive: boolean) {
      await db.update(users).set({ isActive }).where(eq(users.id, userId));
    },

    async setPasswordHash(userId: string, passwordHash: string) {
      await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
    },

    async deleteSessions(userId: string): Promise<number> {
      const deleted = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
      return deleted.length;
    },
  };
}

export type UsersRepo = ReturnType<typeof createUsersRepo>;
