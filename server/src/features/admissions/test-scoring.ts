import crypto from 'node:crypto';

export interface ScoredQuestion {
  id: string;
  kind: string;
  correct: unknown;
  points: number;
}

/** Whether an answer earns the question's points: the same choice(s), or a number within the tolerance. */
export function isCorrect(question: Pick<ScoredQuestion, 'kind' | 'correct'>, answer: unknown): boolean {
  if (question.kind === 'numeric') {
    const target = question.correct as { value: number; tolerance?: number };
    return typeof answer === 'number' && Math.abs(answer - target.value) <= (target.tolerance ?? 0);
  }
  if (!Array.isArray(answer)) return false;
  const expected = new Set(question.correct as string[]);
  const given = new Set(answer as string[]);
  return given.size === expected.size && [...given].every((key) => expected.has(key));
}

/** The test score, 0–100: the share of points earned (unanswered questions earn nothing). */
export function scoreTest(questions: readonly ScoredQuestion[], answers: ReadonlyMap<string, unknown>): number {
  const total = questions.reduce((sum, q) => sum + q.points, 0);
  if (total === 0) return 0;
  const earned = questions.reduce((sum, q) => sum + (answers.has(q.id) && isCorrect(q, answers.get(q.id)) ? q.points : 0), 0);
  return Math.round((earned / total) * 10_000) / 100;
}

/** A per-candidate order of the questions (Fisher–Yates with a cryptographic source, so nobody can predict it). */
export function shuffled<T>(items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = crypto.randomInt(i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}
