import type { RubricCriterion } from '@ms/contracts/admission-experts';
import type { FieldProblem } from '../../lib/errors.ts';

/** Round to 2 decimals so that totals compare and display the same everywhere. */
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Problems with an expert's points: every criterion scored, none unknown, none above its maximum.
 * Paths name the criterion so that the form can mark it.
 */
export function pointsProblems(rubric: RubricCriterion[], points: Record<string, number>): FieldProblem[] {
  const known = new Set(rubric.map((c) => c.key));
  const problems: FieldProblem[] = [];
  for (const c of rubric) {
    const value = points[c.key];
    if (value === undefined) problems.push({ path: `body.points.${c.key}`, key: 'admissions.review_missing_points' });
    else if (value > c.maxPoints) problems.push({ path: `body.points.${c.key}`, key: 'admissions.review_points_range', params: { max: c.maxPoints } });
  }
  for (const key of Object.keys(points)) if (!known.has(key)) problems.push({ path: `body.points.${key}`, key: 'admissions.review_unknown_criterion' });
  return problems;
}

/** The weighted total on the 0–100 scale: Σ weight × points / max, over Σ weight. */
export function reviewTotal(rubric: RubricCriterion[], points: Record<string, number>): number {
  const weights = rubric.reduce((sum, c) => sum + c.weight, 0);
  const weighted = rubric.reduce((sum, c) => sum + (c.weight * (points[c.key] ?? 0)) / c.maxPoints, 0);
  return weights === 0 ? 0 : round2((weighted / weights) * 100);
}

/** Two scorings need a third when their totals differ by more than the threshold. */
export function needsThirdScoring(first: number, second: number, threshold: number): boolean {
  return Math.abs(first - second) > threshold;
}

/**
 * The stage's result from the submitted totals (in round order): two that agree → their mean; with a
 * third → the mean of the two closest of the three (the outlier is dropped, ties keep the earlier pair);
 * two that disagree while the third is pending → null (not final yet).
 */
export function expertStageScore(totals: number[], threshold: number, isThirdPending: boolean): number | null {
  if (totals.length < 2) return null;
  const [a, b] = totals as [number, number];
  if (totals.length === 2) return needsThirdScoring(a, b, threshold) && isThirdPending ? null : round2((a + b) / 2);
  const c = totals[2]!;
  const pairs: Array<[number, number]> = [
    [a, b],
    [a, c],
    [b, c],
  ];
  const best = pairs.reduce((p, q) => (Math.abs(q[0] - q[1]) < Math.abs(p[0] - p[1]) ? q : p));
  return round2((best[0] + best[1]) / 2);
}

export interface PoolMember {
  userId: string;
  regionCode: string;
}

/**
 * Picks `count` experts for one application: never from the applicant's region, never one already
 * scoring it, the least loaded first; equal loads are ordered by a hash of (application, expert) so
 * that the spread is even yet reproducible. `load` is updated in place for the next pick.
 */
export function pickExperts(
  application: { id: string; regionCode: string | null },
  pool: PoolMember[],
  load: Map<string, number>,
  exclude: ReadonlySet<string>,
  count: number,
): string[] {
  const candidates = pool
    .filter((e) => e.regionCode !== application.regionCode && !exclude.has(e.userId))
    .map((e) => ({ userId: e.userId, load: load.get(e.userId) ?? 0, tie: hash(`${application.id}:${e.userId}`) }))
    .sort((x, y) => x.load - y.load || x.tie - y.tie);
  const picked = candidates.slice(0, count).map((c) => c.userId);
  for (const id of picked) load.set(id, (load.get(id) ?? 0) + 1);
  return picked;
}

/** FNV-1a: a cheap, stable string hash for tie-breaking. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
