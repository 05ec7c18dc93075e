import { mulberry32, shuffle, type Rng } from '../demo/prng.ts';

/** What the generator knows of a participant; unknown attributes are null and never count as a match. */
export interface Candidate {
  personId: string;
  /**
   * What orders the candidates before the seeded shuffle (the person id when absent). The demo passes the
   * e-mail, which is the same at every start while ids are new, so its teams are the same every time.
   */
  orderKey?: string;
  regionCode: string | null;
  federalDistrict: string | null;
  municipalityKind: string | null;
  age: number | null;
}

export interface GenerationOptions {
  seed: number;
  minSize?: number;
  maxSize?: number;
  /** The size aimed at when several team counts are possible. */
  targetSize?: number;
}

/** Penalties for two members of one team sharing an attribute: a shared region weighs most (the rule "no two from one region"). */
const WEIGHTS = { region: 100, district: 4, kind: 1, age: 1 } as const;
/** Ages within this many years count as "the same generation". */
const AGE_BAND = 5;

/**
 * How many teams and of which sizes: sizes differ by at most one and stay within [min, max] whenever any
 * split can (n ≥ min and not like n = 9 with 5–8); otherwise the closest split (one smaller team).
 */
export function planTeamSizes(n: number, minSize = 5, maxSize = 8, targetSize = 7): number[] {
  if (n <= 0) return [];
  if (n <= maxSize) return [n];
  const fewest = Math.ceil(n / maxSize);
  const most = Math.floor(n / minSize);
  const count = most >= fewest ? Math.min(most, Math.max(fewest, Math.round(n / targetSize))) : fewest;
  const base = Math.floor(n / count);
  const extra = n % count;
  return Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0));
}

function pairPenalty(a: Candidate, b: Candidate): number {
  let p = 0;
  if (a.regionCode !== null && a.regionCode === b.regionCode) p += WEIGHTS.region;
  if (a.federalDistrict !== null && a.federalDistrict === b.federalDistrict) p += WEIGHTS.district;
  if (a.municipalityKind !== null && a.municipalityKind === b.municipalityKind) p += WEIGHTS.kind;
  if (a.age !== null && b.age !== null && Math.abs(a.age - b.age) < AGE_BAND) p += WEIGHTS.age;
  return p;
}

function costWith(team: Candidate[], person: Candidate, except?: Candidate): number {
  let cost = 0;
  for (const other of team) if (other !== except && other !== person) cost += pairPenalty(person, other);
  return cost;
}

/**
 * Splits the candidates into diverse teams: deterministic for a given seed and input order-independent
 * up to the seed. Greedy placement (largest regions first, so their members spread over distinct teams)
 * followed by improving swaps between teams until none helps. Returns person ids per team.
 */
export function generateTeams(candidates: readonly Candidate[], options: GenerationOptions): string[][] {
  const sizes = planTeamSizes(candidates.length, options.minSize, options.maxSize, options.targetSize);
  const rng = mulberry32(options.seed);
  // Sort first so the result does not depend on the order the database returned rows in.
  const keyOf = (c: Candidate) => c.orderKey ?? c.personId;
  const sorted = [...candidates].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : a.personId < b.personId ? -1 : 1));
  const regionCount = new Map<string, number>();
  for (const c of sorted) if (c.regionCode) regionCount.set(c.regionCode, (regionCount.get(c.regionCode) ?? 0) + 1);
  const order = shuffle(rng, sorted).sort((a, b) => (regionCount.get(b.regionCode ?? '') ?? 0) - (regionCount.get(a.regionCode ?? '') ?? 0));

  const teams: Candidate[][] = sizes.map(() => []);
  for (const person of order) {
    let best = -1;
    let bestCost = Infinity;
    for (let t = 0; t < teams.length; t++) {
      const team = teams[t] as Candidate[];
      if (team.length >= (sizes[t] as number)) continue;
      // Fill ratio as a small tie-breaker keeps teams growing evenly.
      const cost = costWith(team, person) + team.length / (sizes[t] as number) / 10;
      if (cost < bestCost) {
        bestCost = cost;
        best = t;
      }
    }
    (teams[best] as Candidate[]).push(person);
  }
  improveBySwaps(teams, rng);
  return teams.map((team) => team.map((c) => c.personId));
}

