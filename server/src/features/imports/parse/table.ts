import { AppError } from '../../../lib/errors.ts';
import type { MessageKey } from '../../../lib/messages.ts';

/** Hard limits on an uploaded file: checked before and while reading, so a huge file costs little. */
export const IMPORT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxRows: 50_000,
  maxColumns: 100,
} as const;

/** The size limits of a file: people and municipality files are small; a national campaign is not. */
export interface FileLimits {
  maxBytes: number;
  maxRows: number;
}

/**
 * Applications of a campaign run elsewhere: a Leaders-of-Russia-sized season is 160,000–230,000
 * applications, so a file of up to 300,000 rows and 100 MB is read.
 */
export const APPLICATION_IMPORT_LIMITS: FileLimits = { maxBytes: 100 * 1024 * 1024, maxRows: 300_000 };

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
export function tooLarge(maxBytes: number = IMPORT_LIMITS.maxBytes): AppError {
  return new AppError('payload_too_large', {
    fields: [{ path: 'file', key: 'import.file_too_large', params: { max: maxBytes / 1024 / 1024 } }],
  });
}

/** A record as a reader gives it: its row number in the spreadsheet and its raw cells (a fresh array). */
export interface RawRecord {
  rowNumber: number;
  cells: string[];
}

/** A table read chunk by chunk: the header is known at once, the rows come as they are read. */
export interface TableStream {
  columns: string[];
  /** The non-empty data rows, at most `chunkRows` at a time; a reader's refusal (row limit, quotes) is thrown from here. */
  chunks: AsyncGenerator<SheetRow[], void, undefined>;
}

/**
 * Turns raw records (arrays of cells) into a table: the first non-empty record is the header,
 * empty records are dropped (but still counted, so row numbers match the spreadsheet).
 */
export function buildTable(records: RawRecord[]): SheetTable {
  const headerIndex = records.findIndex((r) => !isEmptyRecord(r.cells));
  if (headerIndex < 0) throw unreadable('import.empty_file');
  const columns = headerColumns(records[headerIndex]!.cells);
  const rows: SheetRow[] = [];
  for (let r = headerIndex + 1; r < records.length; r++) {
    const row = toSheetRow(records[r]!, columns.length);
    if (row) rows.push(row);
  }
  return { columns, rows };
}

/**
 * The same as {@link buildTable} over records that arrive one by one (a sync or async reader): the
 * header is read first, then the rows are handed out `chunkRows` at a time, so a file of 250,000
 * rows is never held as a table.
 */
export async function streamTable(records: Iterator<RawRecord> | AsyncIterator<RawRecord>, chunkRows: number): Promise<TableStream> {
  let header: string[] | null = null;
  while (header === null) {
    const next = await records.next();
    if (next.done) throw unreadable('import.empty_file');
    if (!isEmptyRecord(next.value.cells)) header = next.value.cells;
  }
  const columns = headerColumns(header);
  async function* chunks(): AsyncGenerator<SheetRow[], void, undefined> {
    let chunk: SheetRow[] = [];
    try {
      for (let next = await records.next(); !next.done; next = await records.next()) {
        const row = toSheetRow(next.value, columns.length);
        if (!row) continue;
        chunk.push(row);
        if (chunk.length >= chunkRows) {
          yield chunk;
          chunk = [];
        }
      }
      if (chunk.length > 0) yield chunk;
    } finally {
      // A caller that stops early (a sample of the first rows) closes the reader too.
      await records.return?.();
    }
  }
  return { columns, chunks: chunks() };
}

/** The header's columns: trailing blank headers dropped, then named (see uniqueColumnNames). */
function headerColumns(header: string[]): string[] {
  let width = header.length;
  while (width > 0 && header[width - 1]!.trim() === '') width -= 1;
  if (width > IMPORT_LIMITS.maxColumns) throw unreadable('import.too_many_columns', { max: IMPORT_LIMITS.maxColumns });
  return uniqueColumnNames(header.slice(0, width));
}

/**
 * A data record as a row, or null when it is empty. The readers' records are fresh arrays: they are
 * trimmed and cut to the header in place, so that a row is not held twice while it is read.
 */
function toSheetRow(record: RawRecord, width: number): SheetRow | null {
  const { cells } = record;
  if (isEmptyRecord(cells)) return null;
  for (let i = 0; i < width; i++) cells[i] = (cells[i] ?? '').trim();
  cells.length = width;
  return record;
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
