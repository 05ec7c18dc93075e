import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RankingConfig } from '@ms/contracts/admissions';
import { capOf, compositeScore, diffRankings, floorOf, rankCandidates, type RankingCandidate } from './ranking.ts';

const REGIONS = ['RU-MOW', 'RU-SAM', 'RU-IRK', 'RU-KLU', 'RU-PER', 'RU-CE'];

const baseConfig = (overrides: Partial<RankingConfig> = {}): RankingConfig => ({
  weights: { test: 1, expert: 1, interview: 0 },
  targetTotal: 3,
  reserveSize: 0,
  minScore: 0,
  defaultCap: null,
  defaultFloor: 0,
  caps: {},
  floors: {},
  ...overrides,
});

const candidate = (id: string, regionCode: string, test: number | null, expert: number | null = test, submittedAt = 0): RankingCandidate => ({
  id,
  regionCode,
  test,
  expert,
  interview: null,
  submittedAt,
});

const candidateArb = fc.record({
  id: fc.uuid(),
  regionCode: fc.constantFrom(...REGIONS),
  // Few distinct values, so ties are common.
  test: fc.option(fc.integer({ min: 0, max: 10 }).map((n) => n * 10), { nil: null }),
  expert: fc.option(fc.integer({ min: 0, max: 4 }).map((n) => n * 25), { nil: null }),
  interview: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  submittedAt: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
});
const candidatesArb = fc.uniqueArray(candidateArb, { selector: (c) => c.id, maxLength: 120 });
const regionNumbers = (max: number) => fc.dictionary(fc.constantFrom(...REGIONS), fc.integer({ min: 0, max }), { maxKeys: REGIONS.length });
const configArb: fc.Arbitrary<RankingConfig> = fc.record({
  weights: fc.record({ test: fc.integer({ min: 0, max: 5 }), expert: fc.integer({ min: 0, max: 5 }), interview: fc.integer({ min: 0, max: 5 }) }),
  targetTotal: fc.integer({ min: 1, max: 60 }),
  reserveSize: fc.integer({ min: 0, max: 20 }),
  minScore: fc.constantFrom(0, 10, 40),
  defaultCap: fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }),
  defaultFloor: fc.integer({ min: 0, max: 3 }),
  caps: regionNumbers(15),
  floors: regionNumbers(4),
});

describe('compositeScore', () => {
  it('is the weighted mean with missing scores as zero', () => {
    expect(compositeScore({ test: 80, expert: 60, interview: null }, { test: 3, expert: 1, interview: 0 })).toBe(75);
    expect(compositeScore({ test: 80, expert: null, interview: null }, { test: 1, expert: 1, interview: 0 })).toBe(40);
  });

  it('is zero when every weight is zero', () => {
    expect(compositeScore({ test: 80, expert: 60, interview: 10 }, { test: 0, expert: 0, interview: 0 })).toBe(0);
  });
});

describe('rankCandidates', () => {
  it('admits the best up to the target and lists the next as reserve', () => {
    const result = rankCandidates(
      [candidate('a', 'RU-MOW', 90), candidate('b', 'RU-MOW', 80), candidate('c', 'RU-SAM', 70), candidate('d', 'RU-SAM', 60), candidate('e', 'RU-IRK', 50)],
      baseConfig({ reserveSize: 1 }),
    );
    expect(result.items.map((i) => [i.id, i.outcome])).toEqual([
      ['a', 'admitted'],
      ['b', 'admitted'],
      ['c', 'admitted'],
      ['d', 'reserve'],
      ['e', 'rejected'],
    ]);
    expect(result.summary).toMatchObject({ admitted: 3, reserve: 1, rejected: 1, cutoff: 70 });
  });

  it('stops a region at its cap and takes the next region instead', () => {
    const result = rankCandidates(
      [candidate('a', 'RU-MOW', 90), candidate('b', 'RU-MOW', 85), candidate('c', 'RU-MOW', 80), candidate('d', 'RU-SAM', 50)],
      baseConfig({ caps: { 'RU-MOW': 2 } }),
    );
    expect(result.items.find((i) => i.id === 'c')).toMatchObject({ outcome: 'rejected', reason: 'cap_reached' });
    expect(result.items.find((i) => i.id === 'd')).toMatchObject({ outcome: 'admitted', reason: 'merit' });
  });

  it('holds a slot for a region floor and marks who got in by the floor', () => {
    const result = rankCandidates(
      [candidate('a', 'RU-MOW', 90), candidate('b', 'RU-MOW', 85), candidate('c', 'RU-MOW', 80), candidate('d', 'RU-CE', 20)],
      baseConfig({ floors: { 'RU-CE': 1 } }),
    );
    expect(result.items.map((i) => [i.id, i.outcome, i.reason])).toEqual([
      ['a', 'admitted', 'merit'],
      ['b', 'admitted', 'merit'],
      ['c', 'rejected', 'outside_target'],
      ['d', 'admitted', 'floor'],
    ]);
  });

  it('breaks ties by test score, then earlier submission, then id', () => {
    const result = rankCandidates(
      [candidate('z', 'RU-MOW', 50, 50, 5), candidate('y', 'RU-MOW', 60, 40, 9), candidate('x', 'RU-MOW', 50, 50, 1), candidate('w', 'RU-MOW', 50, 50, 1)],
      baseConfig({ targetTotal: 4 }),
    );
    expect(result.items.map((i) => i.id)).toEqual(['y', 'w', 'x', 'z']);
  });

  it('rejects those below the minimum score even when places remain', () => {
    const result = rankCandidates([candidate('a', 'RU-MOW', 90), candidate('b', 'RU-SAM', 5)], baseConfig({ minScore: 10, floors: { 'RU-SAM': 1 } }));
    expect(result.items.find((i) => i.id === 'b')).toMatchObject({ outcome: 'rejected', reason: 'below_min_score' });
  });
});

