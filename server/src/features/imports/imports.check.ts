import type { ImportKind, ImportMapping } from '@ms/contracts/imports';
import type { ImportsRepo } from './imports.repo.ts';
import { checkMunicipalitiesTable, type MunicipalityImportRow } from './parse/municipality-rows.ts';
import { resolveMapping } from './parse/mapping.ts';
import { checkPeopleTable, PEOPLE_FIELD_SPECS, type PersonImportRow } from './parse/people-rows.ts';
import { readTable } from './parse/read-table.ts';
import { createReferenceLookup } from './parse/reference.ts';
import type { CheckedTable } from './parse/row-check.ts';
import type { RowProblem, SheetTable } from './parse/table.ts';

export type CheckOutcome =
  | { kind: 'people'; table: SheetTable; checked: CheckedTable<PersonImportRow> }
  | { kind: 'municipalities'; table: SheetTable; checked: CheckedTable<MunicipalityImportRow> };

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
  const table = await readTable(upload.content);
  const regions = await repo.findRegions();
  if ((upload.kind as ImportKind) === 'municipalities') {
    return { kind: 'municipalities', table, checked: checkMunicipalitiesTable(table, upload.mapping, createReferenceLookup(regions)) };
  }
  // Only the municipalities of regions the file names are needed to check it.
  const regionLookup = createReferenceLookup(regions);
  const regionColumn = resolveMapping(table.columns, PEOPLE_FIELD_SPECS, upload.mapping).columnOf.get('region');
  const codes = new Set<string>();
  if (regionColumn !== undefined) {
    for (const row of table.rows) {
      const code = regionLookup.findRegion(row.cells[regionColumn] ?? '');
      if (code) codes.add(code);
    }
  }
  const municipalities = await repo.findMunicipalities([...codes]);
  return { kind: 'people', table, checked: checkPeopleTable(table, upload.mapping, createReferenceLookup(regions, municipalities), today) };
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
