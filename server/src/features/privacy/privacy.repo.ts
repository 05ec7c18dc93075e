import { and, asc, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type * as schema from '../../db/schema/index.ts';
import {
  auditLog,
  consentDocuments,
  consents,
  enrolments,
  intakes,
  municipalities,
  outbox,
  people,
  programmes,
  roleGrants,
  sessions,
  streams,
  users,
} from '../../db/schema/index.ts';

/** The database or a transaction on it. */
export type Executor = PgDatabase<NodePgQueryResultHKT, typeof schema>;

export type ConsentRow = typeof consents.$inferSelect;

/** Consent documents and a person's consents. */
export function createConsentRepo(db: Executor) {
  return {
    async findCurrentDocument() {
      const [row] = await db.select().from(consentDocuments).orderBy(desc(consentDocuments.publishedAt), desc(consentDocuments.version)).limit(1);
      return row;
    },
    async findDocument(version: string) {
      const [row] = await db.select().from(consentDocuments).where(eq(consentDocuments.version, version));
      return row;
    },
    async insertDocument(values: typeof consentDocuments.$inferInsert) {
      const [row] = await db.insert(consentDocuments).values(values).onConflictDoNothing().returning();
      return row;
    },
    listConsents(personId: string): Promise<ConsentRow[]> {
      return db.select().from(consents).where(eq(consents.personId, personId)).orderBy(asc(consents.grantedAt), asc(consents.id));
    },
    async findActiveConsent(personId: string, version: string) {
      const [row] = await db
        .select()
        .from(consents)
        .where(and(eq(consents.personId, personId), eq(consents.documentVersion, version), isNull(consents.withdrawnAt)));
      return row;
    },
    async insertConsent(values: typeof consents.$inferInsert): Promise<ConsentRow> {
      const [row] = await db.insert(consents).values(values).returning();
      return row!;
    },
    async findConsent(id: string, personId: string, options: { isLocking?: boolean } = {}) {
      const query = db.select().from(consents).where(and(eq(consents.id, id), eq(consents.personId, personId)));
      const [row] = options.isLocking ? await query.for('update') : await query;
      return row;
    },
    async withdrawConsent(id: string, at: Date): Promise<ConsentRow> {
      const [row] = await db.update(consents).set({ withdrawnAt: at }).where(eq(consents.id, id)).returning();
      return row!;
    },
  };
}

/** Everything about one person and their account, for the right-of-access export. */
export function createExportRepo(db: Executor) {
  return {
    async findAccount(userId: string) {
      const [row] = await db.select().from(users).where(eq(users.id, userId));
      return row;
    },
    async findPerson(personId: string) {
      const [row] = await db
        .select({ person: people, municipalityName: municipalities.name })
        .from(people)
        .leftJoin(municipalities, eq(municipalities.id, people.municipalityId))
        .where(eq(people.id, personId));
      return row;
    },
    findEnrolments(personId: string) {
      return db
        .select({
          id: enrolments.id,
          status: enrolments.status,
          enrolledAt: enrolments.enrolledAt,
          streamId: streams.id,
          streamNameRu: streams.nameRu,
          streamNameEn: streams.nameEn,
          programmeId: programmes.id,
          programmeNameRu: programmes.nameRu,
          programmeNameEn: programmes.nameEn,
        })
        .from(enrolments)
        .innerJoin(streams, eq(streams.id, enrolments.streamId))
        .innerJoin(intakes, eq(intakes.id, streams.intakeId))
        .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
        .where(eq(enrolments.personId, personId))
        .orderBy(asc(enrolments.enrolledAt));
    },
    findGrants(userId: string) {
      return db
        .select({
          role: roleGrants.role,
          organisationId: roleGrants.organisationId,
          programmeId: roleGrants.programmeId,
          streamId: roleGrants.streamId,
          regionCode: roleGrants.regionCode,
        })
        .from(roleGrants)
        .where(eq(roleGrants.userId, userId));
    },
    /** Entries about the person or the account, and what the account did itself; newest first. */
    findAuditEntries(userId: string, personId: string | null, limit: number) {
      const about = [and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, userId)), eq(auditLog.actorUserId, userId)];
      if (personId) about.push(and(eq(auditLog.entity, 'person'), eq(auditLog.entityId, personId)));
      return db
        .select()
        .from(auditLog)
        .where(or(...about))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(limit);
    },
  };
}

/** Erasure: anonymise the person, close their accounts, keep what the programme's numbers rest on. */
export function createErasureRepo(db: Executor) {
  return {
    /** Where the person is enrolled: the scope staff need to hold to erase them. */
    findPlaces(personId: string) {
      return db
        .select({ organisationId: programmes.organisationId, programmeId: programmes.id, streamId: streams.id })
        .from(enrolments)
        .innerJoin(streams, eq(streams.id, enrolments.streamId))
        .innerJoin(intakes, eq(intakes.id, streams.intakeId))
        .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
        .where(eq(enrolments.personId, personId));
    },
    /** Roles held by the person's accounts: staff may not erase an administrator or a colleague. */
    async findAccountRoles(personId: string): Promise<string[]> {
      const rows = await db
        .selectDistinct({ role: roleGrants.role })
        .from(roleGrants)
        .innerJoin(users, eq(users.id, roleGrants.userId))
        .where(eq(users.personId, personId));
      return rows.map((r) => r.role);
    },
    async lockPerson(personId: string) {
      const [row] = await db.select().from(people).where(eq(people.id, personId)).for('update');
      return row;
    },
    async anonymisePerson(personId: string, placeholders: { lastName: string; firstName: string }, at: Date) {
      await db
        .update(people)
        .set({ ...placeholders, middleName: null, email: null, phone: null, birthDate: null, position: null, erasedAt: at, updatedAt: at })
        .where(eq(people.id, personId));
    },
    /** Deactivates and scrubs every account of the person; returns their former addresses for the outbox. */
    async closeAccounts(personId: string, displayName: string): Promise<Array<{ id: string; email: string }>> {
      const before = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.personId, personId)).for('update');
      if (before.length === 0) return [];
      const ids = before.map((u) => u.id);
      await db
        .update(users)
        .set({
          // The column is unique and required: a placeholder per account that can never receive mail (.invalid).
          email: sql`'erased-' || ${users.id}::text || '@erased.invalid'`,
          displayName,
          passwordHash: null,
          totpSecret: null,
          isTotpEnabled: false,
          isActive: false,
        })
        .where(inArray(users.id, ids));
      await db.delete(sessions).where(inArray(sessions.userId, ids));
      return before;
    },
    async withdrawActiveConsents(personId: string, at: Date) {
      await db.update(consents).set({ withdrawnAt: at }).where(and(eq(consents.personId, personId), isNull(consents.withdrawnAt)));
    },
    /** Mail bodies hold names and addresses: blank them, keep that a message was sent. */
    async scrubOutbox(addresses: readonly string[], userIds: readonly string[]) {
      const conditions = [];
      if (addresses.length > 0) conditions.push(inArray(outbox.toAddress, [...addresses]));
      if (userIds.length > 0) conditions.push(inArray(sql`${outbox.meta}->>'userId'`, [...userIds]));
      if (conditions.length === 0) return;
      await db
        .update(outbox)
        .set({ toAddress: 'erased@erased.invalid', textBody: '', meta: {} })
        .where(or(...conditions));
    },
    async countEnrolments(personId: string): Promise<number> {
      const [row] = await db.select({ value: count() }).from(enrolments).where(eq(enrolments.personId, personId));
      return row?.value ?? 0;
    },
  };
}
