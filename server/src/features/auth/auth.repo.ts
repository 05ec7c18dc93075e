import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { accountTokens, roleGrants, sessions, users } from '../../db/schema/index.ts';
import type { Grant, Role } from '../../lib/access.ts';

export type UserRow = typeof users.$inferSelect;

export function createAuthRepo(db: Database) {
  const grantsJson = sql<Grant[]>`coalesce((
    select json_agg(json_build_object('role', g.role, 'organisationId', g.organisation_id, 'programmeId', g.programme_id,
                                      'streamId', g.stream_id, 'regionCode', g.region_code))
    from ${roleGrants} g where g.user_id = ${users.id}), '[]'::json)`;
  const findLiveSessionPrepared = db
    .select({ session: sessions, user: users, grants: grantsJson })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.lastSeenAt, sql.placeholder('idleSince')),
        eq(users.isActive, true),
      ),
    )
    .prepare('auth_find_live_session');

  return {
    findUserByEmail(email: string) {
      return db.query.users.findFirst({ where: eq(users.email, email.toLowerCase()) });
    },
    findUserById(id: string) {
      return db.query.users.findFirst({ where: eq(users.id, id) });
    },
    async findGrants(userId: string): Promise<Grant[]> {
      const rows = await db
        .select({
          role: roleGrants.role,
          organisationId: roleGrants.organisationId,
          programmeId: roleGrants.programmeId,
          streamId: roleGrants.streamId,
          regionCode: roleGrants.regionCode,
        })
        .from(roleGrants)
        .where(eq(roleGrants.userId, userId));
      return rows.map((r) => ({ ...r, role: r.role as Role }));
    },
    /**
     * The live session for a token hash, with its user and grants, in one round trip: it runs on every
     * request, so it is a prepared statement (built once, planned once per connection).
     */
    async findLiveSession(id: string, now: Date, idleMs: number) {
      const [row] = await findLiveSessionPrepared.execute({ id, now, idleSince: new Date(now.getTime() - idleMs) });
      return row;
    },
    async touchSession(id: string, now: Date) {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    },
    async createSession(values: typeof sessions.$inferInsert) {
      await db.insert(sessions).values(values);
    },
    async deleteSession(id: string) {
      await db.delete(sessions).where(eq(sessions.id, id));
    },
    async deleteUserSessions(userId: string) {
      const deleted = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
      return deleted.length;
    },
    async setPassword(userId: string, passwordHash: string) {
      await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
    },
    async setLocale(userId: string, locale: string) {
      await db.update(users).set({ locale }).where(eq(users.id, userId));
    },
    async setTotp(userId: string, values: { totpSecret: string | null; isTotpEnabled: boolean }) {
      await db.update(users).set(values).where(eq(users.id, userId));
    },
    async createToken(values: typeof accountTokens.$inferInsert) {
      await db.insert(accountTokens).values(values);
    },
    /** Marks a one-time token used and returns it, atomically, so a link works exactly once. */
    async consumeToken(id: string, purpose: string, now: Date) {
      const [row] = await db
        .update(accountTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(accountTokens.id, id),
            eq(accountTokens.purpose, purpose),
            isNull(accountTokens.usedAt),
            gt(accountTokens.expiresAt, now),
          ),
        )
        .returning();
      return row;
    },
    async findUsableToken(id: string, purpose: string, now: Date) {
      return db.query.accountTokens.findFirst({
        where: and(
          eq(accountTokens.id, id),
          eq(accountTokens.purpose, purpose),
          isNull(accountTokens.usedAt),
          gt(accountTokens.expiresAt, now),
        ),
      });
    },
  };
}

export type AuthRepo = ReturnType<typeof createAuthRepo>;
