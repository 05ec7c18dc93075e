import type { ImportMapping } from '@ms/contracts/imports';
import type { CheckOutcome } from './imports.check.ts';

/** How long a dry run's rows are kept for the import that usually follows within seconds. */
const KEEP_MS = 10 * 60_000;
/** At most this many checked rows are held per database, so a burst of uploads cannot grow memory. */
const MAX_ROWS = 300_000;

interface Entry {
  stamp: string;
  outcome: CheckOutcome;
  rows: number;
  expiresAt: number;
}

// Keyed by the database handle, so that two apps in one process (tests) never share entries.
const cachesByDb = new WeakMap<object, Map<string, Entry>>();

/**
 * The rows a dry run has just checked, kept in memory for the import job of the same upload: the job
 * then skips reading and checking the file again. It is only a shortcut: a job in another process, a
 * retry, a changed mapping or another day finds nothing (or a different stamp) and re-checks the
 * stored file, as before. An entry is taken once, so a retry after a failure always re-checks.
 */
export function createCheckedRowsCache(db: object, now: () => number = Date.now) {
  let cache = cachesByDb.get(db);
  if (!cache) {
    cache = new Map();
    cachesByDb.set(db, cache);
  }
  const entries = cache;
  const evict = () => {
    const time = now();
    let total = 0;
    // Newest first: the oldest entries go when the budget is spent.
    for (const [id, entry] of [...entries].reverse()) {
      total += entry.rows;
      if (entry.expiresAt <= time || total > MAX_ROWS) entries.delete(id);
    }
  };
  return {
    /** Keeps the outcome of checking upload `id` with this mapping on this day. */
    remember(id: string, mapping: ImportMapping | Record<string, string> | null, today: string, outcome: CheckOutcome): void {
      entries.delete(id);
      // The raw cells are not needed to import: only the checked rows are kept.
      const kept = { ...outcome, table: { columns: outcome.table.columns, rows: [] } } as CheckOutcome;
      entries.set(id, { stamp: stampOf(mapping, today), outcome: kept, rows: outcome.checked.rowCount, expiresAt: now() + KEEP_MS });
      evict();
    },
    /** The kept outcome when it was checked with the same mapping on the same day; removed either way. */
    take(id: string, mapping: ImportMapping | Record<string, string> | null, today: string): CheckOutcome | undefined {
      evict();
      const entry = entries.get(id);
      entries.delete(id);
      return entry && entry.stamp === stampOf(mapping, today) ? entry.outcome : undefined;
    },
  };
}

/** The mapping without ignored columns, in a fixed order (jsonb does not keep key order), and the day. */
function stampOf(mapping: ImportMapping | Record<string, string> | null, today: string): string {
  const fields = Object.entries(mapping ?? {})
    .filter(([, field]) => field !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([fields, today]);
}

export type CheckedRowsCache = ReturnType<typeof createCheckedRowsCache>;
