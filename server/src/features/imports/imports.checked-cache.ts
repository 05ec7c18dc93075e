import type { ImportMapping } from '@ms/contracts/imports';
import { collectGoodRows, scanUpload, type CheckSummary } from './imports.check.ts';
import type { ImportsRepo } from './imports.repo.ts';
import type { MunicipalityImportRow } from './parse/municipality-rows.ts';
import type { PersonImportRow } from './parse/people-rows.ts';
import { IMPORT_LIMITS } from './parse/table.ts';

/** The good rows of a small file's dry run, and its check. */
export type KeptRows =
  | { kind: 'people'; rows: PersonImportRow[]; summary: CheckSummary }
  | { kind: 'municipalities'; rows: MunicipalityImportRow[]; summary: CheckSummary };

/** How long a dry run's rows are kept for the import that usually follows within seconds. */
const KEEP_MS = 10 * 60_000;
/**
 * At most this many checked rows are held per database (one largest people file), so a burst of
 * uploads cannot grow memory. Applications files (up to 300,000 rows) are never kept: their job
 * reads and checks the stored file again, chunk by chunk.
 */
const MAX_ROWS = IMPORT_LIMITS.maxRows;

interface Entry {
  stamp: string;
  kept: KeptRows;
  expiresAt: number;
}

// Keyed by the database handle, so that two apps in one process (tests) never share entries.
const cachesByDb = new WeakMap<object, Map<string, Entry>>();

/**
 * The dry run of an upload: the whole file checked chunk by chunk. The good rows of a people or
 * municipalities file (at most 50,000) are handed back to be kept for the job; an applications
 * file's are dropped as they are checked.
 */
export async function checkForDryRun(
  repo: ImportsRepo,
  upload: { kind: string; content: Buffer; mapping: ImportMapping | null },
  today: string,
): Promise<{ summary: CheckSummary; kept?: KeptRows }> {
  const outcome = await scanUpload(repo, upload, today);
  if (outcome.kind === 'people') {
    const rows = await collectGoodRows(outcome.scan);
    const summary = outcome.scan.summary();
    return { summary, kept: { kind: 'people', rows, summary } };
  }
  if (outcome.kind === 'municipalities') {
    const rows = await collectGoodRows(outcome.scan);
    const summary = outcome.scan.summary();
    return { summary, kept: { kind: 'municipalities', rows, summary } };
  }
  for await (const chunk of outcome.scan.chunks) void chunk;
  return { summary: outcome.scan.summary() };
}

/**
 * The rows a dry run of a small file has just checked, kept in memory for the import job of the same
 * upload: the job then skips reading and checking the file again. It is only a shortcut: a job in
 * another process, a retry, a changed mapping or another day finds nothing (or a different stamp) and
 * re-checks the stored file, as before. An entry is taken once, so a retry after a failure always re-checks.
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
      total += entry.kept.rows.length;
      if (entry.expiresAt <= time || total > MAX_ROWS) entries.delete(id);
    }
  };
  return {
    /** Keeps the rows of checking upload `id` with this mapping on this day. */
    remember(id: string, mapping: ImportMapping | Record<string, string> | null, today: string, kept: KeptRows): void {
      entries.delete(id);
      entries.set(id, { stamp: stampOf(mapping, today), kept, expiresAt: now() + KEEP_MS });
      evict();
    },
    /** The kept rows when they were checked with the same mapping on the same day; removed either way. */
    take(id: string, mapping: ImportMapping | Record<string, string> | null, today: string): KeptRows | undefined {
      evict();
      const entry = entries.get(id);
      entries.delete(id);
      return entry && entry.stamp === stampOf(mapping, today) ? entry.kept : undefined;
    },
  };
}

/** Problems whose answer depends on reference data that may change between the dry run and the import. */
const REFERENCE_PROBLEM_KEYS = new Set<string>(['field.unknown_region', 'field.unknown_municipality']);

/**
 * Whether a dry run's rows still stand, so the import can reuse them: no problem that new reference
 * data could undo, and every municipality the rows point to still exists. Everything else the check
 * looks at is in the file itself, which never changes.
 */
export async function isStillValid(repo: ImportsRepo, kept: KeptRows): Promise<boolean> {
  if (kept.summary.problems.some((p) => REFERENCE_PROBLEM_KEYS.has(p.key))) return false;
  const ids = new Set<string>();
  for (const row of kept.rows as Array<{ municipalityId?: string | null }>) {
    if (row.municipalityId) ids.add(row.municipalityId);
  }
  return ids.size === 0 || (await repo.countMunicipalities([...ids])) === ids.size;
}

/** The mapping without ignored columns, in a fixed order (jsonb does not keep key order), and the day. */
function stampOf(mapping: ImportMapping | Record<string, string> | null, today: string): string {
  const fields = Object.entries(mapping ?? {})
    .filter(([, field]) => field !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([fields, today]);
}

export type CheckedRowsCache = ReturnType<typeof createCheckedRowsCache>;
