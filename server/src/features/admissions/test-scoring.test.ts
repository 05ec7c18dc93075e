import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCorrect, scoreTest, shuffled } from './test-scoring.ts';

const single = { id: 'q1', kind: 'single', correct: ['b'], points: 1 };
const multiple = { id: 'q2', kind: 'multiple', correct: ['a', 'c'], points: 2 };
const numeric = { id: 'q3', kind: 'numeric', correct: { value: 550_000, tolerance: 1000 }, points: 1 };

describe('isCorrect', () => {
  it('needs exactly the right choices and a number within the tolerance', () => {
    expect(isCorrect(single, ['b'])).toBe(true);
    expect(isCorrect(single, ['a'])).toBe(false);
    expect(isCorrect(multiple, ['c', 'a'])).toBe(true);
    expect(isCorrect(multiple, ['a'])).toBe(false);
    expect(isCorrect(multiple, ['a', 'b', 'c'])).toBe(false);
    expect(isCorrect(numeric, 550_900)).toBe(true);
    expect(isCorrect(numeric, 552_000)).toBe(false);
    expect(isCorrect(numeric, ['550000'])).toBe(false);
  });
});

describe('scoreTest', () => {
  it('is the share of points earned, unanswered counting as wrong', () => {
    expect(scoreTest([single, multiple, numeric], new Map<string, unknown>([['q1', ['b']], ['q2', ['a', 'c']]]))).toBe(75);
    expect(scoreTest([single, multiple, numeric], new Map())).toBe(0);
  });
});

describe('shuffled', () => {
  it('is a permutation of its input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), (items) => {
        expect([...shuffled(items)].sort()).toEqual([...items].sort());
      }),
    );
  });
});
