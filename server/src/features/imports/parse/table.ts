import { AppError } from '../../../lib/errors.ts';
import type { MessageKey } from '../../../lib/messages.ts';

/** Hard limits on an uploaded file: checked before and while reading, so a huge file costs little. */
export const IMPORT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxRows: 50_000,
  maxColumns: 100,
} as const;

/** A sheet as read from CSV or XLSX: the header row and the non-empty data rows, every cell a string. */
export interface SheetTable {
  columns: string[];
  rows: SheetRow[];
}

export interface SheetRow {
  /** The row number a spreadsheet would show (header = 1 when it is the first line). */
  rowNumber: number;
  /** Cells aligned with `columns`; missing cells are ''. */
  cells: string[];
}

/** A problem found in the file: a row, the field it concerns and a catalogue message. */
export interface RowProblem {
  row: number;
  field: string;
  column: string | null;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** The file as a whole cannot be read: answered as 422 file_unreadable naming the reason. */
export function unreadable(key: MessageKey, params?: Record<string, string | number>): AppError {
  return new AppError('file_unreadable', { fields: [{ path: 'file', key, params }] });
}

/** The file is over the size limit: answered as 413. */
export function tooLarge(): AppError {
  return new AppError('payload_too_large', {
    fields: [{ path: 'file', key: 'import.file_too_large', params: { max: IMPORT_LIMITS.maxBytes / 1024 / 1024 } }],
  });
}

/**
 * Turns raw records (arrays of cells) into a table: the first non-empty record is the header,
 * empty records are dropped (but still counted, so row numbers match the spreadsheet).
 */
export function buildTable(records: Array<{ rowNumber: number; cells: string[] }>): SheetTable {
  const headerIndex = records.findIndex((r) => !isEmptyRecord(r.cells));
  if (headerIndex < 0) throw unreadable('import.empty_file');
  const header = records[headerIndex]!.cells;
  let width = header.length;
  while (width > 0 && header[width - 1]!.trim() === '') width -= 1;
  if (width > IMPORT_LIMITS.maxColumns) throw unreadable('import.too_many_columns', { max: IMPORT_LIMITS.maxColumns });
  const columns = uniqueColumnNames(header.slice(0, width));
  const rows: SheetRow[] = [];
  for (const record of records.slice(headerIndex + 1)) {
    if (isEmptyRecord(record.cells)) continue;
    const cells = columns.map((_, i) => (record.cells[i] ?? '').trim());
    rows.push({ rowNumber: record.rowNumber, cells });
  }
  return { columns, rows };
}

function isEmptyRecord(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** Blank headers get a placeholder and repeated headers a suffix, so a mapping can name every column. */
function uniqueColumnNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = raw.replace(/^\uFEFF/, '').trim() || `#${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
