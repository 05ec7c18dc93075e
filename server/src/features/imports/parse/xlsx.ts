import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../lib/errors.ts';
import { buildTable, IMPORT_LIMITS, unreadable, type RawRecord, type SheetTable } from './table.ts';

/**
 * Reads the first worksheet of an XLSX file with the streaming reader, so that a sheet over the row
 * limit is refused after reading just past the limit (and a zip bomb is not inflated whole).
 */
export async function readXlsx(bytes: Buffer, maxRows: number = IMPORT_LIMITS.maxRows): Promise<SheetTable> {
  const records: RawRecord[] = [];
  for await (const record of xlsxRecords(bytes, maxRows)) records.push(record);
  return buildTable(records);
}

/** The non-empty rows of the first worksheet as records, one at a time, as the streaming reader reads them. */
export async function* xlsxRecords(bytes: Buffer, maxRows: number = IMPORT_LIMITS.maxRows): AsyncGenerator<RawRecord, void, undefined> {
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'cache',
      worksheets: 'emit',
      entries: 'ignore',
    });
    let nonEmpty = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        // exceljs row.values is 1-based: index 0 is always empty.
        const cells = values.slice(1).map(cellToString);
        if (cells.every((c) => c.trim() === '')) continue;
        nonEmpty += 1;
        if (nonEmpty > maxRows + 1) throw unreadable('import.too_many_rows', { max: maxRows });
        yield { rowNumber: row.number, cells };
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable('import.xlsx_unreadable');
  }
}

/** One cell as text: dates as YYYY-MM-DD, formulas as "=…" so validation can refuse them. */
export function cellToString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.formula === 'string') return `=${v.formula}`;
    if (typeof v.sharedFormula === 'string') return `=${v.sharedFormula}`;
    if (Array.isArray(v.richText)) return v.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('');
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
  }
  return '';
}
