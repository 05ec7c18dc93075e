import type { ImportKind, ImportMapping } from '@ms/contracts/imports';
import type { ImportsRepo } from './imports.repo.ts';
import { checkMunicipalitiesTable, type MunicipalityImportRow } from './parse/municipality-rows.ts';
import { resolveMapping } from './parse/mapping.ts';
import { checkPeopleTable, PEOPLE_FIELD_SPECS, type PersonImportRow } from './parse/people-rows.ts';
import { readTable } from './parse/read-table.ts';
import { APPLICATION_FIELD_SPECS, checkApplicationsTable, type ApplicationImportRow } from './parse/application-rows.ts';
import { createReferenceLookup } from './parse/reference.ts';
import type { CheckedTable } from './parse/row-check.ts';
import { APPLICATION_IMPORT_LIMITS, IMPORT_LIMITS, type FileLimits, type RowProblem, type SheetTable } from './parse/table.ts';

export type CheckOutcome =
  | { kind: 'people'; table: SheetTable; checked: CheckedTable<PersonImportRow> }
  | { kind: 'municipalities'; table: SheetTable; checked: CheckedTable<MunicipalityImportRow> }
  | { kind: 'applications'; table: SheetTable; checked: CheckedTable<ApplicationImportRow> };

/** The file limits of an import kind. */
export function limitsOf(kind: string): FileLimits {
  return kind === 'applications' ? APPLICATION_IMPORT_LIMITS : IMPORT_LIMITS;
}

/** Problems that concern the whole file rather than a row: they block an import even with skipBadRows. */
const FILE_PROBLEM_KEYS = new Set<string>(['field.missing_column']);

/**
 * The dry run, shared by the upload, the mapping change and the import job: reads the stored bytes,
 * loads the reference data the file refers to, and checks every row.
 */
export async function checkUpload(
  repo: ImportsRepo,
  upload: { kind: string; content: Buffer; mapping: ImportMapping | null },
  today: string,
): Promise<CheckOutcome> {
  // The regions are read while the file is parsed (parsing keeps this thread busy, the query does not).
  const regionsRead = repo.findRegions();
  regionsRead.catch(() => undefined); // an unreadable file throws first: its rejection must not go unhandled
  const table = await readTable(upload.content, limitsOf(upload.kind));
  const regions = await regionsRead;
  if ((upload.kind as ImportKind) === 'municipalities') {
    return { kind: 'municipalities', table, checked: checkMunicipalitiesTable(table, upload.mapping, createReferenceLookup(regions)) };
  }
  // Only the municipalities of regions the file names are needed to check it.
  const regionLookup = createReferenceLookup(regions);
  const isApplications = (upload.kind as ImportKind) === 'applications';
  const specs = isApplications ? APPLICATION_FIELD_SPECS : PEOPLE_FIELD_SPECS;
  const regionColumn = resolveMapping(table.columns, specs, upload.mapping).columnOf.get('region');
  const codes = new Set<string>();
  if (regionColumn !== undefined) {
    const seen = new Set<string>();
    for (const row of table.rows) {
      const text = row.cells[regionColumn] ?? '';
      if (seen.has(text)) continue;
      seen.add(text);
      const code = regionLookup.findRegion(text);
      if (code) codes.add(code);
    }
  }
  const reference = createReferenceLookup(regions, await repo.findMunicipalities([...codes]));
  if (isApplications) return { kind: 'applications', table, checked: checkApplicationsTable(table, upload.mapping, reference, today) };
  return { kind: 'people', table, checked: checkPeopleTable(table, upload.mapping, reference, today) };
}

/** Problems whose answer depends on reference data that may change between the dry run and the import. */
const REFERENCE_PROBLEM_KEYS = new Set<string>(['field.unknown_region', 'field.unknown_municipality']);

/**
 * Whether a dry run's outcome still stands, so the import can reuse its rows: no problem that new
 * reference data could undo, and every municipality the rows point to still exists. Everything
 * else the check looks at is in the file itself, which never changes.
 */
export async function isStillValid(repo: ImportsRepo, outcome: CheckOutcome): Promise<boolean> {
  if (outcome.checked.problems.some((p) => REFERENCE_PROBLEM_KEYS.has(p.key))) return false;
  const ids = new Set<string>();
  for (const row of outcome.checked.goodRows as Array<{ municipalityId?: string | null }>) {
    if (row.municipalityId) ids.add(row.municipalityId);
  }
  return ids.size === 0 || (await repo.countMunicipalities([...ids])) === ids.size;
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

/** The first rows of the table as column → value, for the user to check the mapping by eye. */
export function sampleRows(table: SheetTable, count = 5): Array<Record<string, string>> {
  return table.rows.slice(0, count).map((row) => Object.fromEntries(table.columns.map((column, i) => [column, row.cells[i] ?? ''])));
}
