import { readCsv } from './csv.ts';
import { IMPORT_LIMITS, tooLarge, unreadable, type FileLimits, type SheetTable } from './table.ts';
import { readXlsx } from './xlsx.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Reads an uploaded spreadsheet, whatever its name says: XLSX by its zip signature, old binary XLS
 * refused with advice, anything else read as CSV. The size limit is checked before any parsing.
 */
export async function readTable(bytes: Buffer, limits: FileLimits = IMPORT_LIMITS): Promise<SheetTable> {
  if (bytes.length > limits.maxBytes) throw tooLarge(limits.maxBytes);
  if (bytes.length === 0) throw unreadable('import.empty_file');
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(bytes, limits.maxRows);
  if (startsWith(bytes, OLE2_MAGIC)) throw unreadable('import.xls_unsupported');
  return readCsv(bytes, limits.maxRows);
}
