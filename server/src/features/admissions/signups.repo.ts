import { and, eq, gt, isNull } from 'drizzle-orm';
import { accountTokens, admissionSignups, people, users } from '../../db/schema/index.ts';
import type { Executor } from '../programmes/programmes.repo.ts';

/** Pending e-mail confirmations of the public form, and the account they turn into. */
export function createSignupsRepo(db: Executor) {
  return {
    async insertSignup(values: typeof admissionSignups.$inferInsert) {
      await db.insert(admissionSignups).values(values);
    },

    async findUsableSignup(id: string, now: Date) {
      const [row] = await db
        .select()
        .from(admissionSignups)
        .where(and(eq(admissionSignups.id, id), isNull(admissionSignups.usedAt), gt(admissionSignups.expiresAt, now)));
      return row ?? null;
    },

    /** Marks the link used and returns it, atomically: a confirmation link works exactly once. */
    async consumeSignup(id: string, now: Date) {
      const [row] = await db
        .update(admissionSignups)
        .set({ usedAt: now })
        .where(and(eq(admissionSignups.id, id), isNull(admissionSignups.usedAt), gt(admissionSignups.expiresAt, now)))
        .returning();
      return row ?? null;
    },

    async findUserByEmail(email: string) {
      const [row] = await db.select({ id: users.id, personId: users.personId }).from(users).where(eq(users.email, email));
      return row ?? null;
    },

    async findPersonByEmail(email: string) {
      const [row] = await db.select({ id: people.id }).from(people).where(eq(people.email, email));
      return row ?? null;
    },

    async insertPerson(values: typeof people.$inferInsert) {
      const [row] = await db.insert(people).values(values).returning({ id: people.id });
      return row!.id;
    },

    async linkUserToPerson(userId: string, personId: string) {
      await db.update(users).set({ personId }).where(eq(users.id, userId));
    },

    /** An account without a password yet: the password is set through the invitation mechanism. */
    async insertUser(values: { email: string; displayName: string; personId: string; locale: string }) {
      const [row] = await db.insert(users).values(values).returning({ id: users.id });
      return row!.id;
    },

    async insertInvitationToken(values: { id: string; userId: string; expiresAt: Date }) {
      await db.insert(accountTokens).values({ ...values, purpose: 'invitation' });
    },
  };
}
