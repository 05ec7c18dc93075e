import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { admissionTestAttemptBlocks, admissionTestAttempts, admissionTestBlocks, admissionTestQuestionBlocks, admissionTestQuestions } from '../../db/schema/index.ts';
import type { Executor } from '../programmes/programmes.repo.ts';
import type { AttemptBlock } from './test-blocks.ts';

export type BankBlock = typeof admissionTestBlocks.$inferSelect;

/** The test's blocks: the bank's (staff-defined) and each attempt's (per candidate, with its times). */
export function createTestBlocksRepo(db: Executor) {
  return {
    listBlocks(campaignId: string): Promise<BankBlock[]> {
      return db.select().from(admissionTestBlocks).where(eq(admissionTestBlocks.campaignId, campaignId)).orderBy(asc(admissionTestBlocks.position));
    },

    /** Blocks with how many questions each holds (the intro before the start shows both). */
    async listBlocksWithCounts(campaignId: string): Promise<Array<BankBlock & { questionCount: number }>> {
      return db
        .select({
          id: admissionTestBlocks.id,
          campaignId: admissionTestBlocks.campaignId,
          position: admissionTestBlocks.position,
          key: admissionTestBlocks.key,
          titleRu: admissionTestBlocks.titleRu,
          titleEn: admissionTestBlocks.titleEn,
          timeLimitMinutes: admissionTestBlocks.timeLimitMinutes,
          questionCount: count(admissionTestQuestionBlocks.questionId),
        })
        .from(admissionTestBlocks)
        .leftJoin(admissionTestQuestionBlocks, eq(admissionTestQuestionBlocks.blockId, admissionTestBlocks.id))
        .where(eq(admissionTestBlocks.campaignId, campaignId))
        .groupBy(admissionTestBlocks.id)
        .orderBy(asc(admissionTestBlocks.position));
    },

    /** Question id → block id of the campaign's questions that belong to a block. */
    async questionBlocks(campaignId: string): Promise<Map<string, string>> {
      const rows = await db
        .select({ questionId: admissionTestQuestionBlocks.questionId, blockId: admissionTestQuestionBlocks.blockId })
        .from(admissionTestQuestionBlocks)
        .innerJoin(admissionTestQuestions, eq(admissionTestQuestions.id, admissionTestQuestionBlocks.questionId))
        .where(eq(admissionTestQuestions.campaignId, campaignId));
      return new Map(rows.map((r) => [r.questionId, r.blockId]));
    },

    /** Removes the bank's blocks and the questions' membership (before the questions themselves go). */
    async deleteBlocks(campaignId: string) {
      const blocks = db.select({ id: admissionTestBlocks.id }).from(admissionTestBlocks).where(eq(admissionTestBlocks.campaignId, campaignId));
      await db.delete(admissionTestQuestionBlocks).where(inArray(admissionTestQuestionBlocks.blockId, blocks));
      await db.delete(admissionTestBlocks).where(eq(admissionTestBlocks.campaignId, campaignId));
    },

    /** Saves the blocks and puts each question (by its id) in the block named by its key. */
    async insertBlocks(campaignId: string, blocks: ReadonlyArray<{ key: string; titleRu: string; titleEn: string; timeLimitMinutes: number }>, membership: ReadonlyArray<{ questionId: string; blockKey: string }>) {
      if (blocks.length === 0) return;
      const rows = await db
        .insert(admissionTestBlocks)
        .values(blocks.map((b, position) => ({ campaignId, position, key: b.key, titleRu: b.titleRu, titleEn: b.titleEn, timeLimitMinutes: b.timeLimitMinutes })))
        .returning({ id: admissionTestBlocks.id, key: admissionTestBlocks.key });
      const idByKey = new Map(rows.map((r) => [r.key, r.id]));
      const values = membership.flatMap((m) => (idByKey.has(m.blockKey) ? [{ questionId: m.questionId, blockId: idByKey.get(m.blockKey)! }] : []));
      if (values.length > 0) await db.insert(admissionTestQuestionBlocks).values(values);
    },

    async insertAttemptBlocks(attemptId: string, blocks: readonly AttemptBlock[]) {
      await db.insert(admissionTestAttemptBlocks).values(blocks.map((b) => ({ attemptId, ...b })));
    },

    listAttemptBlocks(attemptId: string): Promise<AttemptBlock[]> {
      return db
        .select({
          position: admissionTestAttemptBlocks.position,
          blockId: admissionTestAttemptBlocks.blockId,
          timeLimitMinutes: admissionTestAttemptBlocks.timeLimitMinutes,
          questionOrder: admissionTestAttemptBlocks.questionOrder,
          startedAt: admissionTestAttemptBlocks.startedAt,
          deadlineAt: admissionTestAttemptBlocks.deadlineAt,
          finishedAt: admissionTestAttemptBlocks.finishedAt,
        })
        .from(admissionTestAttemptBlocks)
        .where(eq(admissionTestAttemptBlocks.attemptId, attemptId))
        .orderBy(asc(admissionTestAttemptBlocks.position));
    },

    /** Opens a block that was never opened (the caller holds the attempt's lock). */
    async openBlock(attemptId: string, position: number, startedAt: Date, deadlineAt: Date) {
      await db
        .update(admissionTestAttemptBlocks)
        .set({ startedAt, deadlineAt })
        .where(and(eq(admissionTestAttemptBlocks.attemptId, attemptId), eq(admissionTestAttemptBlocks.position, position), isNull(admissionTestAttemptBlocks.startedAt)));
    },

    /**
     * Closes the attempt's blocks that are open now (one, or the given one). The answer statement locks
     * the block row it writes under, so an answer racing this waits and then sees the block finished.
     */
    async finishOpenBlocks(attemptId: string, now: Date, position?: number) {
      await db
        .update(admissionTestAttemptBlocks)
        .set({ finishedAt: now })
        .where(
          and(
            eq(admissionTestAttemptBlocks.attemptId, attemptId),
            position === undefined ? undefined : eq(admissionTestAttemptBlocks.position, position),
            isNotNull(admissionTestAttemptBlocks.startedAt),
            isNull(admissionTestAttemptBlocks.finishedAt),
            sql`${admissionTestAttemptBlocks.deadlineAt} > ${now.toISOString()}`,
          ),
        );
    },

    /** Moves the attempt's overall deadline (to the last block's, once it is opened): staff scoring of expired attempts uses it. */
    async setAttemptDeadline(attemptId: string, deadlineAt: Date) {
      await db.update(admissionTestAttempts).set({ deadlineAt }).where(eq(admissionTestAttempts.id, attemptId));
    },
  };
}
