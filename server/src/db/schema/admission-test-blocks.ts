import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { admissionCampaigns, admissionTestAttempts, admissionTestQuestions } from './admissions.ts';

/**
 * An ordered block of a campaign's online test with its own time limit. A bank without blocks has no
 * rows here: it is one implicit block limited by the campaign's test duration.
 */
export const admissionTestBlocks = pgTable(
  'admission_test_blocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => admissionCampaigns.id),
    /** 0-based: the order in which candidates take the blocks. */
    position: integer('position').notNull(),
    /** The staff's name for the block in the question bank (questions name their block by it). */
    key: text('key').notNull(),
    titleRu: text('title_ru').notNull(),
    titleEn: text('title_en').notNull(),
    timeLimitMinutes: integer('time_limit_minutes').notNull(),
  },
  (t) => [uniqueIndex('admission_test_blocks_campaign_key_idx').on(t.campaignId, t.key), uniqueIndex('admission_test_blocks_campaign_position_idx').on(t.campaignId, t.position)],
);

/** Which block a question belongs to (a separate table: the questions' own table predates blocks). */
export const admissionTestQuestionBlocks = pgTable(
  'admission_test_question_blocks',
  {
    questionId: uuid('question_id')
      .primaryKey()
      .references(() => admissionTestQuestions.id),
    blockId: uuid('block_id')
      .notNull()
      .references(() => admissionTestBlocks.id),
  },
  (t) => [index('admission_test_question_blocks_block_idx').on(t.blockId)],
);

/**
 * One block of one candidate's attempt: its questions in the candidate's own order, and when the
 * candidate opened and finished it. The deadline is fixed when the block is opened (the earlier of
 * opening + limit and the test window's end); the answer statement accepts an answer only for a
 * question of an open block before that deadline.
 */
export const admissionTestAttemptBlocks = pgTable(
  'admission_test_attempt_blocks',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => admissionTestAttempts.id),
    /** 0-based, as the blocks' positions. */
    position: integer('position').notNull(),
    /** Null for the implicit block of a bank without blocks. */
    blockId: uuid('block_id').references(() => admissionTestBlocks.id),
    /** Copied at the attempt's start, so the deadline does not depend on later reads of the bank. */
    timeLimitMinutes: integer('time_limit_minutes').notNull(),
    questionOrder: jsonb('question_order').$type<string[]>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.position] })],
);
