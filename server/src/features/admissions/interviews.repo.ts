import { and, asc, avg, count, eq, inArray } from 'drizzle-orm';
import {
  admissionApplications,
  admissionCampaigns,
  admissionInterviewBookings,
  admissionInterviewPanel,
  admissionInterviewScores,
  admissionInterviewSlots,
  people,
  users,
} from '../../db/schema/index.ts';
import type { Executor } from '../programmes/programmes.repo.ts';

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
