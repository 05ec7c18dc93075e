/**
 * The question-bank editor's state and its pure rules: what staff edit (cards with options and a
 * "correct" mark on each), how it becomes the API's SetTestBody, and what is wrong with it before saving.
 * Option keys are not edited: they are the option's position (a, b, c…), so a bank never holds two
 * options with one key and removing an option cannot leave a "correct" key pointing nowhere.
 */
import { TEST_BLOCK_LIMITS, type SetTestBody, type TestBlockInput, type TestQuestionInput } from '@ms/contracts/admissions';

export type QuestionKind = TestQuestionInput['kind'];

export interface EditorOption {
  textRu: string;
  textEn: string;
  isCorrect: boolean;
}

export interface EditorQuestion {
  /** A React key that survives moves; not sent to the server. */
  uid: string;
  kind: QuestionKind;
  textRu: string;
  textEn: string;
  /** Numbers as Mantine's NumberInput gives them: a number, or a string while empty or half-typed ("-", "2."). */
  points: number | string;
  options: EditorOption[];
  /** The numeric question's correct value and tolerance. */
  value: number | string;
  tolerance: number | string;
  /** The uid of the question's block; null in a test without blocks. */
  blockUid: string | null;
}

/**
 * A block as staff edit it. Its key is not edited: it is the block's position (b1, b2…), as option keys
 * are, so renaming or reordering blocks never leaves a question pointing at a missing key.
 */
export interface EditorBlock {
  uid: string;
  titleRu: string;
  titleEn: string;
  timeLimitMinutes: number | string;
}

/** What the editor can say is wrong: a catalogue key under admissions.test.errors and its parameters. */
export type EditorProblemKey =
  | 'emptyText'
  | 'emptyOption'
  | 'points'
  | 'noValue'
  | 'tolerance'
  | 'fewOptions'
  | 'noCorrectSingle'
  | 'noCorrectMultiple'
  | 'manyCorrect'
  | 'closeBeforeOpen'
  | 'duration'
  | 'noQuestions'
  | 'tooManyQuestions'
  | 'emptyTitle'
  | 'blockLimit'
  | 'emptyBlock'
  | 'noBlock';
export interface EditorProblem {
  path: string;
  key: EditorProblemKey;
  params?: Record<string, number>;
}

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;
export const MAX_QUESTIONS = 200;
const KEYS = 'abcdefghij';

let sequence = 0;
const nextUid = () => `q${++sequence}`;
const nextBlockUid = () => `block${++sequence}`;

/** The key a block gets from its position: b1, b2… */
export const blockKey = (index: number): string => `b${index + 1}`;

/** The key an option gets from its position: a, b, c… */
export const optionKey = (index: number): string => KEYS[index] ?? `o${index}`;

const emptyOption = (): EditorOption => ({ textRu: '', textEn: '', isCorrect: false });

/** A new blank question of the kind; choice questions start with two empty options. */
export function newQuestion(kind: QuestionKind, blockUid: string | null = null): EditorQuestion {
  return { uid: nextUid(), kind, textRu: '', textEn: '', points: 1, options: kind === 'numeric' ? [] : [emptyOption(), emptyOption()], value: '', tolerance: 0, blockUid };
}

/** A new block with empty titles and a 10-minute limit. */
export function newBlock(): EditorBlock {
  return { uid: nextBlockUid(), titleRu: '', titleEn: '', timeLimitMinutes: 10 };
}

/** A bank in the contract's shape (blocks and questions naming them by key) as editor blocks and cards. */
export function bankToEditor(bank: { blocks?: readonly TestBlockInput[]; questions: readonly TestQuestionInput[] }): { blocks: EditorBlock[]; questions: EditorQuestion[] } {
  const blocks = (bank.blocks ?? []).map((b) => ({ uid: nextBlockUid(), titleRu: b.titleRu, titleEn: b.titleEn, timeLimitMinutes: b.timeLimitMinutes }));
  const uidByKey = new Map((bank.blocks ?? []).map((b, i) => [b.key, blocks[i]!.uid]));
  return { blocks, questions: questionsToEditor(bank.questions, uidByKey) };
}

