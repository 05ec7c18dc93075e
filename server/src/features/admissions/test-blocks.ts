/**
 * The pure rules of a test taken in blocks: what is wrong with a bank before it is saved, how a
 * candidate's attempt is cut into blocks (each with its own random order), and which state a block is
 * in at a given moment. A bank without blocks is one implicit block limited by the test's duration, so
 * every attempt is handled the same way.
 */
import type { SetTestBody, TestQuestionInput } from '@ms/contracts/admissions';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { shuffled } from './test-scoring.ts';

/** One block of one attempt, as stored in admission_test_attempt_blocks. */
export interface AttemptBlock {
  position: number;
  blockId: string | null;
  timeLimitMinutes: number;
  questionOrder: string[];
  startedAt: Date | null;
  deadlineAt: Date | null;
  finishedAt: Date | null;
}

export type BlockState = 'not_started' | 'open' | 'finished' | 'expired';

type ConflictKey = 'admissions.test_not_open' | 'admissions.test_time_up' | 'admissions.test_finished' | 'admissions.test_not_allowed' | 'admissions.test_started';
/** A refusal about the test as a whole. */
export const conflict = (key: ConflictKey) => new AppError('conflict', { fields: [{ path: 'id', key }] });
type BlockConflictKey = 'admissions.test_block_not_open' | 'admissions.test_block_time_up' | 'admissions.test_block_finished' | 'admissions.test_block_open_first';
/** A refusal about block n (1-based): not open yet, over, finished, or another block to take first. */
export const blockConflict = (key: BlockConflictKey, n: number) => new AppError('conflict', { fields: [{ path: 'block', key, params: { n } }] });

/** The correct answer must name existing options (one for a single choice); numeric needs a number. */
function answerProblems(questions: readonly TestQuestionInput[]): FieldProblem[] {
  return questions.flatMap((q, index) => {
    const keys = new Set(q.options.map((o) => o.key));
    const isNumeric = q.kind === 'numeric';
    const isValid = isNumeric
      ? !Array.isArray(q.correct) && q.options.length === 0
      : Array.isArray(q.correct) && q.options.length >= 2 && keys.size === q.options.length && q.correct.every((k) => keys.has(k)) && (q.kind === 'multiple' || q.correct.length === 1);
    return isValid ? [] : [{ path: `body.questions.${index}.correct`, key: 'admissions.test_bad_question' as const }];
  });
}

/** Blocks: unique keys, every question in an existing block, no empty block; without blocks, a duration. */
function blockProblems(body: SetTestBody): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (body.blocks.length === 0) {
    if (body.durationMinutes === undefined) problems.push({ path: 'body.durationMinutes', key: 'field.required' });
    body.questions.forEach((q, i) => {
      if (q.block !== undefined) problems.push({ path: `body.questions.${i}.block`, key: 'admissions.test_block_unknown' });
    });
    return problems;
  }
  const seen = new Set<string>();
  body.blocks.forEach((b, i) => {
    if (seen.has(b.key)) problems.push({ path: `body.blocks.${i}.key`, key: 'admissions.test_block_duplicate' });
    seen.add(b.key);
  });
  const used = new Set<string>();
  body.questions.forEach((q, i) => {
    if (q.block === undefined) problems.push({ path: `body.questions.${i}.block`, key: 'admissions.test_block_missing' });
    else if (!seen.has(q.block)) problems.push({ path: `body.questions.${i}.block`, key: 'admissions.test_block_unknown' });
    else used.add(q.block);
  });
  body.blocks.forEach((b, i) => {
    // A duplicate key is reported once, at the duplicate; an empty block is reported at its own place.
    if (!used.has(b.key) && body.blocks.findIndex((x) => x.key === b.key) === i) problems.push({ path: `body.blocks.${i}`, key: 'admissions.test_block_empty' });
  });
  return problems;
}

/** Everything wrong with a bank and its window that zod cannot see; empty when it can be saved. */
export function bankProblems(body: SetTestBody): FieldProblem[] {
  const problems = [...answerProblems(body.questions), ...blockProblems(body)];
  if (new Date(body.closesAt).getTime() <= new Date(body.opensAt).getTime()) problems.push({ path: 'body.closesAt', key: 'admissions.close_before_open' });
  return problems;
}

/**
 * A new attempt's blocks: the bank's blocks in order, each with its questions shuffled for this
 * candidate (a cryptographic shuffle: nobody can predict it); one implicit block without blocks.
 */
export function planAttemptBlocks(
  blocks: ReadonlyArray<{ id: string; timeLimitMinutes: number }>,
  questions: ReadonlyArray<{ id: string; blockId: string | null }>,
  durationMinutes: number,
): AttemptBlock[] {
  const empty = { startedAt: null, deadlineAt: null, finishedAt: null };
  if (blocks.length === 0) return [{ position: 0, blockId: null, timeLimitMinutes: durationMinutes, questionOrder: shuffled(questions.map((q) => q.id)), ...empty }];
  return blocks.map((b, position) => ({
    position,
    blockId: b.id,
    timeLimitMinutes: b.timeLimitMinutes,
    questionOrder: shuffled(questions.filter((q) => q.blockId === b.id).map((q) => q.id)),
    ...empty,
  }));
}

/**
 * A block's state now. A block never opened counts as expired once the test window has closed: it can
 * no longer be taken.
 */
export function blockState(block: AttemptBlock, now: Date, windowClosesAt: Date | null): BlockState {
  if (block.finishedAt) return 'finished';
  if (block.deadlineAt) return block.deadlineAt.getTime() > now.getTime() ? 'open' : 'expired';
  return windowClosesAt && now.getTime() < windowClosesAt.getTime() ? 'not_started' : 'expired';
}

/** The block the candidate is in or is to open next (0-based); null when every block is over. */
export function currentBlockIndex(blocks: readonly AttemptBlock[], now: Date, windowClosesAt: Date | null): number | null {
  const index = blocks.findIndex((b) => {
    const state = blockState(b, now, windowClosesAt);
    return state === 'open' || state === 'not_started';
  });
  return index === -1 ? null : index;
}

/** When a block opened now must end: its limit, cut short by the test window's end. */
export function blockDeadline(now: Date, timeLimitMinutes: number, windowClosesAt: Date): Date {
  return new Date(Math.min(now.getTime() + timeLimitMinutes * 60_000, windowClosesAt.getTime()));
}
