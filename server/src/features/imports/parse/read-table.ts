import { csvRecords } from './csv.ts';
import { decodeText } from './decode.ts';
import { IMPORT_LIMITS, streamTable, tooLarge, unreadable, type FileLimits, type SheetTable, type TableStream } from './table.ts';
import { xlsxRecords } from './xlsx.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Opens an uploaded spreadsheet, whatever its name says: XLSX by its zip signature, old binary XLS
 * refused with advice, anything else read as CSV. The size limit is checked before any parsing; the
 * header is read at once and the rows are handed out `chunkRows` at a time as they are parsed, so
 * that a large file is never held as a table (a refusal found on the way is thrown from the chunks).
 */
export async function openTable(bytes: Buffer, limits: FileLimits = IMPORT_LIMITS, chunkRows = 5_000): Promise<TableStream> {
  if (bytes.length > limits.maxBytes) throw tooLarge(limits.maxBytes);
  if (bytes.length === 0) throw unreadable('import.empty_file');
  if (startsWith(bytes, OLE2_MAGIC)) throw unreadable('import.xls_unsupported');
  const records = startsWith(bytes, ZIP_MAGIC) ? xlsxRecords(bytes, limits.maxRows) : csvRecords(decodeText(bytes), limits.maxRows);
  return streamTable(records, chunkRows);
}

/** Reads a whole spreadsheet as a table (small files and tests; imports go through {@link openTable}). */
export async function readTable(bytes: Buffer, limits: FileLimits = IMPORT_LIMITS): Promise<SheetTable> {
  const { columns, chunks } = await openTable(bytes, limits);
  const rows = [];
  for await (const chunk of chunks) rows.push(...chunk);
  return { columns, rows };
}
