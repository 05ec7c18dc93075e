import type { ImportMapping } from '@ms/contracts/imports';
import type { MessageKey } from '../../../lib/messages.ts';
import { cellProblem } from './cells.ts';
import { resolveMapping, type FieldSpec } from './mapping.ts';
import type { RowProblem, SheetRow, SheetTable } from './table.ts';

/** The outcome of checking a whole table: every problem, and the rows fit to import. */
export interface CheckedTable<TRow> {
  columns: string[];
  mapping: ImportMapping;
  rowCount: number;
  problems: RowProblem[];
  /** Rows without any problem, ready to write. */
  goodRows: TRow[];
  badRowCount: number;
  /** A file-level problem (missing column) means no row can be imported. */
  hasFileErrors: boolean;
}

/** One row's cells by field, with a way to report a problem on a field. */
export interface RowReader {
  rowNumber: number;
  /** The trimmed cell of a field; '' when absent or when the cell itself was refused (formula, NUL). */
  get: (field: string) => string;
  /** True when the cell was refused already, so field checks must not report it twice. */
  isRefused: (field: string) => boolean;
  /** False when no column feeds the field (a required one is then a file-level problem, not a row's). */
  hasColumn: (field: string) => boolean;
  report: (field: string, key: MessageKey, params?: Record<string, string | number>) => void;
  hasProblems: () => boolean;
}

/**
 * Runs a per-row check over the table with the mapping in force. Cells are first checked for
 * control characters and formulas; `checkRow` then validates fields and returns the row to import
 * (or null). Rows with any problem never reach goodRows.
 */
export function checkTable<TRow>(
  table: SheetTable,
  specs: FieldSpec[],
  explicitMapping: ImportMapping | null | undefined,
  checkRow: (reader: RowReader) => TRow | null,
): CheckedTable<TRow> {
  const resolved = resolveMapping(table.columns, specs, explicitMapping);
  const problems: RowProblem[] = [...resolved.problems];
  const goodRows: TRow[] = [];
  let badRowCount = 0;
  const hasFileErrors = resolved.problems.length > 0;
  for (const row of table.rows) {
    const reader = createRowReader(row, table.columns, resolved.columnOf, problems);
    const value = checkRow(reader);
    if (reader.hasProblems()) badRowCount += 1;
    else if (value !== null) goodRows.push(value);
  }
  return {
    columns: table.columns,
    mapping: resolved.mapping,
    rowCount: table.rows.length,
    problems,
    goodRows: hasFileErrors ? [] : goodRows,
    badRowCount,
    hasFileErrors,
  };
}

function createRowReader(row: SheetRow, columns: string[], columnOf: Map<string, number>, sink: RowProblem[]): RowReader {
  const refused = new Set<string>();
  let count = 0;
  const columnName = (field: string) => {
    const index = columnOf.get(field);
    return index === undefined ? null : (columns[index] ?? null);
  };
  const report: RowReader['report'] = (field, key, params) => {
    count += 1;
    sink.push({ row: row.rowNumber, field, column: columnName(field), key, ...(params ? { params } : {}) });
  };
  for (const [field, index] of columnOf) {
    const problem = cellProblem(row.cells[index] ?? '');
    if (problem) {
      refused.add(field);
      report(field, problem);
    }
  }
  return {
    rowNumber: row.rowNumber,
    get: (field) => {
      const index = columnOf.get(field);
      return index === undefined || refused.has(field) ? '' : (row.cells[index] ?? '');
    },
    isRefused: (field) => refused.has(field),
    hasColumn: (field) => columnOf.has(field),
    report,
    hasProblems: () => count > 0,
  };
}

/** Reports a missing required value (unless the cell was already refused) and says whether it is there. */
export function requireValue(reader: RowReader, field: string): boolean {
  if (reader.get(field) !== '') return true;
  if (!reader.isRefused(field) && reader.hasColumn(field)) reader.report(field, 'field.required');
  return false;
}

/** Reports a value over the length limit and says whether it fits. */
export function fitsLength(reader: RowReader, field: string, max: number): boolean {
  if (reader.get(field).length <= max) return true;
  reader.report(field, 'field.too_long', { max });
  return false;
}
