import type { RankingConfig } from '@ms/contracts/admissions';

/** One applicant as the ranking sees them: region, stage scores (0–100, null = not taken) and submit time. */
export interface RankingCandidate {
  id: string;
  regionCode: string;
  test: number | null;
  expert: number | null;
  interview: number | null;
  /** Epoch milliseconds of submission; earlier wins a tie. */
  submittedAt: number | null;
}

export type RankingOutcome = 'admitted' | 'reserve' | 'rejected';
export type RankingReason = 'floor' | 'merit' | 'cap_reached' | 'reserve' | 'outside_target' | 'below_min_score';

export interface RankedItem {
  id: string;
  regionCode: string;
  composite: number;
  /** 1-based place in the merit order (before caps and floors). */
  position: number;
  outcome: RankingOutcome;
  reason: RankingReason;
}

export interface RegionTally {
  regionCode: string;
  candidates: number;
  admitted: number;
  reserve: number;
}

export interface RankingResult {
  /** Every candidate, in merit order. */
  items: RankedItem[];
  summary: { candidates: number; admitted: number; reserve: number; rejected: number; cutoff: number | null; byRegion: RegionTally[] };
}

/**
 * The weighted mean of the stage scores (a missing score counts as 0), rounded to 4 decimals so that
 * floating-point noise can never decide a tie.
 */
export function compositeScore(candidate: Pick<RankingCandidate, 'test' | 'expert' | 'interview'>, weights: RankingConfig['weights']): number {
  const total = weights.test + weights.expert + weights.interview;
  if (total <= 0) return 0;
  const sum = weights.test * (candidate.test ?? 0) + weights.expert * (candidate.expert ?? 0) + weights.interview * (candidate.interview ?? 0);
  return Math.round((sum / total) * 10_000) / 10_000;
}

/**
 * One float per candidate whose descending order is: composite (4 decimals) desc, test score
 * (2 decimals) desc, submission time asc. Times are replaced by their rank among distinct times, so the
 * three parts fit exactly in a double's 53 bits (20 + 14 + up to 19 bits: 524,287 distinct times).
 * Null when they do not (more distinct times, scores outside 0–100, test scores finer than 0.01): the caller then compares the
 * columns one by one, which gives the same order, only slower.
 */
function sortKeys(composite: Float64Array, test: Float64Array, time: Float64Array): Float64Array | null {
  const n = composite.length;
  for (let i = 0; i < n; i += 1) {
    const t = test[i]!;
    if (!(composite[i]! >= 0 && composite[i]! <= 100 && t >= -1 && t <= 100 && Math.round(t * 100) / 100 === t)) return null;
  }
  const distinct = Float64Array.from(time).sort();
  let unique = 0;
  for (let i = 0; i < n; i += 1) if (i === 0 || distinct[i] !== distinct[i - 1]) distinct[unique++] = distinct[i]!;
  const timeBits = Math.max(1, Math.ceil(Math.log2(unique + 1)));
  if (timeBits > 19) return null;
  const key = new Float64Array(n);
  const timeSlots = 2 ** timeBits;
  for (let i = 0; i < n; i += 1) {
    // Binary search of the time's rank among the distinct times.
    let lo = 0;
    let hi = unique - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid]! < time[i]!) lo = mid + 1;
      else hi = mid;
    }
    const compositeInt = Math.round(composite[i]! * 10_000);
    const testInt = Math.round(test[i]! * 100) + 100;
    key[i] = (compositeInt * 10_101 + testInt) * timeSlots + (timeSlots - 1 - lo);
  }
  return key;
}

/** A region's cap: its own, else the default, else none. */
export function capOf(config: RankingConfig, region: string): number {
  return config.caps[region] ?? config.defaultCap ?? Number.POSITIVE_INFINITY;
}

/** A region's floor, never above its cap. */
export function floorOf(config: RankingConfig, region: string): number {
  return Math.min(config.floors[region] ?? config.defaultFloor, capOf(config, region));
}

/**
 * Ranks candidates under regional caps and floors, a target total and a reserve list, in one pass over
 * the merit order. Slots still owed to regions' floors are held back from merit admissions, so floors
 * are met wherever enough candidates qualified (and the floors fit in the target); a region at its cap
 * admits no one more. The reserve is the best of the rest who are not blocked by their region's cap.
 */