/** Moves the block at index one place up (-1) or down (+1). */
export function moveBlock(blocks: readonly EditorBlock[], index: number, delta: -1 | 1): EditorBlock[] {
  const target = index + delta;
  if (target < 0 || target >= blocks.length) return [...blocks];
  const next = [...blocks];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/**
 * Removes a block; its questions move to the block before it (or the next one), and with the last block
 * gone the test is again one block with the test's own time limit.
 */
export function removeBlock(blocks: readonly EditorBlock[], questions: readonly EditorQuestion[], index: number): { blocks: EditorBlock[]; questions: EditorQuestion[] } {
  const removed = blocks[index];
  if (!removed) return { blocks: [...blocks], questions: [...questions] };
  const rest = blocks.filter((_, i) => i !== index);
  const heir = rest[Math.max(0, index - 1)]?.uid ?? null;
  return { blocks: rest, questions: questions.map((q) => (q.blockUid === removed.uid ? { ...q, blockUid: heir } : q)) };
}

/** Adds a block; the first block takes every question, so a test that gets blocks stays valid. */
export function addBlock(blocks: readonly EditorBlock[], questions: readonly EditorQuestion[]): { blocks: EditorBlock[]; questions: EditorQuestion[] } {
  const block = newBlock();
  return { blocks: [...blocks, block], questions: blocks.length === 0 ? questions.map((q) => ({ ...q, blockUid: block.uid })) : [...questions] };
}

/** Turns questions in the contract's shape (from the server or a JSON file) into editor cards. */
export function questionsToEditor(questions: readonly TestQuestionInput[], blockUidByKey: ReadonlyMap<string, string> = new Map()): EditorQuestion[] {
  return questions.map((q) => {
    const correct = Array.isArray(q.correct) ? new Set(q.correct) : new Set<string>();
    const numeric = Array.isArray(q.correct) ? null : q.correct;
    return {
      uid: nextUid(),
      kind: q.kind,
      textRu: q.textRu,
      textEn: q.textEn,
      points: q.points,
      options: q.kind === 'numeric' ? [] : q.options.map((o) => ({ textRu: o.textRu, textEn: o.textEn, isCorrect: correct.has(o.key) })),
      value: numeric?.value ?? '',
      tolerance: numeric?.tolerance ?? 0,
      blockUid: q.block === undefined ? null : (blockUidByKey.get(q.block) ?? null),
    };
  });
}

/**
 * Changes a question's kind keeping what still makes sense: texts and points always, options between
 * the two choice kinds (a multiple → single change keeps only the first correct mark).
 */
export function changeKind(question: EditorQuestion, kind: QuestionKind): EditorQuestion {
  if (kind === question.kind) return question;
  if (kind === 'numeric') return { ...question, kind, options: [] };
  const options = question.options.length >= MIN_OPTIONS ? question.options : [emptyOption(), emptyOption()];
  const firstCorrect = options.findIndex((o) => o.isCorrect);
  return { ...question, kind, options: kind === 'single' ? options.map((o, i) => ({ ...o, isCorrect: i === firstCorrect })) : options };
}

/** Marks one option correct: the only one for a single choice, toggled for a multiple choice. */
export function markCorrect(question: EditorQuestion, index: number, isCorrect: boolean): EditorQuestion {
  const options = question.options.map((o, i) => {
    if (question.kind === 'single') return { ...o, isCorrect: i === index };
    return i === index ? { ...o, isCorrect } : o;
  });
  return { ...question, options };
}

/** Adds an empty option at the end (up to the contract's ten). */
export function addOption(question: EditorQuestion): EditorQuestion {
  if (question.options.length >= MAX_OPTIONS) return question;
  return { ...question, options: [...question.options, emptyOption()] };
}

/** Removes an option, never going below two (the later options' keys move up with them). */
export function removeOption(question: EditorQuestion, index: number): EditorQuestion {
  if (question.options.length <= MIN_OPTIONS) return question;
  return { ...question, options: question.options.filter((_, i) => i !== index) };
}

/** Moves the question at index one place up (-1) or down (+1); out-of-range moves change nothing. */
export function moveQuestion(questions: readonly EditorQuestion[], index: number, delta: -1 | 1): EditorQuestion[] {
  const target = index + delta;
  if (target < 0 || target >= questions.length) return [...questions];
  const next = [...questions];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** Puts a copy of the question right after it. */
export function duplicateQuestion(questions: readonly EditorQuestion[], index: number): EditorQuestion[] {
  const source = questions[index];
  if (!source || questions.length >= MAX_QUESTIONS) return [...questions];
  const copy: EditorQuestion = { ...source, uid: nextUid(), options: source.options.map((o) => ({ ...o })) };
  return [...questions.slice(0, index + 1), copy, ...questions.slice(index + 1)];
}

/** One card in the contract's shape (texts trimmed, keys from positions). Assumes validateQuestions passed. */
export function editorToQuestion(q: EditorQuestion, blocks: readonly EditorBlock[] = []): TestQuestionInput {
  const points = typeof q.points === 'number' ? q.points : 1;
  const index = blocks.findIndex((b) => b.uid === q.blockUid);
  const block = index === -1 ? {} : { block: blockKey(index) };
  if (q.kind === 'numeric') {
    return { kind: q.kind, textRu: q.textRu.trim(), textEn: q.textEn.trim(), options: [], correct: { value: Number(q.value), tolerance: typeof q.tolerance === 'number' ? q.tolerance : 0 }, points, ...block };
  }
  const options = q.options.map((o, i) => ({ key: optionKey(i), textRu: o.textRu.trim(), textEn: o.textEn.trim() }));
  return { kind: q.kind, textRu: q.textRu.trim(), textEn: q.textEn.trim(), options, correct: options.filter((_, i) => q.options[i]!.isCorrect).map((o) => o.key), points, ...block };
}

/** Blocks in the contract's shape (titles trimmed, keys from positions). */
export function editorToBlocks(blocks: readonly EditorBlock[]): TestBlockInput[] {
  return blocks.map((b, i) => ({ key: blockKey(i), titleRu: b.titleRu.trim(), titleEn: b.titleEn.trim(), timeLimitMinutes: Number(b.timeLimitMinutes) }));
}

/** The whole PUT body from the window, the time limit (sent only without blocks), the blocks and the cards. */
export function buildSetTestBody(window: { opensAt: string; closesAt: string; durationMinutes: number }, questions: readonly EditorQuestion[], blocks: readonly EditorBlock[] = []): SetTestBody {
  const { durationMinutes, ...times } = window;
  return { ...times, ...(blocks.length === 0 ? { durationMinutes } : {}), blocks: editorToBlocks(blocks), questions: questions.map((q) => editorToQuestion(q, blocks)) };
}

const isBlank = (text: string) => text.trim().length === 0;

/** Every problem of one card, with paths as the server names them (questions.3.textRu). */
function questionProblems(q: EditorQuestion, index: number): EditorProblem[] {
  const at = (field: string) => `questions.${index}.${field}`;
  const problems: EditorProblem[] = [];
  if (isBlank(q.textRu)) problems.push({ path: at('textRu'), key: 'emptyText' });
  if (isBlank(q.textEn)) problems.push({ path: at('textEn'), key: 'emptyText' });
  if (typeof q.points !== 'number' || !Number.isInteger(q.points) || q.points < 1 || q.points > 100) problems.push({ path: at('points'), key: 'points', params: { min: 1, max: 100 } });
  if (q.kind === 'numeric') {
    if (typeof q.value !== 'number' || !Number.isFinite(q.value)) problems.push({ path: at('value'), key: 'noValue' });
    if (typeof q.tolerance !== 'number' || q.tolerance < 0) problems.push({ path: at('tolerance'), key: 'tolerance' });
    return problems;
  }
  if (q.options.length < MIN_OPTIONS) problems.push({ path: at('options'), key: 'fewOptions', params: { min: MIN_OPTIONS } });
  q.options.forEach((o, j) => {
    if (isBlank(o.textRu)) problems.push({ path: at(`options.${j}.textRu`), key: 'emptyOption' });
    if (isBlank(o.textEn)) problems.push({ path: at(`options.${j}.textEn`), key: 'emptyOption' });
  });
  const correct = q.options.filter((o) => o.isCorrect).length;
  if (correct === 0) problems.push({ path: at('correct'), key: q.kind === 'single' ? 'noCorrectSingle' : 'noCorrectMultiple' });
  else if (q.kind === 'single' && correct > 1) problems.push({ path: at('correct'), key: 'manyCorrect' });
  return problems;
}

const isMinutes = (value: number | string, max: number) => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max;

/** Every problem of the blocks: titles, limits, blocks without questions, questions without a block. */
function blockProblems(blocks: readonly EditorBlock[], questions: readonly EditorQuestion[]): EditorProblem[] {
  if (blocks.length === 0) return [];
  const problems: EditorProblem[] = [];
  blocks.forEach((b, i) => {
    if (isBlank(b.titleRu)) problems.push({ path: `blocks.${i}.titleRu`, key: 'emptyTitle' });
    if (isBlank(b.titleEn)) problems.push({ path: `blocks.${i}.titleEn`, key: 'emptyTitle' });
    if (!isMinutes(b.timeLimitMinutes, TEST_BLOCK_LIMITS.maxMinutes)) problems.push({ path: `blocks.${i}.timeLimitMinutes`, key: 'blockLimit', params: { min: TEST_BLOCK_LIMITS.minMinutes, max: TEST_BLOCK_LIMITS.maxMinutes } });
    if (!questions.some((q) => q.blockUid === b.uid)) problems.push({ path: `blocks.${i}`, key: 'emptyBlock' });
  });
  questions.forEach((q, i) => {
    if (!blocks.some((b) => b.uid === q.blockUid)) problems.push({ path: `questions.${i}.block`, key: 'noBlock' });
  });
  return problems;
}

/** Everything wrong with the bank, its blocks and the window before it is sent; empty when it can be saved. */
export function validateTest(window: { opensAt: string; closesAt: string; durationMinutes: number | string }, questions: readonly EditorQuestion[], blocks: readonly EditorBlock[] = []): EditorProblem[] {
  const problems: EditorProblem[] = [];
  if (new Date(window.closesAt).getTime() <= new Date(window.opensAt).getTime()) problems.push({ path: 'closesAt', key: 'closeBeforeOpen' });
  // With blocks each block has its own limit and the test's duration is their sum.
  if (blocks.length === 0 && !isMinutes(window.durationMinutes, 600)) problems.push({ path: 'durationMinutes', key: 'duration', params: { min: 1, max: 600 } });
  if (questions.length === 0) problems.push({ path: 'questions', key: 'noQuestions' });
  if (questions.length > MAX_QUESTIONS) problems.push({ path: 'questions', key: 'tooManyQuestions', params: { max: MAX_QUESTIONS } });
  return [...problems, ...blockProblems(blocks, questions), ...questions.flatMap(questionProblems)];
}

/**
 * The server's field errors by the editor's paths: the route prefixes body fields with "body.", and a
 * numeric question's correct answer is shown at its value field.
 */
export function serverErrorsByPath(errors: ReadonlyArray<{ path: string; message: string }>, questions: readonly EditorQuestion[]): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const e of errors) {
    let path = e.path.replace(/^body\./, '');
    const numeric = /^questions\.(\d+)\.correct(\..*)?$/.exec(path);
    if (numeric && questions[Number(numeric[1])]?.kind === 'numeric') path = `questions.${numeric[1]}.${numeric[2] === '.tolerance' ? 'tolerance' : 'value'}`;
    byPath[path] ??= e.message;
  }
  return byPath;
}
