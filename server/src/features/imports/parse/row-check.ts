import type { ImportMapping } from '@ms/contracts/imports';
import type { MessageKey } from '../../../lib/messages.ts';
import { cellProblem } from './cells.ts';
import { resolveMapping, type FieldSpec, type ResolvedMapping } from './mapping.ts';
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
  const checker = createRowsChecker(table.columns, specs, explicitMapping, checkRow);
  const goodRows = checker.check(table.rows);
  return { ...checker.counts(), goodRows };
}

/** The check of a file fed chunk by chunk: problems and counts add up, good rows are handed back per chunk. */
export interface RowsChecker<TRow> {
  /** The mapping in force and the column feeding each field. */
  resolved: ResolvedMapping;
  /** Checks the next rows (in file order): answers those fit to import, none while the file has a file-level problem. */
  check: (rows: SheetRow[]) => TRow[];
  /** Everything but the good rows, for the rows checked so far. */
  counts: () => Omit<CheckedTable<TRow>, 'goodRows'>;
}

/**
 * The same check as {@link checkTable} for a file read in chunks: state that spans rows (e-mails
 * seen, memoized lookups) lives in `checkRow`'s closure and in here, so checking a file chunk by
 * chunk finds exactly the problems and rows that checking it whole does. Throws (validation) for an
 * explicit mapping that does not fit the columns.
 */
export function createRowsChecker<TRow>(
  columns: string[],
  specs: FieldSpec[],
  explicitMapping: ImportMapping | null | undefined,
  checkRow: (reader: RowReader) => TRow | null,
): RowsChecker<TRow> {
  const resolved = resolveMapping(columns, specs, explicitMapping);
  const problems: RowProblem[] = [...resolved.problems];
  const hasFileErrors = resolved.problems.length > 0;
  let rowCount = 0;
  let badRowCount = 0;
  // One reader moved from row to row: a reader (and its closures) per row cost more than the checks.
  const reader = new TableRowReader(columns, resolved.columnOf, problems);
  return {
    resolved,
    check(rows) {
      const goodRows: TRow[] = [];
      for (const row of rows) {
        reader.moveTo(row);
        const value = checkRow(reader);
        if (reader.hasProblems()) badRowCount += 1;
        else if (value !== null && !hasFileErrors) goodRows.push(value);
      }
      rowCount += rows.length;
      return goodRows;
    },
    counts: () => ({ columns, mapping: resolved.mapping, rowCount, problems, badRowCount, hasFileErrors }),
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
