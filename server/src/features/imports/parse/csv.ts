import Papa from 'papaparse';
import { decodeText } from './decode.ts';
import { buildTable, IMPORT_LIMITS, unreadable, type SheetTable } from './table.ts';

/**
 * Reads a CSV (or tab-separated) file: encoding and delimiter (';', ',' or tab) are detected.
 * Stops as soon as the row limit is passed instead of parsing the rest.
 */
export function readCsv(bytes: Buffer, maxRows: number = IMPORT_LIMITS.maxRows): SheetTable {
  const text = decodeText(bytes);
  const records: Array<{ rowNumber: number; cells: string[] }> = [];
  let nonEmpty = 0;
  let isOverLimit = false;
  let quoteProblemRow: number | null = null;
  Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    skipEmptyLines: false,
    step: (result, parser) => {
      const rowNumber = records.length + 1;
      // Without dynamic typing Papa gives strings only: the row is kept as it comes.
      const cells = result.data;
      if (result.errors.some((e) => e.type === 'Quotes') && quoteProblemRow === null) quoteProblemRow = rowNumber;
      records.push({ rowNumber, cells });
      if (cells.some((c) => c.trim() !== '')) nonEmpty += 1;
      // +1 for the header row.
      if (nonEmpty > maxRows + 1) {
        isOverLimit = true;
        parser.abort();
      }
    },
  });
  if (isOverLimit) throw unreadable('import.too_many_rows', { max: maxRows });
  if (quoteProblemRow !== null) throw unreadable('import.csv_quotes', { row: quoteProblemRow });
  return buildTable(records);
}

const DELIMITERS = [';', '\t', ','] as const;

/**
 * The delimiter used in the header line (';' from Russian Excel, ',' or tab elsewhere): the one that
 * occurs most often outside quotes; ties go to ';', then tab. Papa's own guess needs several
 * consistent rows and fails on short files.
 */
export function detectDelimiter(text: string): string {
  const headerLine = text.slice(0, 65_536).split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  let best: string = ';';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = unquoted.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}
