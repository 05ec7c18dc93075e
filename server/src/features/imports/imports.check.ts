import type { ImportKind, ImportMapping } from '@ms/contracts/imports';
import type { ImportsRepo } from './imports.repo.ts';
import { createMunicipalityRowCheck, MUNICIPALITY_FIELD_SPECS, type MunicipalityImportRow } from './parse/municipality-rows.ts';
import { createPersonRowChecker, PEOPLE_FIELD_SPECS, type PersonImportRow } from './parse/people-rows.ts';
import { openTable } from './parse/read-table.ts';
import { APPLICATION_FIELD_SPECS, createApplicationRowCheck, type ApplicationImportRow } from './parse/application-rows.ts';
import { createReferenceLookup, type GrowingReferenceLookup } from './parse/reference.ts';
import { createRowsChecker, type CheckedTable, type RowReader } from './parse/row-check.ts';
import { APPLICATION_IMPORT_LIMITS, IMPORT_LIMITS, type FileLimits, type RowProblem, type SheetRow } from './parse/table.ts';

/**
 * Rows read, checked and (by the applications job) written at a time: enough for COPY and the
 * checks to run at full speed, few enough that a 250,000-row file never sits in memory as rows.
 */
export const CHUNK_ROWS = 5_000;

/** How many first rows the dry run shows for the user to check the mapping by eye. */
const SAMPLE_ROWS = 5;

/** The outcome of checking a whole file: everything but the rows fit to import, and the first rows as a sample. */
export interface CheckSummary extends Omit<CheckedTable<unknown>, 'goodRows'> {
  sample: Array<Record<string, string>>;
}

/** A file being checked chunk by chunk. */
export interface UploadScan<TRow> {
  /** The rows fit to import, chunk by chunk, as the file is read and checked (none when the file has a file-level problem). */
  chunks: AsyncGenerator<TRow[], void, undefined>;
  /** The check of the rows read so far: the whole file's once `chunks` is done. */
  summary: () => CheckSummary;
}

export type ScanOutcome =
  | { kind: 'people'; scan: UploadScan<PersonImportRow> }
  | { kind: 'municipalities'; scan: UploadScan<MunicipalityImportRow> }
  | { kind: 'applications'; scan: UploadScan<ApplicationImportRow> };

/** The file limits of an import kind. */
export function limitsOf(kind: string): FileLimits {
  return kind === 'applications' ? APPLICATION_IMPORT_LIMITS : IMPORT_LIMITS;
}

/** Problems that concern the whole file rather than a row: they block an import even with skipBadRows. */
const FILE_PROBLEM_KEYS = new Set<string>(['field.missing_column']);

type UploadToCheck = { kind: string; content: Buffer; mapping: ImportMapping | null };

/**
 * The dry run's check, shared by the upload, the mapping change and the import job, streamed: the
 * stored bytes are parsed and checked `chunkRows` rows at a time, and the municipalities of the
 * regions each chunk names are loaded as they come up. Only the problems, the counts and a few sample
 * rows are kept; the good rows are handed out chunk by chunk and are the caller's to keep or drop.
 * An unreadable file throws here, or (a refusal found further on: row limit, quotes) from `chunks`.
 */
export async function scanUpload(repo: ImportsRepo, upload: UploadToCheck, today: string, chunkRows = CHUNK_ROWS): Promise<ScanOutcome> {
  // The regions are read while the header is parsed.
  const regionsRead = repo.findRegions();
  regionsRead.catch(() => undefined); // an unreadable file throws first: its rejection must not go unhandled
  const table = await openTable(upload.content, limitsOf(upload.kind), chunkRows);
  const reference = createReferenceLookup(await regionsRead);
  const kind = upload.kind as ImportKind;
  if (kind === 'municipalities') {
    return { kind, scan: scanRows(table, MUNICIPALITY_FIELD_SPECS, upload.mapping, createMunicipalityRowCheck(reference)) };
  }
  const municipalities = createMunicipalityLoader(repo, reference);
  if (kind === 'applications') {
    return { kind, scan: scanRows(table, APPLICATION_FIELD_SPECS, upload.mapping, createApplicationRowCheck(reference, today), municipalities) };
  }
  return { kind: 'people', scan: scanRows(table, PEOPLE_FIELD_SPECS, upload.mapping, createPersonRowChecker(reference, today), municipalities) };
}

