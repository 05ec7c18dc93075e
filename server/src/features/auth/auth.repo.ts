import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { accountTokens, roleGrants, sessions, users } from '../../db/schema/index.ts';
import type { Grant, Role } from '../../lib/access.ts';

export type UserRow = typeof users.$inferSelect;

export function createAuthRepo(db: Database) {
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
    /** The live session for a token hash, with its user, or nothing when expired or idle too long. */
    async findLiveSession(id: string, now: Date, idleMs: number) {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(
            eq(sessions.id, id),
            gt(sessions.expiresAt, now),
            gt(sessions.lastSeenAt, new Date(now.getTime() - idleMs)),
            eq(users.isActive, true),
          ),
        );
      return row;
    },
    async touchSession(id: string, now: Date) {
      // Only write once a minute per session, so reads stay reads.
      await db
        .update(sessions)
        .set({ lastSeenAt: now })
        .where(and(eq(sessions.id, id), sql`${sessions.lastSeenAt} < ${new Date(now.getTime() - 60_000)}`));
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
