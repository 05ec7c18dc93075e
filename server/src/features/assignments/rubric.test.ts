import { describe, expect, it } from 'vitest';
import { checkRubric, scoreRubric } from './rubric.ts';

const levels = (...points: number[]) => points.map((p) => ({ titleRu: `${p}`, titleEn: `${p}`, points: p }));
const rubric = [
  { key: 'a', titleRu: 'А', titleEn: 'A', weight: 3, levels: levels(0, 2, 4) },
  { key: 'b', titleRu: 'Б', titleEn: 'B', weight: 1, levels: levels(0, 1) },
];

describe('rubric scoring', () => {
  it('normalises weighted levels to 0–100 whatever the weights add up to', () => {
    expect(scoreRubric(rubric, { a: 2, b: 1 }).score).toBe(100);
    expect(scoreRubric(rubric, { a: 1, b: 0 }).score).toBe(37.5);
    expect(scoreRubric(rubric, { a: 0, b: 0 }).score).toBe(0);
  });

  it('names a missing criterion, an unknown level and an unknown criterion', () => {
    expect(scoreRubric(rubric, { a: 5, c: 0 }).problems).toEqual([
      { path: 'body.levels.a', key: 'assignments.level_unknown' },
      { path: 'body.levels.b', key: 'assignments.level_missing' },
      { path: 'body.levels.c', key: 'assignments.level_unknown' },
    ]);
  });

  it('refuses duplicate criterion keys and a criterion that can score nothing', () => {
    expect(checkRubric([...rubric, { ...rubric[0]!, levels: levels(0, 0) }]).map((p) => p.key)).toEqual(['assignments.rubric_duplicate_key', 'assignments.rubric_no_points']);
  });
});