/** Checks a whole file keeping its good rows (people and municipalities files: at most 50,000 rows). */
export async function collectGoodRows<TRow>(scan: UploadScan<TRow>): Promise<TRow[]> {
  const rows: TRow[] = [];
  for await (const chunk of scan.chunks) for (const row of chunk) rows.push(row);
  return rows;
}

/** Called before each chunk is checked, with its rows and the column each field comes from. */
type BeforeChunk = (rows: SheetRow[], columnOf: Map<string, number>) => Promise<void>;

function scanRows<TRow>(
  table: { columns: string[]; chunks: AsyncGenerator<SheetRow[], void, undefined> },
  specs: Parameters<typeof createRowsChecker>[1],
  mapping: ImportMapping | null,
  checkRow: (reader: RowReader) => TRow | null,
  beforeChunk?: BeforeChunk,
): UploadScan<TRow> {
  const checker = createRowsChecker(table.columns, specs, mapping, checkRow);
  const sample: Array<Record<string, string>> = [];
  async function* chunks(): AsyncGenerator<TRow[], void, undefined> {
    for await (const rows of table.chunks) {
      for (const row of rows.slice(0, SAMPLE_ROWS - sample.length)) {
        sample.push(Object.fromEntries(table.columns.map((column, i) => [column, row.cells[i] ?? ''])));
      }
      await beforeChunk?.(rows, checker.resolved.columnOf);
      yield checker.check(rows);
    }
  }
  return { chunks: chunks(), summary: () => ({ ...checker.counts(), sample }) };
}

/**
 * Loads, before a chunk is checked, the municipalities of the regions it names that are not loaded
 * yet (only those regions' are needed, and a file names few of the 89). Nothing when no column holds
 * municipalities.
 */
function createMunicipalityLoader(repo: ImportsRepo, reference: GrowingReferenceLookup): BeforeChunk {
  const seenTexts = new Set<string>();
  const loadedCodes = new Set<string>();
  return async (rows, columnOf) => {
    const regionColumn = columnOf.get('region');
    if (regionColumn === undefined || !columnOf.has('municipality')) return;
    const codes: string[] = [];
    for (const row of rows) {
      const text = row.cells[regionColumn] ?? '';
      if (seenTexts.has(text)) continue;
      seenTexts.add(text);
      const code = reference.findRegion(text);
      if (code && !loadedCodes.has(code)) {
        loadedCodes.add(code);
        codes.push(code);
      }
    }
    if (codes.length > 0) reference.addMunicipalities(await repo.findMunicipalities(codes));
  };
}

/** Counts derived from a stored report. */
export function describeProblems(problems: RowProblem[]): { errorCount: number; badRowCount: number; hasFileErrors: boolean } {
  const badRows = new Set<number>();
  let hasFileErrors = false;
  for (const problem of problems) {
    if (FILE_PROBLEM_KEYS.has(problem.key)) hasFileErrors = true;
    else badRows.add(problem.row);
  }
  return { errorCount: problems.length, badRowCount: badRows.size, hasFileErrors };
}

/** The first rows of a stored file as column → value, and its columns: what the dry run shows again later. */
export async function readHead(content: Buffer, kind: string): Promise<{ columns: string[]; sample: Array<Record<string, string>> }> {
  const table = await openTable(content, limitsOf(kind), SAMPLE_ROWS);
  const first = await table.chunks.next();
  await table.chunks.return();
  const rows = first.done ? [] : first.value;
  return { columns: table.columns, sample: rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column, row.cells[i] ?? '']))) };
}
