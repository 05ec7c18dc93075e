import type { RubricCriterion } from '../../db/schema/index.ts';

export type RubricProblem = { path: string; key: 'assignments.level_missing' | 'assignments.level_unknown' };

/**
 * The 0–100 score of chosen levels: each criterion contributes weight × (level points / the criterion's
 * best points), and the sum is divided by the total weight, so the weights need not add up to 100.
 */
export function scoreRubric(rubric: RubricCriterion[], levels: Record<string, number>): { score: number; problems: RubricProblem[] } {
  const problems: RubricProblem[] = [];
  let earned = 0;
  let totalWeight = 0;
  for (const criterion of rubric) {
    totalWeight += criterion.weight;
    const index = levels[criterion.key];
    const level = index === undefined ? undefined : criterion.levels[index];
    if (index === undefined) problems.push({ path: `body.levels.${criterion.key}`, key: 'assignments.level_missing' });
    else if (!level) problems.push({ path: `body.levels.${criterion.key}`, key: 'assignments.level_unknown' });
    else {
      const best = Math.max(...criterion.levels.map((l) => l.points));
      earned += best > 0 ? (criterion.weight * level.points) / best : 0;
    }
  }
  for (const key of Object.keys(levels)) {
    if (!rubric.some((c) => c.key === key)) problems.push({ path: `body.levels.${key}`, key: 'assignments.level_unknown' });
  }
  return { score: totalWeight > 0 ? Math.round((earned / totalWeight) * 1000) / 10 : 0, problems };
}

/** Rubric shape rules zod cannot state: unique criterion keys and at least one level worth points. */
export function checkRubric(rubric: RubricCriterion[]): Array<{ path: string; key: 'assignments.rubric_duplicate_key' | 'assignments.rubric_no_points' }> {
  const problems: Array<{ path: string; key: 'assignments.rubric_duplicate_key' | 'assignments.rubric_no_points' }> = [];
  const seen = new Set<string>();
  rubric.forEach((criterion, i) => {
    if (seen.has(criterion.key)) problems.push({ path: `body.rubric.${i}.key`, key: 'assignments.rubric_duplicate_key' });
    seen.add(criterion.key);
    if (!criterion.levels.some((l) => l.points > 0)) problems.push({ path: `body.rubric.${i}.levels`, key: 'assignments.rubric_no_points' });
  });
  return problems;
}
