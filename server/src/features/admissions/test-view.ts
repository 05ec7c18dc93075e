/**
 * What the candidate sees of their test: the window, the blocks (titles, limits, sizes and states, never
 * their questions) and only the open block's questions, without correct answers. A bank without blocks
 * shows as it always did: no block list, all questions, the attempt's deadline.
 */
import type { CandidateTest } from '@ms/contracts/admissions';
import type { admissionTestQuestions } from '../../db/schema/index.ts';
import { blockState, currentBlockIndex, type AttemptBlock, type BlockState } from './test-blocks.ts';
import type { AttemptWithAnswers, TestWindow } from './test.repo.ts';

type QuestionRow = typeof admissionTestQuestions.$inferSelect;
/** A bank block as the view needs it. */
export interface ViewBlock {
  id: string;
  titleRu: string;
  titleEn: string;
  timeLimitMinutes: number;
  questionCount?: number;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const secondsUntil = (deadline: Date, now: Date) => Math.max(0, Math.floor((deadline.getTime() - now.getTime()) / 1000));

/** An attempt started before blocks existed has no block rows: it is one implicit block. */
export function attemptBlocksOf(attempt: AttemptWithAnswers, durationMinutes: number | null): AttemptBlock[] {
  if (attempt.blocks.length > 0) return attempt.blocks;
  return [{ position: 0, blockId: null, timeLimitMinutes: durationMinutes ?? 0, questionOrder: attempt.questionOrder, startedAt: attempt.startedAt, deadlineAt: attempt.deadlineAt, finishedAt: attempt.finishedAt }];
}

/** The view before the start: the blocks' intros (every block still to be taken, or missed once the window has closed). */
export function notStartedView(window: TestWindow, blocks: readonly ViewBlock[], now: Date): CandidateTest {
  const isClosed = !window.testClosesAt || now.getTime() >= window.testClosesAt.getTime();
  return {
    opensAt: iso(window.testOpensAt),
    closesAt: iso(window.testClosesAt),
    durationMinutes: window.testDurationMinutes,
    state: 'not_started',
    startedAt: null,
    deadlineAt: null,
    secondsLeft: null,
    blocks: blocks.map((b, i) => ({ number: i + 1, titleRu: b.titleRu, titleEn: b.titleEn, timeLimitMinutes: b.timeLimitMinutes, questionCount: b.questionCount ?? 0, state: isClosed ? 'expired' : 'not_started', startedAt: null, deadlineAt: null })),
    currentBlock: blocks.length > 0 && !isClosed ? 1 : null,
    questions: [],
    score: null,
  };
}

/** The view of a started (or finished) attempt. */
export function attemptView(input: { window: TestWindow; attempt: AttemptWithAnswers; bankBlocks: ReadonlyMap<string, ViewBlock>; questions: ReadonlyMap<string, QuestionRow>; now: Date }): CandidateTest {
  const { window, attempt, bankBlocks, questions, now } = input;
  const blocks = attemptBlocksOf(attempt, window.testDurationMinutes);
  const hasBlocks = blocks.some((b) => b.blockId !== null);
  const isFinished = attempt.finishedAt !== null;
  // After the finish, a block never opened was missed.
  const stateOf = (b: AttemptBlock): BlockState => (isFinished && !b.finishedAt && !b.startedAt ? 'expired' : blockState(b, now, window.testClosesAt));
  const current = isFinished ? null : currentBlockIndex(blocks, now, window.testClosesAt);
  const open = current === null ? null : blocks[current]!;
  const isOpen = open !== null && stateOf(open) === 'open';
  const answers = new Map(Object.entries(attempt.answers));
  // Without blocks the page lists every question and counts down to the attempt's deadline, as before.
  const shownOrder = hasBlocks ? (isOpen && open ? open.questionOrder : []) : attempt.questionOrder;
  const deadline = hasBlocks ? (isOpen && open ? open.deadlineAt : null) : attempt.deadlineAt;
  return {
    opensAt: iso(window.testOpensAt),
    closesAt: iso(window.testClosesAt),
    durationMinutes: window.testDurationMinutes,
    state: isFinished ? 'finished' : 'in_progress',
    startedAt: attempt.startedAt.toISOString(),
    deadlineAt: iso(deadline),
    secondsLeft: isFinished ? 0 : deadline ? secondsUntil(deadline, now) : null,
    blocks: hasBlocks
      ? blocks.map((b) => {
          const bank = b.blockId ? bankBlocks.get(b.blockId) : undefined;
          return { number: b.position + 1, titleRu: bank?.titleRu ?? '', titleEn: bank?.titleEn ?? '', timeLimitMinutes: b.timeLimitMinutes, questionCount: b.questionOrder.length, state: stateOf(b), startedAt: iso(b.startedAt), deadlineAt: iso(b.deadlineAt) };
        })
      : [],
    currentBlock: hasBlocks && current !== null ? current + 1 : null,
    questions: shownOrder
      .map((id) => questions.get(id))
      .filter((q): q is QuestionRow => Boolean(q))
      .map((q) => ({ id: q.id, kind: q.kind as 'single', textRu: q.textRu, textEn: q.textEn, options: q.options, answer: answers.get(q.id) ?? null })),
    score: attempt.score,
  };
}
