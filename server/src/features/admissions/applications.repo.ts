import { and, asc, count, desc, eq, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import {
  admissionApplications,
  admissionCampaigns,
  admissionDocuments,
  consentDocuments,
  consents,
  municipalities,
  people,
} from '../../db/schema/index.ts';
import { pageOffset } from '../../lib/pagination.ts';
import type { Executor } from '../programmes/programmes.repo.ts';

export type ApplicationValues = Partial<typeof admissionApplications.$inferInsert>;

const documentColumns = {
  id: admissionDocuments.id,
  applicationId: admissionDocuments.applicationId,
  kind: admissionDocuments.kind,
  fileName: admissionDocuments.fileName,
  mediaType: admissionDocuments.mediaType,
  sizeBytes: admissionDocuments.sizeBytes,
  createdAt: admissionDocuments.createdAt,
};

/** Applications as their applicants and the campaign's staff see them. */
export function createApplicationsRepo(db: Executor) {
  const ownQuery = () =>
    db
      .select({ application: admissionApplications, person: people, campaign: admissionCampaigns })
      .from(admissionApplications)
      .innerJoin(people, eq(people.id, admissionApplications.personId))
      .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, admissionApplications.campaignId));

  const ownerCondition = (owner: { userId: string | null; personId: string | null }): SQL =>
    or(
      owner.userId ? eq(admissionApplications.userId, owner.userId) : sql`false`,
      owner.personId ? eq(admissionApplications.personId, owner.personId) : sql`false`,
    )!;

  return {
    /** The applicant's application by id; someone else's is simply not found. */
    async findOwn(id: string, owner: { userId: string | null; personId: string | null }, options: { isLocking?: boolean } = {}) {
      const query = ownQuery().where(and(eq(admissionApplications.id, id), ownerCondition(owner)));
      const [row] = options.isLocking ? await query.for('update', { of: admissionApplications }) : await query;
      return row ?? null;
    },

    listOwn(owner: { userId: string | null; personId: string | null }) {
      return ownQuery().where(ownerCondition(owner)).orderBy(desc(admissionApplications.createdAt));
    },

    /** Inserts a draft unless the person already applied to the campaign; returns the application either way. */
    async upsertDraft(values: { campaignId: string; personId: string; userId: string }) {
      await db.insert(admissionApplications).values(values).onConflictDoNothing();
      const [row] = await db
        .select({ id: admissionApplications.id })
        .from(admissionApplications)
        .where(and(eq(admissionApplications.campaignId, values.campaignId), eq(admissionApplications.personId, values.personId)));
      return row!.id;
    },

    async updateApplication(id: string, values: ApplicationValues) {
      await db.update(admissionApplications).set(values).where(eq(admissionApplications.id, id));
    },

    async updatePerson(id: string, values: Partial<typeof people.$inferInsert>) {
      await db.update(people).set(values).where(eq(people.id, id));
    },

    async municipalityRegion(id: string): Promise<string | null> {
      const [row] = await db.select({ regionCode: municipalities.regionCode }).from(municipalities).where(eq(municipalities.id, id));
      return row?.regionCode ?? null;
    },

    listDocuments(applicationIds: string[]) {
      if (applicationIds.length === 0) return Promise.resolve([]);
      return db
        .select(documentColumns)
        .from(admissionDocuments)
        .where(sql`${admissionDocuments.applicationId} = any(${sql.param(applicationIds)}::uuid[])`)
        .orderBy(asc(admissionDocuments.createdAt));
    },

    async countDocuments(applicationId: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(admissionDocuments).where(eq(admissionDocuments.applicationId, applicationId));
      return row?.n ?? 0;
    },

    async insertDocument(values: typeof admissionDocuments.$inferInsert) {
      const [row] = await db.insert(admissionDocuments).values(values).returning(documentColumns);
      return row!;
    },

    async deleteDocument(applicationId: string, documentId: string): Promise<boolean> {
      const rows = await db
        .delete(admissionDocuments)
        .where(and(eq(admissionDocuments.id, documentId), eq(admissionDocuments.applicationId, applicationId)))
        .returning({ id: admissionDocuments.id });
      return rows.length > 0;
    },

    /** The consent version in force and whether the person has an active consent to it. */
    async consentState(personId: string): Promise<{ version: string | null; hasConsent: boolean }> {
      const [current] = await db.select({ version: consentDocuments.version }).from(consentDocuments).orderBy(desc(consentDocuments.publishedAt), desc(consentDocuments.version)).limit(1);
      if (!current) return { version: null, hasConsent: false };
      const [active] = await db
        .select({ id: consents.id })
        .from(consents)
        .where(and(eq(consents.personId, personId), eq(consents.documentVersion, current.version), sql`${consents.withdrawnAt} is null`));
      return { version: current.version, hasConsent: Boolean(active) };
    },

    /** A page of a campaign's applications for staff, best ranked first, then by submission. */
    async listForCampaign(campaignId: string, filter: { status?: string; region?: string; isEligible?: boolean; q?: string; page: number; pageSize: number }) {
      const conditions: SQL[] = [eq(admissionApplications.campaignId, campaignId)];
      if (filter.q) {
        // Any part of "Last First Middle" or the e-mail; LIKE's wildcards in the query are taken literally.
        const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conditions.push(sql`exists (select 1 from ${people} p where p.id = ${admissionApplications.personId} and (concat_ws(' ', p.last_name, p.first_name, p.middle_name) ilike ${pattern} or p.email ilike ${pattern}))`);
      }
      if (filter.status) conditions.push(eq(admissionApplications.status, filter.status));
      if (filter.region) conditions.push(eq(admissionApplications.regionCode, filter.region));
      if (filter.isEligible !== undefined) conditions.push(eq(admissionApplications.isEligible, filter.isEligible));
      const where = and(...conditions);
      const [total] = await db.select({ n: count() }).from(admissionApplications).where(where);
      const items = await db
        .select({ application: admissionApplications, lastName: people.lastName, firstName: people.firstName, middleName: people.middleName })
        .from(admissionApplications)
        .innerJoin(people, eq(people.id, admissionApplications.personId))
        .where(where)
        .orderBy(sql`${admissionApplications.rankPosition} asc nulls last`, sql`${admissionApplications.submittedAt} asc nulls last`, asc(admissionApplications.id))
        .limit(filter.pageSize)
        .offset(pageOffset(filter.page, filter.pageSize));
      return { total: total?.n ?? 0, items };
    },

    async hasSubmitted(campaignId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: admissionApplications.id })
        .from(admissionApplications)
        .where(and(eq(admissionApplications.campaignId, campaignId), isNotNull(admissionApplications.submittedAt)))
        .limit(1);
      return Boolean(row);
    },
  };
}