export function rankCandidates(candidates: readonly RankingCandidate[], config: RankingConfig): RankingResult {
  // Columns in typed arrays and a sort of indices: at 250,000 candidates this is several times faster
  // than sorting objects with property lookups in the comparator.
  const n = candidates.length;
  const composite = new Float64Array(n);
  const test = new Float64Array(n);
  const time = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const c = candidates[i]!;
    composite[i] = compositeScore(c, config.weights);
    test[i] = c.test ?? -1;
    time[i] = c.submittedAt ?? Number.MAX_SAFE_INTEGER;
  }
  // Tie-breaking, in order: higher composite score; higher online-test score (the most objective
  // stage); earlier submission; then the application id, so the order is total and the same on every run.
  // Scores and times are folded into one number per candidate (composite, then test, then time rank),
  // so the comparator is one subtraction; only exact ties compare ids.
  const key = sortKeys(composite, test, time);
  const byId = (a: number, b: number) => (candidates[a]!.id < candidates[b]!.id ? -1 : candidates[a]!.id > candidates[b]!.id ? 1 : 0);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  if (key) order.sort((a, b) => key[b]! - key[a]! || byId(a, b));
  else order.sort((a, b) => composite[b]! - composite[a]! || test[b]! - test[a]! || time[a]! - time[b]! || byId(a, b));

  const qualifiedByRegion = new Map<string, number>();
  for (let i = 0; i < n; i += 1) {
    if (composite[i]! >= config.minScore) {
      const region = candidates[i]!.regionCode;
      qualifiedByRegion.set(region, (qualifiedByRegion.get(region) ?? 0) + 1);
    }
  }
  // What each region is owed: its floor, or everyone who qualified there if fewer.
  const needs = new Map<string, number>();
  const caps = new Map<string, number>();
  let owed = 0;
  for (const [region, qualified] of qualifiedByRegion) {
    const need = Math.min(floorOf(config, region), qualified);
    needs.set(region, need);
    caps.set(region, capOf(config, region));
    owed += need;
  }

  const admittedByRegion = new Map<string, number>();
  let admitted = 0;
  const items: RankedItem[] = new Array(n);
  for (let place = 0; place < n; place += 1) {
    const index = order[place]!;
    const region = candidates[index]!.regionCode;
    const score = composite[index]!;
    let outcome: RankingOutcome = 'rejected';
    let reason: RankingReason;
    if (score < config.minScore) {
      reason = 'below_min_score';
    } else {
      const count = admittedByRegion.get(region) ?? 0;
      const free = config.targetTotal - admitted - owed;
      const isOwed = count < (needs.get(region) ?? 0);
      if (count >= (caps.get(region) ?? Number.POSITIVE_INFINITY)) {
        reason = 'cap_reached';
      } else if (isOwed && admitted < config.targetTotal) {
        owed -= 1;
        admitted += 1;
        admittedByRegion.set(region, count + 1);
        outcome = 'admitted';
        reason = free > 0 ? 'merit' : 'floor';
      } else if (!isOwed && free > 0) {
        admitted += 1;
        admittedByRegion.set(region, count + 1);
        outcome = 'admitted';
        reason = 'merit';
      } else {
        reason = 'outside_target';
      }
    }
    items[place] = { id: candidates[index]!.id, regionCode: region, composite: score, position: place + 1, outcome, reason };
  }

  let reserve = 0;
  for (const item of items) {
    if (reserve >= config.reserveSize) break;
    if (item.outcome === 'rejected' && item.reason === 'outside_target') {
      item.outcome = 'reserve';
      item.reason = 'reserve';
      reserve += 1;
    }
  }
  return { items, summary: summarise(items) };
}

function summarise(items: readonly RankedItem[]): RankingResult['summary'] {
  const byRegion = new Map<string, RegionTally>();
  let admitted = 0;
  let reserve = 0;
  let cutoff: number | null = null;
  for (const item of items) {
    const tally = byRegion.get(item.regionCode) ?? { regionCode: item.regionCode, candidates: 0, admitted: 0, reserve: 0 };
    tally.candidates += 1;
    if (item.outcome === 'admitted') {
      tally.admitted += 1;
      admitted += 1;
      cutoff = cutoff === null ? item.composite : Math.min(cutoff, item.composite);
    } else if (item.outcome === 'reserve') {
      tally.reserve += 1;
      reserve += 1;
    }
    byRegion.set(item.regionCode, tally);
  }
  return {
    candidates: items.length,
    admitted,
    reserve,
    rejected: items.length - admitted - reserve,
    cutoff,
    byRegion: [...byRegion.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
  };
}

/** Who is admitted under the proposal and not now (in), and the reverse (out, with their new outcome). */
export function diffRankings(current: RankingResult, proposed: RankingResult): { movedIn: RankedItem[]; movedOut: RankedItem[] } {
  const admittedNow = new Set(current.items.filter((i) => i.outcome === 'admitted').map((i) => i.id));
  return {
    movedIn: proposed.items.filter((i) => i.outcome === 'admitted' && !admittedNow.has(i.id)),
    movedOut: proposed.items.filter((i) => i.outcome !== 'admitted' && admittedNow.has(i.id)),
  };
}
