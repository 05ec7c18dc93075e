import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareWithRandomSplits,
  countRegionClashes,
  generateTeams,
  minimumRegionClashes,
  planTeamSizes,
  randomSplit,
  scoreDiversity,
  type Candidate,
} from './team-generation.ts';
import { mulberry32 } from '../demo/prng.ts';

const DISTRICTS = ['CFD', 'NWFD', 'SFD', 'NCFD', 'VFD', 'UFD', 'SFD2', 'FEFD'];
const KINDS = ['urban_okrug', 'municipal_district', 'municipal_okrug', 'urban_settlement'];

const candidateArb = (regions: number) =>
  fc.record({
    region: fc.integer({ min: 0, max: regions - 1 }),
    kind: fc.constantFrom(...KINDS),
    age: fc.option(fc.integer({ min: 26, max: 60 }), { nil: null }),
  });

function toCandidates(rows: { region: number; kind: string; age: number | null }[]): Candidate[] {
  return rows.map((r, i) => ({
    personId: `p-${String(i).padStart(3, '0')}`,
    regionCode: `R-${r.region}`,
    federalDistrict: DISTRICTS[r.region % DISTRICTS.length] ?? null,
    municipalityKind: r.kind,
    age: r.age,
  }));
}

function stream80(seed: number): Candidate[] {
  const rng = mulberry32(seed);
  return Array.from({ length: 80 }, (_, i) => {
    const region = Math.floor(rng() * 60);
    return {
      personId: `p-${i}`,
      regionCode: `R-${region}`,
      federalDistrict: DISTRICTS[region % 8] ?? null,
      municipalityKind: KINDS[Math.floor(rng() * KINDS.length)] ?? null,
      age: 26 + Math.floor(rng() * 35),
    };
  });
}

describe('planTeamSizes', () => {
  it('keeps every size within 5–8 when a split can', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 400 }), (n) => {
        const sizes = planTeamSizes(n);
        expect(sizes.reduce((s, v) => s + v, 0)).toBe(n);
        for (const size of sizes) expect(size >= 5 && size <= 8).toBe(true);
      }),
    );
  });

  it('answers one team for a group no larger than the maximum', () => {
    expect(planTeamSizes(4)).toEqual([4]);
    expect(planTeamSizes(0)).toEqual([]);
  });
});

describe('generateTeams', () => {
  it('places everyone exactly once in teams of 5–8 with the fewest possible region clashes', () => {
    fc.assert(
      fc.property(fc.array(candidateArb(40), { minLength: 10, maxLength: 120 }), fc.integer(), (rows, seed) => {
        const candidates = toCandidates(rows);
        const teams = generateTeams(candidates, { seed });
        const placed = teams.flat();
        expect(placed.length).toBe(candidates.length);
        expect(new Set(placed).size).toBe(candidates.length);
        for (const team of teams) expect(team.length >= 5 && team.length <= 8).toBe(true);
        const byId = new Map(candidates.map((c) => [c.personId, c]));
        const asCandidates = teams.map((team) => team.map((id) => byId.get(id) as Candidate));
        expect(countRegionClashes(asCandidates)).toBe(minimumRegionClashes(candidates, teams.length));
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same teams for the same seed whatever the input order', () => {
    const candidates = stream80(7);
    const first = generateTeams(candidates, { seed: 42 });
    const second = generateTeams([...candidates].reverse(), { seed: 42 });
    expect(second).toEqual(first);
  });

  it("gives the same teams, by order key, whatever the person ids (the demo's ids are new at every start)", () => {
    const candidates = stream80(7).map((c, i) => ({ ...c, orderKey: `participant.${String(i).padStart(3, '0')}` }));
    const byKey = (split: string[][], people: Candidate[]) => split.map((team) => team.map((id) => people.find((c) => c.personId === id)!.orderKey).sort());
    const renamed = candidates.map((c) => ({ ...c, personId: crypto.randomUUID() }));
    expect(byKey(generateTeams(renamed, { seed: 42 }), renamed)).toEqual(byKey(generateTeams(candidates, { seed: 42 }), candidates));
  });

  it('beats nearly every random split of the same sizes on diversity', () => {
    const candidates = stream80(11);
    const teams = generateTeams(candidates, { seed: 3 });
    const byId = new Map(candidates.map((c) => [c.personId, c]));
    const score = scoreDiversity(teams.map((t) => t.map((id) => byId.get(id) as Candidate)));
    const baseline = compareWithRandomSplits(candidates, teams.map((t) => t.length), score, 3, 1000);
    expect(score).toBeGreaterThan(baseline.randomScore);
    expect(baseline.percentile).toBeGreaterThanOrEqual(95);
  });
});

describe('scoreDiversity', () => {
  it('scores a split of one region per team lower than a mixed one', () => {
    const candidates = toCandidates(Array.from({ length: 12 }, (_, i) => ({ region: i % 2, kind: KINDS[i % 4] as string, age: 30 + i })));
    const homogeneous = [candidates.filter((_, i) => i % 2 === 0), candidates.filter((_, i) => i % 2 === 1)];
    const mixed = randomSplit(candidates, [6, 6], mulberry32(1));
    expect(scoreDiversity(homogeneous)).toBeLessThan(scoreDiversity([mixed[0] as Candidate[], mixed[1] as Candidate[]]) + 0.001);
    expect(scoreDiversity([])).toBe(0);
  });
});