/** Hill-climbing over member swaps between teams; sizes never change. */
function improveBySwaps(teams: Candidate[][], rng: Rng, maxPasses = 30): void {
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    const teamOrder = shuffle(rng, teams.map((_, i) => i));
    for (const i of teamOrder) {
      for (let j = 0; j < teams.length; j++) {
        if (i === j) continue;
        const a = teams[i] as Candidate[];
        const b = teams[j] as Candidate[];
        for (let x = 0; x < a.length; x++) {
          for (let y = 0; y < b.length; y++) {
            const p = a[x] as Candidate;
            const q = b[y] as Candidate;
            const before = costWith(a, p) + costWith(b, q);
            const after = costWith(a, q, p) + costWith(b, p, q);
            if (after < before) {
              a[x] = q;
              b[y] = p;
              improved = true;
            }
          }
        }
      }
    }
    if (!improved) return;
  }
}

/** Pairs of team-mates from one region, summed over teams. */
export function countRegionClashes(teams: readonly (readonly Candidate[])[]): number {
  let clashes = 0;
  for (const team of teams) {
    const seen = new Map<string, number>();
    for (const c of team) if (c.regionCode) seen.set(c.regionCode, (seen.get(c.regionCode) ?? 0) + 1);
    for (const count of seen.values()) clashes += count - 1;
  }
  return clashes;
}

/** The fewest clashes any split into `teamCount` teams can have: a region with c members needs c − teamCount extra places. */
export function minimumRegionClashes(candidates: readonly Candidate[], teamCount: number): number {
  const counts = new Map<string, number>();
  for (const c of candidates) if (c.regionCode) counts.set(c.regionCode, (counts.get(c.regionCode) ?? 0) + 1);
  let min = 0;
  for (const count of counts.values()) min += Math.max(0, count - teamCount);
  return min;
}

function distinctShare(values: (string | null)[], available: number): number {
  const known = values.filter((v): v is string => v !== null);
  if (known.length === 0) return 1;
  return new Set(known).size / Math.max(1, Math.min(known.length, available));
}

function stdDev(values: number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
}

/**
 * Diversity of a split, 0–100: per team, the share of distinct regions, federal districts and kinds of
 * municipality (out of what the team's size and the stream allow) and the team's age spread against the
 * stream's, averaged with weights 4:3:2:1 (region first, as the programme asks), then averaged over teams.
 */
export function scoreDiversity(teams: readonly (readonly Candidate[])[]): number {
  const all = teams.flat();
  if (all.length === 0) return 0;
  const districts = new Set(all.map((c) => c.federalDistrict).filter(Boolean)).size;
  const kinds = new Set(all.map((c) => c.municipalityKind).filter(Boolean)).size;
  const regions = new Set(all.map((c) => c.regionCode).filter(Boolean)).size;
  const overallSpread = stdDev(all.map((c) => c.age).filter((a): a is number => a !== null));
  let total = 0;
  for (const team of teams) {
    const region = distinctShare(team.map((c) => c.regionCode), regions);
    const district = distinctShare(team.map((c) => c.federalDistrict), districts);
    const kind = distinctShare(team.map((c) => c.municipalityKind), kinds);
    const spread = stdDev(team.map((c) => c.age).filter((a): a is number => a !== null));
    const age = overallSpread === 0 ? 1 : Math.min(1, spread / overallSpread);
    total += (4 * region + 3 * district + 2 * kind + age) / 10;
  }
  return Math.round((total / teams.length) * 1000) / 10;
}

/** A random split into the given sizes (the baseline the generated teams are compared with). */
export function randomSplit(candidates: readonly Candidate[], sizes: readonly number[], rng: Rng): Candidate[][] {
  const shuffled = shuffle(rng, candidates);
  const teams: Candidate[][] = [];
  let start = 0;
  for (const size of sizes) {
    teams.push(shuffled.slice(start, start + size));
    start += size;
  }
  return teams;
}

export interface RandomBaseline {
  /** Mean diversity score of the random splits. */
  randomScore: number;
  /** Share of random splits (0–100) whose score is below the given score. */
  percentile: number;
  samples: number;
}

/** Scores `samples` random splits of the same sizes and places `score` among them. */
export function compareWithRandomSplits(candidates: readonly Candidate[], sizes: readonly number[], score: number, seed: number, samples = 1000): RandomBaseline {
  const rng = mulberry32(seed ^ 0x5eed);
  let sum = 0;
  let below = 0;
  for (let i = 0; i < samples; i++) {
    const s = scoreDiversity(randomSplit(candidates, sizes, rng));
    sum += s;
    if (s < score) below++;
  }
  return { randomScore: Math.round((sum / samples) * 10) / 10, percentile: Math.round((below / samples) * 1000) / 10, samples };
}
