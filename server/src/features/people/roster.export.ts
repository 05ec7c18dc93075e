import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export type Cell = string | number | null;

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab/CR) as a formula; a leading
 * apostrophe makes it text (OWASP "CSV injection").
 */
export function neutraliseFormula(value: Cell): Cell {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * CSV for Russian Excel: UTF-8 with a BOM (so Cyrillic opens correctly), ';' between fields, fields
 * quoted when they hold ';', quotes or line breaks, formulas neutralised.
 */
export function buildCsv(header: string[], rows: Cell[][]): Buffer {
  const text = Papa.unparse(
    { fields: header.map((h) => neutraliseFormula(h) as string), data: rows.map((row) => row.map((cell) => neutraliseFormula(cell) ?? '')) },
    { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
}

/** One-sheet XLSX. Cells are written as typed values (strings stay strings), so nothing is evaluated. */
export async function buildXlsx(sheetName: string, header: string[], rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'mayors-school';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => cell ?? ''));
  sheet.columns.forEach((column, index) => {
    const longest = Math.max(header[index]?.length ?? 0, ...rows.slice(0, 500).map((row) => String(row[index] ?? '').length));
    column.width = Math.min(60, Math.max(10, longest + 2));
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
