import { describe, expect, it } from 'vitest';
import { composeEssay, postKindOf, territoryOf } from './admissions-essays.ts';
import { FEDERAL_SUBJECTS } from '../reference/federal-subjects.data.ts';
import { mulberry32 } from './prng.ts';

const POSITIONS = ['Глава городского округа', 'Заместитель главы администрации муниципального района', 'Начальник управления экономического развития', 'Глава сельского поселения'];
const essays = Array.from({ length: 640 }, (_, i) =>
  composeEssay(mulberry32(1000 + i), { regionCode: FEDERAL_SUBJECTS[i % FEDERAL_SUBJECTS.length]!.code, position: POSITIONS[i % POSITIONS.length], managementYears: 2 + (i % 15) }),
);

describe('demo motivation essays', () => {
  it('are the same for the same seed and differ from one applicant to the next', () => {
    expect(composeEssay(mulberry32(7), { regionCode: 'RU-SAM', position: POSITIONS[0], managementYears: 5 })).toBe(composeEssay(mulberry32(7), { regionCode: 'RU-SAM', position: POSITIONS[0], managementYears: 5 }));
    expect(new Set(essays).size).toBe(essays.length);
    // Not just shuffled: the opening paragraphs alone vary widely.
    expect(new Set(essays.map((e) => e.split('\n\n')[0])).size).toBeGreaterThan(100);
  });

  it('read as Russian prose of a plausible length, with every placeholder filled and no region or municipality named', () => {
    for (const essay of essays) {
      expect(essay.length).toBeGreaterThan(600);
      expect(essay.length).toBeLessThan(3000);
      expect(essay).not.toMatch(/[{}]|undefined|NaN/);
      expect(essay.split('\n\n')).toHaveLength(4);
    }
    const names = FEDERAL_SUBJECTS.flatMap((s) => [s.nameRu, s.capitalRu]);
    expect(essays.filter((e) => names.some((n) => e.includes(n)))).toEqual([]);
  });

  it('key the territory to the region and the themes to the post', () => {
    expect([territoryOf('RU-MOW'), territoryOf('RU-YAN'), territoryOf('RU-PRI'), territoryOf('RU-KDA'), territoryOf('RU-KEM'), territoryOf('RU-SAM'), territoryOf('RU-TUL')]).toEqual([
      'capital',
      'north',
      'far_east',
      'south',
      'siberia_ural',
      'volga',
      'central',
    ]);
    expect([postKindOf('Глава городского округа'), postKindOf('Заместитель главы администрации'), postKindOf('Начальник управления экономического развития')]).toEqual(['head', 'deputy', 'economy']);
    const economists = essays.filter((_, i) => i % POSITIONS.length === 2);
    const economyThemes = economists.filter((e) => /бюджет|инвест|предпринимат|закуп|имуществ/.test(e)).length;
    expect(economyThemes / economists.length).toBeGreaterThan(0.6);
  });
});
