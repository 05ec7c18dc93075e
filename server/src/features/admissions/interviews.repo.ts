import { and, asc, avg, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  admissionApplications,
  admissionCampaigns,
  admissionInterviewBookings,
  admissionInterviewPanel,
  admissionInterviewScores,
  admissionInterviewSlots,
  people,
  regions,
  users,
} from '../../db/schema/index.ts';
import { likePattern, pageOffset } from '../../lib/pagination.ts';
import type { Executor } from '../programmes/programmes.repo.ts';
import { APPLICANT_LETTER_COLUMNS } from './applicant-letter.repo.ts';

/** Candidates of the interview stage: eligible, and nominated when the campaign has the gate. */
export function inStageCondition(campaignId: string, hasGate: boolean): SQL {
  return and(
    eq(admissionApplications.campaignId, campaignId),
    eq(admissionApplications.isEligible, true),
    hasGate ? eq(admissionApplications.status, 'nominated') : inArray(admissionApplications.status, ['submitted', 'nominated']),
  )!;
}

/** Interviews: slots, panels, bookings and panel scores. */
export function createInterviewsRepo(db: Executor) {
  const panelOf = (slotIds: string[]) =>
    slotIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ slotId: admissionInterviewPanel.slotId, userId: users.id, displayName: users.displayName })
          .from(admissionInterviewPanel)
          .innerJoin(users, eq(users.id, admissionInterviewPanel.userId))
          .where(inArray(admissionInterviewPanel.slotId, slotIds))
          .orderBy(asc(users.displayName));
  const bookingsOf = (slotIds: string[]) =>
    slotIds.length === 0
      ? Promise.resolve([])
      : db
          .select({
            slotId: admissionInterviewBookings.slotId,
            application: admissionApplications,
            lastName: people.lastName,
            firstName: people.firstName,
            middleName: people.middleName,
          })
          .from(admissionInterviewBookings)
          .innerJoin(admissionApplications, eq(admissionApplications.id, admissionInterviewBookings.applicationId))
          .innerJoin(people, eq(people.id, admissionApplications.personId))
          .where(inArray(admissionInterviewBookings.slotId, slotIds))
          .orderBy(asc(people.lastName), asc(people.firstName), asc(admissionApplications.id));
  return {
    panelOf,
    bookingsOf,

    listSlots(campaignId: string) {
      return db.select().from(admissionInterviewSlots).where(eq(admissionInterviewSlots.campaignId, campaignId)).orderBy(asc(admissionInterviewSlots.startsAt), asc(admissionInterviewSlots.id));
    },

    async insertSlot(values: typeof admissionInterviewSlots.$inferInsert, panel: string[]) {
      const [slot] = await db.insert(admissionInterviewSlots).values(values).returning();
      await db.insert(admissionInterviewPanel).values(panel.map((userId) => ({ slotId: slot!.id, userId })));
      return slot!;
    },

    /** Changes the slot's time, place, link and capacity, and replaces its panel. */
    async updateSlot(slotId: string, values: Pick<typeof admissionInterviewSlots.$inferInsert, 'startsAt' | 'durationMinutes' | 'place' | 'onlineUrl' | 'capacity'>, panel: string[]) {
      await db.update(admissionInterviewSlots).set(values).where(eq(admissionInterviewSlots.id, slotId));
      await db.delete(admissionInterviewPanel).where(eq(admissionInterviewPanel.slotId, slotId));
      await db.insert(admissionInterviewPanel).values(panel.map((userId) => ({ slotId, userId })));
    },

    /** Deletes the slot with its panel and bookings (the candidates become unbooked). */
    async deleteSlot(slotId: string) {
      await db.delete(admissionInterviewBookings).where(eq(admissionInterviewBookings.slotId, slotId));
      await db.delete(admissionInterviewPanel).where(eq(admissionInterviewPanel.slotId, slotId));
      await db.delete(admissionInterviewSlots).where(eq(admissionInterviewSlots.id, slotId));
    },

    /** Takes a candidate off a slot; false when they were not booked into it. */
    async unbook(slotId: string, applicationId: string): Promise<boolean> {
      const deleted = await db
        .delete(admissionInterviewBookings)
        .where(and(eq(admissionInterviewBookings.slotId, slotId), eq(admissionInterviewBookings.applicationId, applicationId)))
        .returning({ id: admissionInterviewBookings.applicationId });
      return deleted.length === 1;
    },

    async hasScores(applicationId: string): Promise<boolean> {
      const [row] = await db.select({ n: count() }).from(admissionInterviewScores).where(eq(admissionInterviewScores.applicationId, applicationId));
      return (row?.n ?? 0) > 0;
    },

    /** Whether any candidate booked into the slot already has a panel score. */
    async slotHasScores(slotId: string): Promise<boolean> {
      const [row] = await db
        .select({ n: count() })
        .from(admissionInterviewBookings)
        .innerJoin(admissionInterviewScores, eq(admissionInterviewScores.applicationId, admissionInterviewBookings.applicationId))
        .where(eq(admissionInterviewBookings.slotId, slotId));
      return (row?.n ?? 0) > 0;
    },

    /** Who a letter about the slot goes to: its booked candidates (or the given ones), with their language. */
    recipients(filter: { slotId: string } | { applicationIds: string[] }) {
      return db
        .select({
          applicationId: admissionApplications.id,
          ...APPLICANT_LETTER_COLUMNS,
        })
        .from(admissionApplications)
        .innerJoin(people, eq(people.id, admissionApplications.personId))
        .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, admissionApplications.campaignId))
        .leftJoin(users, eq(users.id, admissionApplications.userId))
        .where(
          'slotId' in filter
            ? inArray(admissionApplications.id, db.select({ id: admissionInterviewBookings.applicationId }).from(admissionInterviewBookings).where(eq(admissionInterviewBookings.slotId, filter.slotId)))
            : inArray(admissionApplications.id, filter.applicationIds),
        );
    },

    /**
     * The picker: in-stage candidates whose name or region (code or name) matches, the unbooked first,
     * a page at a time, with the slot each is booked into.
     */
    async searchCandidates(campaignId: string, hasGate: boolean, query: { q?: string | undefined; page: number; pageSize: number }) {
      const conditions = [inStageCondition(campaignId, hasGate)];
      if (query.q) {
        const pattern = likePattern(query.q);
        const words = query.q.split(/\s+/).filter(Boolean).map((word) => likePattern(word));
        conditions.push(
          or(
            // Every typed word in the full name, in any order ("Иван Петров" finds Петров Иван Сергеевич).
            and(...words.map((w) => ilike(sql`concat_ws(' ', ${people.lastName}, ${people.firstName}, ${people.middleName})`, w))),
            ilike(admissionApplications.regionCode, pattern),
            ilike(regions.nameRu, pattern),
            ilike(regions.nameEn, pattern),
          )!,
        );
      }
      const where = and(...conditions);
      const base = db
        .select({
          application: { id: admissionApplications.id, regionCode: admissionApplications.regionCode, position: admissionApplications.position },
          lastName: people.lastName,
          firstName: people.firstName,
          middleName: people.middleName,
          bookedSlotId: admissionInterviewBookings.slotId,
          bookedStartsAt: admissionInterviewSlots.startsAt,
        })
        .from(admissionApplications)
        .innerJoin(people, eq(people.id, admissionApplications.personId))
        .leftJoin(regions, eq(regions.code, admissionApplications.regionCode))
        .leftJoin(admissionInterviewBookings, eq(admissionInterviewBookings.applicationId, admissionApplications.id))
        .leftJoin(admissionInterviewSlots, eq(admissionInterviewSlots.id, admissionInterviewBookings.slotId));
      const [items, [total]] = await Promise.all([
        base
          .where(where)
          .orderBy(sql`${admissionInterviewBookings.slotId} is not null`, asc(people.lastName), asc(people.firstName), asc(admissionApplications.id))
          .limit(query.pageSize)
          .offset(pageOffset(query.page, query.pageSize)),
        db
          .select({ n: count() })
          .from(admissionApplications)
          .innerJoin(people, eq(people.id, admissionApplications.personId))
          .leftJoin(regions, eq(regions.code, admissionApplications.regionCode))
          .where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },

    /** The application's booked slot with its panel's size, or null. */
    async bookedSlotOf(applicationId: string) {
      const [row] = await db
        .select({ slot: admissionInterviewSlots, panelSize: sql<number>`(select count(*)::int from ${admissionInterviewPanel} where ${admissionInterviewPanel.slotId} = ${admissionInterviewSlots.id})` })
        .from(admissionInterviewBookings)
        .innerJoin(admissionInterviewSlots, eq(admissionInterviewSlots.id, admissionInterviewBookings.slotId))
        .where(eq(admissionInterviewBookings.applicationId, applicationId));
      return row ?? null;
    },

    /** The slot of the campaign, locked so that two bookings cannot overfill it. */
    async lockSlot(campaignId: string, slotId: string) {
      const [slot] = await db
        .select()
        .from(admissionInterviewSlots)
        .where(and(eq(admissionInterviewSlots.id, slotId), eq(admissionInterviewSlots.campaignId, campaignId)))
        .for('update');
      return slot ?? null;
    },

    async countBooked(slotId: string, exceptApplicationId: string): Promise<number> {
      const rows = await db.select({ applicationId: admissionInterviewBookings.applicationId }).from(admissionInterviewBookings).where(eq(admissionInterviewBookings.slotId, slotId));
      return rows.filter((r) => r.applicationId !== exceptApplicationId).length;
    },

    async book(values: typeof admissionInterviewBookings.$inferInsert) {
      await db
        .insert(admissionInterviewBookings)
        .values(values)
        .onConflictDoUpdate({ target: admissionInterviewBookings.applicationId, set: { slotId: values.slotId, bookedAt: values.bookedAt, bookedBy: values.bookedBy } });
    },

    async scoreCounts(applicationIds: string[]): Promise<Map<string, number>> {
      if (applicationIds.length === 0) return new Map();
      const rows = await db
        .select({ applicationId: admissionInterviewScores.applicationId, n: count() })
        .from(admissionInterviewScores)
        .where(inArray(admissionInterviewScores.applicationId, applicationIds))
        .groupBy(admissionInterviewScores.applicationId);
      return new Map(rows.map((r) => [r.applicationId, r.n]));
    },

    /** Slots where the user sits on the panel, with the campaign titles. */
    myPanelSlots(userId: string) {
      return db
        .select({ slot: admissionInterviewSlots, campaignTitleRu: admissionCampaigns.titleRu, campaignTitleEn: admissionCampaigns.titleEn })
        .from(admissionInterviewPanel)
        .innerJoin(admissionInterviewSlots, eq(admissionInterviewSlots.id, admissionInterviewPanel.slotId))
        .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, admissionInterviewSlots.campaignId))
        .where(eq(admissionInterviewPanel.userId, userId))
        .orderBy(asc(admissionInterviewSlots.startsAt))
        .limit(200);
    },

    myScores(userId: string, applicationIds: string[]) {
      if (applicationIds.length === 0) return Promise.resolve([]);
      return db
        .select()
        .from(admissionInterviewScores)
        .where(and(eq(admissionInterviewScores.expertUserId, userId), inArray(admissionInterviewScores.applicationId, applicationIds)));
    },

    /** Whether the user is on the slot's panel and the application is booked into it. */
    async isPanelCandidate(userId: string, slotId: string, applicationId: string): Promise<boolean> {
      const [row] = await db
        .select({ n: count() })
        .from(admissionInterviewPanel)
        .innerJoin(admissionInterviewBookings, eq(admissionInterviewBookings.slotId, admissionInterviewPanel.slotId))
        .where(and(eq(admissionInterviewPanel.userId, userId), eq(admissionInterviewPanel.slotId, slotId), eq(admissionInterviewBookings.applicationId, applicationId)));
      return (row?.n ?? 0) > 0;
    },

    /** Saves the member's score (the last one counts) and sets the interview score to the panel's mean. */
    async saveScore(values: typeof admissionInterviewScores.$inferInsert, now: Date) {
      await db
        .insert(admissionInterviewScores)
        .values(values)
        .onConflictDoUpdate({ target: [admissionInterviewScores.applicationId, admissionInterviewScores.expertUserId], set: { score: values.score, comment: values.comment, scoredAt: values.scoredAt } });
      const [mean] = await db.select({ value: avg(admissionInterviewScores.score) }).from(admissionInterviewScores).where(eq(admissionInterviewScores.applicationId, values.applicationId));
      const score = mean?.value === null || mean?.value === undefined ? null : Math.round(Number(mean.value) * 100) / 100;
      await db.update(admissionApplications).set({ interviewScore: score, updatedAt: now }).where(eq(admissionApplications.id, values.applicationId));
      return score;
    },
  };
}