describe('rankCandidates properties', () => {
  it('never exceeds a region cap or the target total', () => {
    fc.assert(
      fc.property(candidatesArb, configArb, (candidates, config) => {
        const { items, summary } = rankCandidates(candidates, config);
        expect(summary.admitted).toBeLessThanOrEqual(config.targetTotal);
        for (const tally of summary.byRegion) expect(tally.admitted).toBeLessThanOrEqual(capOf(config, tally.regionCode));
        expect(items).toHaveLength(candidates.length);
      }),
      { numRuns: 300 },
    );
  });

  it('meets every floor where enough qualified, whenever the floors fit in the target', () => {
    fc.assert(
      fc.property(candidatesArb, configArb, (candidates, config) => {
        const { items, summary } = rankCandidates(candidates, config);
        const qualified = new Map<string, number>();
        for (const item of items) if (item.composite >= config.minScore) qualified.set(item.regionCode, (qualified.get(item.regionCode) ?? 0) + 1);
        const needs = [...qualified].map(([region, n]) => [region, Math.min(floorOf(config, region), n)] as const);
        fc.pre(needs.reduce((sum, [, need]) => sum + need, 0) <= config.targetTotal);
        for (const [region, need] of needs) {
          expect(summary.byRegion.find((r) => r.regionCode === region)?.admitted ?? 0).toBeGreaterThanOrEqual(need);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result whatever the input order (deterministic ties)', () => {
    fc.assert(
      fc.property(candidatesArb, configArb, fc.integer(), (candidates, config, seed) => {
        const shuffled = [...candidates].sort((a, b) => ((a.id.charCodeAt(3) * 31 + seed) % 7) - ((b.id.charCodeAt(3) * 31 + seed) % 7));
        expect(rankCandidates(shuffled, config)).toEqual(rankCandidates(candidates, config));
      }),
      { numRuns: 200 },
    );
  });

  it('fills the target when enough qualify and no cap stands in the way', () => {
    fc.assert(
      fc.property(candidatesArb, configArb, (candidates, config) => {
        const open = { ...config, defaultCap: null, caps: {}, minScore: 0 };
        const { summary } = rankCandidates(candidates, open);
        expect(summary.admitted).toBe(Math.min(candidates.length, open.targetTotal));
        expect(summary.reserve).toBe(Math.min(candidates.length - summary.admitted, open.reserveSize));
      }),
      { numRuns: 200 },
    );
  });

  it('orders exactly as the documented tie-breaking rule, fast path or not', () => {
    const reference = (candidates: RankingCandidate[], config: RankingConfig) =>
      candidates
        .map((c) => ({ c, s: compositeScore(c, config.weights) }))
        .sort(
          (a, b) =>
            b.s - a.s ||
            (b.c.test ?? -1) - (a.c.test ?? -1) ||
            (a.c.submittedAt ?? Number.MAX_SAFE_INTEGER) - (b.c.submittedAt ?? Number.MAX_SAFE_INTEGER) ||
            (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0),
        )
        .map((x) => x.c.id);
    const withOdd = fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        regionCode: fc.constantFrom(...REGIONS),
        test: fc.option(fc.double({ min: -5, max: 120, noNaN: true }), { nil: null }),
        expert: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
        interview: fc.constant(null),
        submittedAt: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      }),
      { selector: (c) => c.id, maxLength: 80 },
    );
    fc.assert(
      fc.property(fc.oneof(candidatesArb, withOdd), configArb, (candidates, config) => {
        expect(rankCandidates(candidates, config).items.map((i) => i.id)).toEqual(reference(candidates, config));
      }),
      { numRuns: 300 },
    );
  });

  it('reports as moved exactly the change in the admitted set', () => {
    fc.assert(
      fc.property(candidatesArb, configArb, configArb, (candidates, a, b) => {
        const current = rankCandidates(candidates, a);
        const proposed = rankCandidates(candidates, b);
        const { movedIn, movedOut } = diffRankings(current, proposed);
        expect(proposed.summary.admitted - current.summary.admitted).toBe(movedIn.length - movedOut.length);
        for (const item of movedOut) expect(item.outcome).not.toBe('admitted');
      }),
      { numRuns: 100 },
    );
  });
});
