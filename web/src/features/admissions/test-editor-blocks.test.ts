import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { SetTestBodySchema } from '@ms/contracts/admissions';
import { problemFieldLabel } from './QuestionBankProblem.tsx';
import { exportQuestionsJson, parseQuestionsJson } from './test-editor-json.ts';
import { addBlock, bankToEditor, buildSetTestBody, markCorrect, moveBlock, newQuestion, removeBlock, serverErrorsByPath, validateTest, type EditorQuestion } from './test-editor.ts';

const WINDOW = { opensAt: '2027-03-01T07:00:00.000Z', closesAt: '2027-03-03T07:00:00.000Z', durationMinutes: 45 };

function filled(blockUid: string | null = null): EditorQuestion {
  const q = newQuestion('single', blockUid);
  return markCorrect({ ...q, textRu: 'Столица?', textEn: 'Capital?', options: [{ textRu: 'Москва', textEn: 'Moscow', isCorrect: false }, { textRu: 'Пермь', textEn: 'Perm', isCorrect: false }] }, 0, true);
}

/** A bank of two named blocks, one question in each. */
function twoBlocks() {
  const first = addBlock([], [filled()]);
  const both = addBlock(first.blocks, first.questions);
  const blocks = both.blocks.map((b, i) => ({ ...b, titleRu: `Блок ${i + 1}`, titleEn: `Block ${i + 1}`, timeLimitMinutes: 10 * (i + 1) }));
  return { blocks, questions: [...both.questions, filled(blocks[1]!.uid)] };
}

describe('the question-bank editor’s blocks', () => {
  it('puts every question in the first block added, and builds a body with block keys from positions and no overall duration', () => {
    const { blocks, questions } = twoBlocks();
    expect(questions.map((q) => q.blockUid)).toEqual([blocks[0]!.uid, blocks[1]!.uid]);
    const body = buildSetTestBody(WINDOW, questions, blocks);
    expect(SetTestBodySchema.parse(body)).toEqual(body);
    expect(body.durationMinutes).toBeUndefined();
    expect(body.blocks).toEqual([
      { key: 'b1', titleRu: 'Блок 1', titleEn: 'Block 1', timeLimitMinutes: 10 },
      { key: 'b2', titleRu: 'Блок 2', titleEn: 'Block 2', timeLimitMinutes: 20 },
    ]);
    expect(body.questions.map((q) => q.block)).toEqual(['b1', 'b2']);
    // Reordered blocks keep their questions: the keys follow the new positions.
    const moved = buildSetTestBody(WINDOW, questions, moveBlock(blocks, 1, -1));
    expect(moved.questions.map((q) => q.block)).toEqual(['b2', 'b1']);
  });

  it('names untitled blocks, bad limits, empty blocks and questions without a block; the duration only without blocks', () => {
    const { blocks, questions } = twoBlocks();
    const bad = [{ ...blocks[0]!, titleEn: ' ', timeLimitMinutes: 0 }, blocks[1]!, { ...blocks[1]!, uid: 'empty' }];
    const found = validateTest({ ...WINDOW, durationMinutes: '' }, [...questions, filled()], bad).map((p) => `${p.path}:${p.key}`);
    expect(found).toEqual(['blocks.0.titleEn:emptyTitle', 'blocks.0.timeLimitMinutes:blockLimit', 'blocks.2:emptyBlock', 'questions.2.block:noBlock']);
    expect(validateTest({ ...WINDOW, durationMinutes: '' }, [filled()]).map((p) => p.path)).toEqual(['durationMinutes']);
  });

  it('moves a removed block’s questions to its neighbour, and back to one time limit when the last block goes', () => {
    const { blocks, questions } = twoBlocks();
    const one = removeBlock(blocks, questions, 0);
    expect(one.questions.map((q) => q.blockUid)).toEqual([blocks[1]!.uid, blocks[1]!.uid]);
    const none = removeBlock(one.blocks, one.questions, 0);
    expect(none).toEqual({ blocks: [], questions: one.questions.map((q) => ({ ...q, blockUid: null })) });
  });

  it('loads a saved bank with blocks, round-trips it through JSON and shows a server error at the block', () => {
    const { blocks, questions } = twoBlocks();
    const text = exportQuestionsJson(questions, blocks);
    const loaded = parseQuestionsJson(text);
    expect(loaded.ok && exportQuestionsJson(loaded.questions, loaded.blocks)).toBe(text);
    const saved = bankToEditor(buildSetTestBody(WINDOW, questions, blocks));
    expect(saved.questions.map((q) => saved.blocks.findIndex((b) => b.uid === q.blockUid))).toEqual([0, 1]);
    expect(parseQuestionsJson(JSON.stringify({ blocks: [], questions: [{ ...JSON.parse(text).questions[0] }] })).ok).toBe(false);
    expect(serverErrorsByPath([{ path: 'body.blocks.1', message: 'В блоке нет ни одного вопроса' }], questions)).toEqual({ 'blocks.1': 'В блоке нет ни одного вопроса' });
  });

  it('names the block and its field, or the question’s block, in a server error', () => {
    const t = ((key: string, options?: Record<string, unknown>) => (options ? `${key}${JSON.stringify(options)}` : key)) as unknown as TFunction;
    expect(problemFieldLabel(t, 'body.blocks.1.timeLimitMinutes')).toBe('admissions.test.editor.blocks.block{"n":2}, admissions.test.editor.blocks.limit');
    expect(problemFieldLabel(t, 'body.blocks.0')).toBe('admissions.test.editor.blocks.block{"n":1}');
    expect(problemFieldLabel(t, 'body.questions.3.block')).toBe('admissions.test.question{"n":4}, admissions.test.editor.blocks.select');
  });
});
