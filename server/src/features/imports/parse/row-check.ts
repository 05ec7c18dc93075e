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
  // One reader moved from row to row: a reader (and its closures) per row cost more than the checks.
  const reader = new TableRowReader(table.columns, resolved.columnOf, problems);
  for (const row of table.rows) {
    reader.moveTo(row);
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

class TableRowReader implements RowReader {
  rowNumber = 0;
  private cells: string[] = [];
  /** Fields whose cell was refused in the current row; null while none (the usual case). */
  private refused: Set<string> | null = null;
  private count = 0;
  private readonly fields: Array<[string, number]>;

  constructor(
    private readonly columns: string[],
    private readonly columnOf: Map<string, number>,
    private readonly sink: RowProblem[],
  ) {
    this.fields = [...columnOf];
  }

  /** Points the reader at the next row and checks its cells' raw content (control characters, formulas). */
  moveTo(row: SheetRow): void {
    this.rowNumber = row.rowNumber;
    this.cells = row.cells;
    this.refused = null;
    this.count = 0;
    for (const [field, index] of this.fields) {
      const problem = cellProblem(row.cells[index] ?? '');
      if (problem) {
        (this.refused ??= new Set()).add(field);
        this.report(field, problem);
      }
    }
  }

  get(field: string): string {
    const index = this.columnOf.get(field);
    return index === undefined || this.refused?.has(field) ? '' : (this.cells[index] ?? '');
  }

  isRefused(field: string): boolean {
    return this.refused?.has(field) ?? false;
  }

  hasColumn(field: string): boolean {
    return this.columnOf.has(field);
  }

  report(field: string, key: MessageKey, params?: Record<string, string | number>): void {
    this.count += 1;
    const index = this.columnOf.get(field);
    const column = index === undefined ? null : (this.columns[index] ?? null);
    this.sink.push({ row: this.rowNumber, field, column, key, ...(params ? { params } : {}) });
  }

  hasProblems(): boolean {
    return this.count > 0;
  }
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
