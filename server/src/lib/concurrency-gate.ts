/**
 * Lets at most `limit` calls run at once; the rest wait their turn in arrival order.
 *
 * For CPU-bound database work (full-text search ranks and highlights every hit): twenty such statements at
 * once on a two-core server share the cores, so each takes ten times longer and the longest ones finish
 * last by far. Run about as many as there are cores (config.ts: one more) and queue the rest, and every request waits about the same,
 * for the same throughput: the practices search's p95 at 20 connections fell from ~1.5× its median to ~1.3×
 * (bench/scenarios/practices.ts on a quiet two-core machine: 60.5/39.6 ms before, 47.9/37.4 ms after).
 */
export function createConcurrencyGate(limit: number) {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`concurrency limit must be a positive integer, got ${limit}`);
  let running = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      // A freed slot passes straight to the next waiter (running stays the same), so no newcomer can
      // overtake the queue between the release and the waiter's start.
      if (running < limit) running++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        release();
      }
    },
    /** Calls running and waiting (for tests and diagnostics). */
    get load() {
      return { running, waiting: waiting.length };
    },
  };
}

export type ConcurrencyGate = ReturnType<typeof createConcurrencyGate>;
