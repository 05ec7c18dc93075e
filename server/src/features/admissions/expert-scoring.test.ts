import { describe, expect, it } from 'vitest';
import { expertStageScore, pickExperts, pointsProblems, reviewTotal } from './expert-scoring.ts';

const rubric = [
  { key: 'a', titleRu: 'А', titleEn: 'A', weight: 3, maxPoints: 10 },
  { key: 'b', titleRu: 'Б', titleEn: 'B', weight: 1, maxPoints: 5 },
];

describe('expert scoring', () => {
  it('weights criteria by weight over their maximum, on 0–100', () => {
    expect(reviewTotal(rubric, { a: 10, b: 5 })).toBe(100);
    expect(reviewTotal(rubric, { a: 0, b: 0 })).toBe(0);
    expect(reviewTotal(rubric, { a: 5, b: 5 })).toBe(62.5);
  });

  it('names missing, unknown and too high points', () => {
    expect(pointsProblems(rubric, { a: 11, c: 1 }).map((p) => p.path)).toEqual(['body.points.a', 'body.points.b', 'body.points.c']);
  });

  it('averages two that agree, waits for a pending third, and drops the outlier of three', () => {
    expect(expertStageScore([70, 80], 20, false)).toBe(75);
    expect(expertStageScore([20, 100], 20, true)).toBeNull();
    expect(expertStageScore([20, 100], 20, false)).toBe(60);
    expect(expertStageScore([20, 100, 90], 20, false)).toBe(95);
    expect(expertStageScore([80], 20, false)).toBeNull();
  });

  it('never picks an expert of the applicant’s region or one already scoring, and spreads the load', () => {
    const pool = [
      { userId: 'x', regionCode: 'RU-SAM' },
      { userId: 'y', regionCode: 'RU-MOW' },
      { userId: 'z', regionCode: 'RU-PER' },
      { userId: 'w', regionCode: 'RU-IRK' },
    ];
    const load = new Map<string, number>();
    for (let i = 0; i < 40; i += 1) {
      const picked = pickExperts({ id: `app-${i}`, regionCode: 'RU-SAM' }, pool, load, new Set(['w']), 2);
      expect(picked).toHaveLength(2);
      expect(picked).not.toContain('x');
      expect(picked).not.toContain('w');
    }
    expect(Math.abs((load.get('y') ?? 0) - (load.get('z') ?? 0))).toBe(0);
  });
});
