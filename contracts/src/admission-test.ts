/**
 * The online test stage of admissions: the question bank (optionally in ordered blocks with time
 * limits), the candidate's view and answers. Re-exported by admissions.ts.
 */
import { z } from 'zod';
import { PlainTextSchema } from './common.ts';

/** The online test stage. */
export const QuestionKindSchema = z.enum(['single', 'multiple', 'numeric']);
const OptionSchema = z.object({ key: z.string().regex(/^[a-z0-9]{1,8}$/), textRu: PlainTextSchema(500).pipe(z.string().min(1)), textEn: PlainTextSchema(500).pipe(z.string().min(1)) }).strict();
export const TestQuestionInputSchema = z
  .object({
    kind: QuestionKindSchema,
    textRu: PlainTextSchema(2000).pipe(z.string().min(1)),
    textEn: PlainTextSchema(2000).pipe(z.string().min(1)),
    options: z.array(OptionSchema).max(10).default([]),
    /** Choice keys (one for single), or a number with a tolerance for numeric questions. */
    correct: z.union([z.array(z.string().max(8)).min(1).max(10), z.object({ value: z.number(), tolerance: z.number().min(0).default(0) }).strict()]),
    points: z.number().int().min(1).max(100).default(1),
    /** The key of the question's block; required when the bank declares blocks, absent otherwise. */
    block: z.string().max(32).optional(),
  })
  .strict();
export type TestQuestionInput = z.infer<typeof TestQuestionInputSchema>;
/** Limits of one block's time, in minutes (a block is at most a working day). */
export const TEST_BLOCK_LIMITS = { minMinutes: 1, maxMinutes: 600, maxBlocks: 20 } as const;
/** A block of the test: candidates take the blocks in order, each within its own time limit. */
export const TestBlockInputSchema = z
  .object({
    /** Short name questions refer to (a–z, 0–9, '-'). */
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'block_key'),
    titleRu: PlainTextSchema(200).pipe(z.string().min(1)),
    titleEn: PlainTextSchema(200).pipe(z.string().min(1)),
    timeLimitMinutes: z.number().int().min(TEST_BLOCK_LIMITS.minMinutes).max(TEST_BLOCK_LIMITS.maxMinutes),
  })
  .strict();
export type TestBlockInput = z.infer<typeof TestBlockInputSchema>;
export const SetTestBodySchema = z
  .object({
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    /** The time limit of a bank without blocks (required then); with blocks, each block has its own. */
    durationMinutes: z.number().int().min(1).max(600).optional(),
    /** Ordered blocks; empty: the whole test is one block limited by durationMinutes. */
    blocks: z.array(TestBlockInputSchema).max(TEST_BLOCK_LIMITS.maxBlocks).default([]),
    questions: z.array(TestQuestionInputSchema).min(1).max(200),
  })
  .strict();
export type SetTestBody = z.infer<typeof SetTestBodySchema>;
export const StaffTestSchema = z.object({
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  /** With blocks: the sum of the blocks' limits (the longest a candidate can spend answering). */
  durationMinutes: z.number().int().nullable(),
  blocks: z.array(TestBlockInputSchema),
  questions: z.array(TestQuestionInputSchema.extend({ id: z.string() })),
  attempts: z.number().int(),
});

/** A question as the candidate sees it: no correct answer. */
export const CandidateQuestionSchema = z.object({
  id: z.string(),
  kind: QuestionKindSchema,
  textRu: z.string(),
  textEn: z.string(),
  options: z.array(z.object({ key: z.string(), textRu: z.string(), textEn: z.string() })),
  /** The answer saved so far. */
  answer: z.unknown().nullable(),
});
export const TestAnswerSchema = z.union([z.array(z.string().max(8)).max(10), z.number().finite()]);
export const SaveAnswerBodySchema = z.object({ answer: TestAnswerSchema }).strict();
export const AnswerParamsSchema = z.object({ id: z.uuid(), questionId: z.uuid() });
/** not_started: can be opened now (all earlier blocks done); open; finished early; expired: its time ran out (or the window closed before it was opened). */
export const CandidateBlockStateSchema = z.enum(['not_started', 'open', 'finished', 'expired']);
/** A block as the candidate sees it: its title, limit and size, never its questions (only the open block's are sent). */
export const CandidateBlockSchema = z.object({
  /** 1-based: "block 2 of 3". */
  number: z.number().int(),
  titleRu: z.string(),
  titleEn: z.string(),
  timeLimitMinutes: z.number().int(),
  questionCount: z.number().int(),
  state: CandidateBlockStateSchema,
  startedAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
});
export const BlockParamsSchema = z.object({ id: z.uuid(), block: z.coerce.number().int().min(1).max(TEST_BLOCK_LIMITS.maxBlocks) });
export const CandidateTestSchema = z.object({
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  /** not_started | in_progress | finished */
  state: z.enum(['not_started', 'in_progress', 'finished']),
  startedAt: z.string().nullable(),
  /** The open block's deadline (the whole test's when the bank has no blocks). */
  deadlineAt: z.string().nullable(),
  /** Seconds left of the open block by the server's clock. */
  secondsLeft: z.number().int().nullable(),
  /** The bank's blocks in order; empty for a bank without blocks. */
  blocks: z.array(CandidateBlockSchema),
  /** The block the candidate is in or is to open next (1-based); null before the start, after the end, or without blocks. */
  currentBlock: z.number().int().nullable(),
  /** The open block's questions in the candidate's own order (all of them for a bank without blocks). */
  questions: z.array(CandidateQuestionSchema),
  score: z.number().nullable(),
});
export type CandidateTest = z.infer<typeof CandidateTestSchema>;
/** Staff's set-based scoring of attempts whose time is up and that were never finished. */
export const ScoreExpiredResultSchema = z.object({ scored: z.number().int() });
