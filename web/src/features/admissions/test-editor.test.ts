import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { SetTestBodySchema } from '@ms/contracts/admissions';
import { problemFieldLabel } from './QuestionBankProblem.tsx';
import { addOption, buildSetTestBody, changeKind, duplicateQuestion, markCorrect, moveQuestion, newQuestion, questionsToEditor, removeOption, serverErrorsByPath, validateTest, type EditorQuestion } from './test-editor.ts';

const WINDOW = { opensAt: '2027-03-01T07:00:00.000Z', closesAt: '2027-03-03T07:00:00.000Z', durationMinutes: 45 };

function filledSingle(): EditorQuestion {
  const q = newQuestion('single');
  return markCorrect({ ...q, textRu: 'Столица?', textEn: 'Capital?', options: [{ textRu: 'Москва', textEn: 'Moscow', isCorrect: false }, { textRu: 'Пермь', textEn: 'Perm', isCorrect: false }] }, 0, true);
}

const paths = (questions: EditorQuestion[], window = WINDOW) => validateTest(window, questions).map((p) => `${p.path}:${p.key}`);

describe('the question-bank editor', () => {
  it('builds a body the contract accepts, with option keys from positions and numeric answers as value and tolerance', () => {
    const multiple = markCorrect(markCorrect(addOption({ ...newQuestion('multiple'), textRu: ' Чётные ', textEn: 'Even', points: 2 }), 1, true), 2, true);
    multiple.options = multiple.options.map((o, i) => ({ ...o, textRu: `${i * 1}`, textEn: `${i}` }));
    const numeric = { ...newQuestion('numeric'), textRu: 'Сколько?', textEn: 'How many?', value: 550000, tolerance: 1000 };
    const body = buildSetTestBody(WINDOW, [filledSingle(), multiple, numeric]);
    expect(SetTestBodySchema.parse(body)).toEqual(body);
    expect(body.questions[0]).toMatchObject({ kind: 'single', options: [{ key: 'a' }, { key: 'b' }], correct: ['a'] });
    expect(body.questions[1]).toMatchObject({ kind: 'multiple', textRu: 'Чётные', correct: ['b', 'c'], points: 2 });
    expect(body.questions[2]).toEqual({ kind: 'numeric', textRu: 'Сколько?', textEn: 'How many?', options: [], correct: { value: 550000, tolerance: 1000 }, points: 1 });
  });

  it('finds nothing wrong with a complete bank', () => {
    expect(paths([filledSingle()])).toEqual([]);
  });

  it('names every empty text, a missing correct option and a missing numeric value at its field', () => {
    const blank = newQuestion('single');
    const numeric = { ...newQuestion('numeric'), textRu: 'Сколько?', textEn: 'How many?', tolerance: -1 };
    expect(paths([filledSingle(), blank, numeric])).toEqual([
      'questions.1.textRu:emptyText',
      'questions.1.textEn:emptyText',
      'questions.1.options.0.textRu:emptyOption',
      'questions.1.options.0.textEn:emptyOption',
      'questions.1.options.1.textRu:emptyOption',
      'questions.1.options.1.textEn:emptyOption',
      'questions.1.correct:noCorrectSingle',
      'questions.2.value:noValue',
      'questions.2.tolerance:tolerance',
    ]);
  });

  it('refuses an empty bank, points out of range, a bad time limit and a window that closes before it opens', () => {
    expect(paths([], { ...WINDOW, closesAt: WINDOW.opensAt, durationMinutes: 0 })).toEqual(['closesAt:closeBeforeOpen', 'durationMinutes:duration', 'questions:noQuestions']);
    expect(paths([{ ...filledSingle(), points: 101 }])).toEqual(['questions.0.points:points']);
    expect(paths([{ ...filledSingle(), points: '' }])).toEqual(['questions.0.points:points']);
  });

  it('keeps one correct mark in a single choice and any number in a multiple choice', () => {
    const single = markCorrect(filledSingle(), 1, true);
    expect(single.options.map((o) => o.isCorrect)).toEqual([false, true]);
    const multiple = markCorrect(changeKind(single, 'multiple'), 0, true);
    expect(multiple.options.map((o) => o.isCorrect)).toEqual([true, true]);
    expect(changeKind(multiple, 'single').options.map((o) => o.isCorrect)).toEqual([true, false]);
    expect(changeKind(multiple, 'numeric').options).toEqual([]);
    expect(changeKind(changeKind(multiple, 'numeric'), 'single').options).toHaveLength(2);
  });

  it('never goes below two options or above ten', () => {
    const q = filledSingle();
    expect(removeOption(q, 0).options).toHaveLength(2);
    let many = q;
    for (let i = 0; i < 12; i++) many = addOption(many);
    expect(many.options).toHaveLength(10);
    expect(removeOption(addOption(q), 0).options.map((o) => o.textRu)).toEqual(['Пермь', '']);
  });

  it('moves, duplicates and keeps distinct React keys', () => {
    const [a, b] = [filledSingle(), { ...newQuestion('numeric'), textRu: 'N' }];
    expect(moveQuestion([a, b], 0, 1)).toEqual([b, a]);
    expect(moveQuestion([a, b], 0, -1)).toEqual([a, b]);
    const copied = duplicateQuestion([a, b], 0);
    expect(copied.map((q) => q.textRu)).toEqual(['Столица?', 'Столица?', 'N']);
    expect(copied[1]!.uid).not.toBe(a.uid);
    copied[1]!.options[0]!.textRu = 'changed';
    expect(a.options[0]!.textRu).toBe('Москва');
  });

  it('loads saved questions back into cards with their correct marks', () => {
    const [single, numeric] = questionsToEditor([
      { kind: 'single', textRu: 'Р', textEn: 'E', options: [{ key: 'x', textRu: '1', textEn: '1' }, { key: 'y', textRu: '2', textEn: '2' }], correct: ['y'], points: 3 },
      { kind: 'numeric', textRu: 'Р', textEn: 'E', options: [], correct: { value: 2.5, tolerance: 0.1 }, points: 1 },
    ]);
    expect(single!.options.map((o) => o.isCorrect)).toEqual([false, true]);
    expect(single!.points).toBe(3);
    expect(numeric).toMatchObject({ value: 2.5, tolerance: 0.1, options: [] });
  });

  it('places the server’s field errors at the editor’s fields', () => {
    const questions = [filledSingle(), { ...newQuestion('numeric'), textRu: 'N', textEn: 'N', value: 1 }];
    const errors = serverErrorsByPath(
      [
        { path: 'body.questions.0.textRu', message: 'too long' },
        { path: 'body.questions.0.correct', message: 'bad answer' },
        { path: 'body.questions.1.correct', message: 'bad number' },
        { path: 'body.closesAt', message: 'before open' },
      ],
      questions,
    );
    expect(errors).toEqual({ 'questions.0.textRu': 'too long', 'questions.0.correct': 'bad answer', 'questions.1.value': 'bad number', closesAt: 'before open' });
  });
});

describe('the refused save’s summary', () => {
  const t = ((key: string, options?: Record<string, unknown>) => (options ? `${key}${JSON.stringify(options)}` : key)) as unknown as TFunction;

  it('names the question and the field of each server error', () => {
    expect(problemFieldLabel(t, 'body.questions.2.textEn')).toBe('admissions.test.question{"n":3}, admissions.test.editor.textEn');
    expect(problemFieldLabel(t, 'body.questions.0.options.1.textRu')).toBe('admissions.test.question{"n":1}, admissions.test.editor.optionRu{"key":"b"}');
    expect(problemFieldLabel(t, 'body.questions.4.correct')).toBe('admissions.test.question{"n":5}, admissions.test.editor.correct');
    expect(problemFieldLabel(t, 'body.closesAt')).toBe('admissions.test.closesAt');
    expect(problemFieldLabel(t, 'id')).toBe('id');
  });
});
