import { describe, expect, it } from 'vitest';
import { exportQuestionsJson, parseQuestionsJson } from './test-editor-json.ts';
import { markCorrect, newQuestion } from './test-editor.ts';

const BANK = [
  { kind: 'single', textRu: 'Столица?', textEn: 'Capital?', options: [{ key: 'a', textRu: 'Москва', textEn: 'Moscow' }, { key: 'b', textRu: 'Пермь', textEn: 'Perm' }], correct: ['a'], points: 2 },
  { kind: 'numeric', textRu: 'Сколько?', textEn: 'How many?', options: [], correct: { value: 10, tolerance: 0 }, points: 1 },
];

describe('question bank JSON', () => {
  it('round-trips a bank through export and import', () => {
    const q = markCorrect({ ...newQuestion('multiple'), textRu: 'Р', textEn: 'E', options: [{ textRu: '1', textEn: '1', isCorrect: false }, { textRu: '2', textEn: '2', isCorrect: false }] }, 1, true);
    const text = exportQuestionsJson([q]);
    const result = parseQuestionsJson(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(exportQuestionsJson(result.questions)).toBe(text);
  });

  it('accepts the array, a whole saved test with ids, and fills the contract’s defaults', () => {
    expect(parseQuestionsJson(JSON.stringify(BANK)).ok).toBe(true);
    const saved = parseQuestionsJson(JSON.stringify({ opensAt: null, questions: BANK.map((q, i) => ({ id: `id-${i}`, ...q })) }));
    expect(saved.ok && saved.questions.map((q) => q.kind)).toEqual(['single', 'numeric']);
    const noDefaults = parseQuestionsJson(JSON.stringify([{ kind: 'numeric', textRu: 'Р', textEn: 'E', correct: { value: 1 } }]));
    expect(noDefaults.ok && noDefaults.questions[0]).toMatchObject({ points: 1, tolerance: 0 });
  });

  it('refuses text that is not JSON, an empty bank and unknown fields, naming the field', () => {
    expect(parseQuestionsJson('{ not json')).toMatchObject({ ok: false, problems: [{ path: '' }] });
    expect(parseQuestionsJson('[]')).toMatchObject({ ok: false, problems: [{ path: 'questions' }] });
    const unknown = parseQuestionsJson(JSON.stringify([{ ...BANK[0], colour: 'red' }]));
    expect(unknown.ok).toBe(false);
    const empty = parseQuestionsJson(JSON.stringify([{ ...BANK[0], textEn: '' }]));
    expect(!empty.ok && empty.problems.map((p) => p.path)).toEqual(['questions.0.textEn']);
  });

  it('refuses correct answers the server would refuse', () => {
    const cases = [
      { ...BANK[0], correct: ['z'] },
      { ...BANK[0], correct: ['a', 'b'] },
      { ...BANK[0], options: [BANK[0]!.options[0]] },
      { ...BANK[1], correct: ['a'] },
      { ...BANK[0], options: [BANK[0]!.options[0], BANK[0]!.options[0]] },
    ];
    for (const q of cases) expect(parseQuestionsJson(JSON.stringify([q])).ok, JSON.stringify(q)).toBe(false);
  });
});
