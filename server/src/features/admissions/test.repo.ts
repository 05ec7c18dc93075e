import { and, asc, count, eq, sql } from 'drizzle-orm';
import { admissionApplications, admissionCampaigns, admissionTestAnswers, admissionTestAttempts, admissionTestQuestions } from '../../db/schema/index.ts';
import type { Executor } from '../programmes/programmes.repo.ts';

/** The online test: questions, attempts and answers. */
export function createTestRepo(db: Executor) {
  return {
    listQuestions(campaignId: string) {
      return db.select().from(admissionTestQuestions).where(eq(admissionTestQuestions.campaignId, campaignId)).orderBy(asc(admissionTestQuestions.position));
    },

    async countAttempts(campaignId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(admissionTestAttempts)
        .innerJoin(admissionApplications, eq(admissionApplications.id, admissionTestAttempts.applicationId))
        .where(eq(admissionApplications.campaignId, campaignId));
      return row?.n ?? 0;
    },

    async replaceQuestions(campaignId: string, questions: Array<Omit<typeof admissionTestQuestions.$inferInsert, 'campaignId'>>) {
      await db.delete(admissionTestQuestions).where(eq(admissionTestQuestions.campaignId, campaignId));
      if (questions.length > 0) await db.insert(admissionTestQuestions).values(questions.map((q) => ({ ...q, campaignId })));
    },

    async setWindow(campaignId: string, values: { testOpensAt: Date; testClosesAt: Date; testDurationMinutes: number; updatedAt: Date }) {
      await db.update(admissionCampaigns).set(values).where(eq(admissionCampaigns.id, campaignId));
    },

    async findAttempt(applicationId: string, options: { isLocking?: boolean } = {}) {
      const query = db.select().from(admissionTestAttempts).where(eq(admissionTestAttempts.applicationId, applicationId));
      const [row] = options.isLocking ? await query.for('update') : await query;
      return row ?? null;
    },

    /** Starts the attempt unless one exists (a second start returns the first: the deadline never moves). */
    async insertAttempt(values: typeof admissionTestAttempts.$inferInsert) {
      await db.insert(admissionTestAttempts).values(values).onConflictDoNothing({ target: admissionTestAttempts.applicationId });
    },

    listAnswers(attemptId: string) {
      return db.select().from(admissionTestAnswers).where(eq(admissionTestAnswers.attemptId, attemptId));
    },

    async saveAnswer(values: typeof admissionTestAnswers.$inferInsert) {
      await db
        .insert(admissionTestAnswers)
        .values(values)
        .onConflictDoUpdate({ target: [admissionTestAnswers.attemptId, admissionTestAnswers.questionId], set: { answer: values.answer, answeredAt: values.answeredAt } });
    },

    async finishAttempt(attemptId: string, applicationId: string, score: number, now: Date) {
      await db.update(admissionTestAttempts).set({ finishedAt: now, score }).where(and(eq(admissionTestAttempts.id, attemptId), sql`${admissionTestAttempts.finishedAt} is null`));
      await db.update(admissionApplications).set({ testScore: score, updatedAt: now }).where(eq(admissionApplications.id, applicationId));
    },
  };
}
