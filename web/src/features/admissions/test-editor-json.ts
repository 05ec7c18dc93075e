/**
 * Moving a question bank between campaigns as a JSON file: the export is the contract's question array,
 * the import is checked against the same zod schema the server uses (and the server's rule that the
 * correct answer names existing options), so a file that loads here also saves.
 */
import { TEST_BLOCK_LIMITS, TestBlockInputSchema, TestQuestionInputSchema, type TestBlockInput, type TestQuestionInput } from '@ms/contracts/admissions';
import { bankToEditor, editorToBlocks, editorToQuestion, MAX_QUESTIONS, type EditorBlock, type EditorQuestion } from './test-editor.ts';

// The schemas' own .array(): the web app takes zod only through the contracts.
const BankSchema = TestQuestionInputSchema.array().min(1).max(MAX_QUESTIONS);
const BlocksSchema = TestBlockInputSchema.array().max(TEST_BLOCK_LIMITS.maxBlocks);

/** One thing wrong with an imported file: where (questions.2.textRu, or '' for the file) and what. */
export interface ImportProblem {
  path: string;
  message: string;
}

export type ImportResult = { ok: true; questions: EditorQuestion[]; blocks: EditorBlock[] } | { ok: false; problems: ImportProblem[] };

/**
 * The bank as pretty-printed JSON in the contract's shape (the ids of saved questions left out): the
 * question array, or { blocks, questions } when the test has blocks.
 */
export function exportQuestionsJson(questions: readonly EditorQuestion[], blocks: readonly EditorBlock[] = []): string {
  const list = questions.map((q) => editorToQuestion(q, blocks));
  return `${JSON.stringify(blocks.length === 0 ? list : { blocks: editorToBlocks(blocks), questions: list }, null, 2)}\n`;
}

/** The server's block rules: every question in a declared block, none without one. */
function membershipProblems(blocks: readonly TestBlockInput[], questions: readonly TestQuestionInput[]): ImportProblem[] {
  const keys = new Set(blocks.map((b) => b.key));
  if (keys.size !== blocks.length) return [{ path: 'blocks', message: 'block keys repeat' }];
  return questions.flatMap((q, index) => {
    const path = `questions.${index}.block`;
    if (blocks.length === 0) return q.block === undefined ? [] : [{ path, message: 'the file declares no blocks' }];
    return q.block !== undefined && keys.has(q.block) ? [] : [{ path, message: 'names no declared block' }];
  });
}

/** The server's rule for correct answers, repeated so a bad file is refused before it reaches the form. */
function answerProblems(questions: readonly TestQuestionInput[]): ImportProblem[] {
  return questions.flatMap((q, index) => {
    const keys = new Set(q.options.map((o) => o.key));
    const path = `questions.${index}.correct`;
    if (q.kind === 'numeric') return Array.isArray(q.correct) ? [{ path, message: 'numeric question needs {"value", "tolerance"}' }] : [];
    if (!Array.isArray(q.correct)) return [{ path, message: 'choice question needs an array of option keys' }];
    if (q.options.length < 2) return [{ path: `questions.${index}.options`, message: 'at least 2 options' }];
    if (keys.size !== q.options.length) return [{ path: `questions.${index}.options`, message: 'option keys repeat' }];
    if (!q.correct.every((k) => keys.has(k))) return [{ path, message: 'names an option that does not exist' }];
    if (q.kind === 'single' && q.correct.length !== 1) return [{ path, message: 'single choice needs exactly one correct option' }];
    return [];
  });
}

/**
 * Reads a bank from JSON text: the array itself, or an object with a `questions` array (a saved test).
 * Problems name each bad field so the person can fix the file.
 */
export function parseQuestionsJson(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: error instanceof Error ? error.message : 'not JSON' }] };
  }
  let blocks: unknown = [];
  if (data && typeof data === 'object' && !Array.isArray(data) && 'questions' in data) {
    blocks = (data as { blocks?: unknown }).blocks ?? [];
    data = (data as { questions: unknown }).questions;
  }
  const parsedBlocks = BlocksSchema.safeParse(blocks);
  if (!parsedBlocks.success) {
    return { ok: false, problems: parsedBlocks.error.issues.slice(0, 20).map((issue) => ({ path: ['blocks', ...issue.path.map(String)].join('.'), message: issue.message })) };
  }
  // Saved questions carry their database ids; a bank copied from the staff API should load as well.
  if (Array.isArray(data)) data = data.map((q: unknown) => (q && typeof q === 'object' && 'id' in q ? omitId(q as Record<string, unknown>) : q));
  const parsed = BankSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 20).map((issue) => ({ path: ['questions', ...issue.path.map(String)].join('.'), message: issue.message })) };
  }
  const problems = [...answerProblems(parsed.data), ...membershipProblems(parsedBlocks.data, parsed.data)];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, ...bankToEditor({ blocks: parsedBlocks.data, questions: parsed.data }) };
}

function omitId(question: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, ...rest } = question;
  return rest;
}
