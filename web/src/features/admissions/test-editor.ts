/**
 * The question-bank editor's state and its pure rules: what staff edit (cards with options and a
 * "correct" mark on each), how it becomes the API's SetTestBody, and what is wrong with it before saving.
 * Option keys are not edited: they are the option's position (a, b, c…), so a bank never holds two
 * options with one key and removing an option cannot leave a "correct" key pointing nowhere.
 */
import type { SetTestBody, TestQuestionInput } from '@ms/contracts/admissions';

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
}

/** What the editor can say is wrong: a catalogue key under admissions.test.errors and its parameters. */
export type EditorProblemKey = 'emptyText' | 'emptyOption' | 'points' | 'noValue' | 'tolerance' | 'fewOptions' | 'noCorrectSingle' | 'noCorrectMultiple' | 'manyCorrect' | 'closeBeforeOpen' | 'duration' | 'noQuestions' | 'tooManyQuestions';
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

/** The key an option gets from its position: a, b, c… */
export const optionKey = (index: number): string => KEYS[index] ?? `o${index}`;

const emptyOption = (): EditorOption => ({ textRu: '', textEn: '', isCorrect: false });

/** A new blank question of the kind; choice questions start with two empty options. */
export function newQuestion(kind: QuestionKind): EditorQuestion {
  return { uid: nextUid(), kind, textRu: '', textEn: '', points: 1, options: kind === 'numeric' ? [] : [emptyOption(), emptyOption()], value: '', tolerance: 0 };
}

/** Turns questions in the contract's shape (from the server or a JSON file) into editor cards. */
export function questionsToEditor(questions: readonly TestQuestionInput[]): EditorQuestion[] {
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
export function editorToQuestion(q: EditorQuestion): TestQuestionInput {
  const points = typeof q.points === 'number' ? q.points : 1;
  if (q.kind === 'numeric') {
    return { kind: q.kind, textRu: q.textRu.trim(), textEn: q.textEn.trim(), options: [], correct: { value: Number(q.value), tolerance: typeof q.tolerance === 'number' ? q.tolerance : 0 }, points };
  }
  const options = q.options.map((o, i) => ({ key: optionKey(i), textRu: o.textRu.trim(), textEn: o.textEn.trim() }));
  return { kind: q.kind, textRu: q.textRu.trim(), textEn: q.textEn.trim(), options, correct: options.filter((_, i) => q.options[i]!.isCorrect).map((o) => o.key), points };
}

/** The whole PUT body from the window, the time limit and the cards. */
export function buildSetTestBody(window: { opensAt: string; closesAt: string; durationMinutes: number }, questions: readonly EditorQuestion[]): SetTestBody {
  return { ...window, questions: questions.map(editorToQuestion) };
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

/** Everything wrong with the bank and the window before it is sent; empty when it can be saved. */
export function validateTest(window: { opensAt: string; closesAt: string; durationMinutes: number | string }, questions: readonly EditorQuestion[]): EditorProblem[] {
  const problems: EditorProblem[] = [];
  if (new Date(window.closesAt).getTime() <= new Date(window.opensAt).getTime()) problems.push({ path: 'closesAt', key: 'closeBeforeOpen' });
  const d = window.durationMinutes;
  if (typeof d !== 'number' || !Number.isInteger(d) || d < 1 || d > 600) problems.push({ path: 'durationMinutes', key: 'duration', params: { min: 1, max: 600 } });
  if (questions.length === 0) problems.push({ path: 'questions', key: 'noQuestions' });
  if (questions.length > MAX_QUESTIONS) problems.push({ path: 'questions', key: 'tooManyQuestions', params: { max: MAX_QUESTIONS } });
  return [...problems, ...questions.flatMap(questionProblems)];
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
