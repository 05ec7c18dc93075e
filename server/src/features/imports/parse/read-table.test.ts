import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors.ts';
import { readCsv } from './csv.ts';
import { decodeText } from './decode.ts';
import { readTable } from './read-table.ts';
import { IMPORT_LIMITS } from './table.ts';

const HEADER = 'Фамилия;Имя;E-mail;Регион';
const ROW = 'Иванов;Иван;ivanov@example.ru;Пермский край';

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Участники');
  for (const row of rows) sheet.addRow(row);
  workbook.addWorksheet('Другой лист').addRow(['не читается']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('decodeText', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(decodeText(Buffer.from(`\uFEFF${HEADER}`, 'utf8'))).toBe(HEADER);
  });

  it('reads Windows-1251 when the bytes are not valid UTF-8', () => {
    expect(decodeText(iconv.encode(ROW, 'win1251'))).toBe(ROW);
  });

  it('reads UTF-16 by its BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(ROW, 'utf16le')]))).toBe(ROW);
  });
});

describe('readTable on CSV', () => {
  it('detects the ; delimiter and numbers rows as a spreadsheet does', async () => {
    const table = await readTable(Buffer.from(`${HEADER}\n${ROW}\n\n${ROW}\n`, 'utf8'));
    expect(table.columns).toEqual(['Фамилия', 'Имя', 'E-mail', 'Регион']);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(table.rows[0]!.cells).toEqual(['Иванов', 'Иван', 'ivanov@example.ru', 'Пермский край']);
  });

  it('reads a Windows-1251 file with a , delimiter and quoted cells', async () => {
    const text = 'Фамилия,Имя,Должность\r\nПетрова,Анна,"Глава района, Пермский край"\r\n';
    const table = await readTable(iconv.encode(text, 'win1251'));
    expect(table.rows[0]!.cells).toEqual(['Петрова', 'Анна', 'Глава района, Пермский край']);
  });

  it('reads a UTF-8 BOM tab-separated file', async () => {
    const table = await readTable(Buffer.from('\uFEFFФамилия\tИмя\nСидоров\tПётр\n', 'utf8'));
    expect(table.columns).toEqual(['Фамилия', 'Имя']);
    expect(table.rows[0]!.cells).toEqual(['Сидоров', 'Пётр']);
  });

  it('names blank and repeated headers so every column can be mapped', async () => {
    const table = await readTable(Buffer.from('Имя;;Имя\nа;б;в\n', 'utf8'));
    expect(table.columns).toEqual(['Имя', '#2', 'Имя (2)']);
  });

  it('refuses a file over the row limit as soon as the limit is passed', () => {
    const text = `${HEADER}\n${`${ROW}\n`.repeat(11)}`;
    expect(() => readCsv(Buffer.from(text), 10)).toThrowError(AppError);
    try {
      readCsv(Buffer.from(text), 10);
    } catch (error) {
      expect((error as AppError).fields[0]).toMatchObject({ path: 'file', key: 'import.too_many_rows', params: { max: 10 } });
    }
    expect(readCsv(Buffer.from(`${HEADER}\n${`${ROW}\n`.repeat(10)}`), 10).rows).toHaveLength(10);
  });

  it('refuses 50,001 data rows with the real limit', async () => {
    const text = `${HEADER}\n${`${ROW}\n`.repeat(IMPORT_LIMITS.maxRows + 1)}`;
    const error = await refusal(readTable(Buffer.from(text)));
    expect(error.code).toBe('file_unreadable');
  });

  it('refuses a 50 MB file by its size without reading it', async () => {
    const huge = Buffer.alloc(50 * 1024 * 1024, 0x41);
    const started = performance.now();
    const error = await refusal(readTable(huge));
    expect(performance.now() - started).toBeLessThan(50);
    expect(error.code).toBe('payload_too_large');
    expect(error.fields[0]).toMatchObject({ path: 'file', key: 'import.file_too_large', params: { max: 10 } });
  });

  it('refuses an empty file and an old binary .xls with advice', async () => {
    expect((await refusal(readTable(Buffer.alloc(0)))).fields[0]!.key).toBe('import.empty_file');
    expect((await refusal(readTable(Buffer.from('\n;;\n')))).fields[0]!.key).toBe('import.empty_file');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refusal(readTable(xls))).fields[0]!.key).toBe('import.xls_unsupported');
  });

  it('refuses unclosed quotes naming the row', async () => {
    const error = await refusal(readTable(Buffer.from('Фамилия;Имя\nИванов;"Иван\n')));
    expect(error.fields[0]).toMatchObject({ key: 'import.csv_quotes', params: { row: 2 } });
  });
});

describe('readTable on XLSX', () => {
  it('reads the first sheet with dates as YYYY-MM-DD, numbers and rich text as text, formulas marked', async () => {
    const bytes = await xlsxOf([
      ['Фамилия', 'Имя', 'Дата рождения', 'Телефон', 'Должность'],
      ['Иванов', { richText: [{ text: 'Ив' }, { text: 'ан' }] }, new Date(Date.UTC(1980, 4, 3)), 79123456789, { formula: 'A1&B1', result: 'x' }],
      [],
      ['Петров', 'Пётр', '03.05.1981', '+7 912 345-67-89', { text: 'сайт', hyperlink: 'https://example.ru' }],
    ]);
    const table = await readTable(bytes);
    expect(table.columns).toEqual(['Фамилия', 'Имя', 'Дата рождения', 'Телефон', 'Должность']);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(table.rows[0]!.cells).toEqual(['Иванов', 'Иван', '1980-05-03', '79123456789', '=A1&B1']);
    expect(table.rows[1]!.cells).toEqual(['Петров', 'Пётр', '03.05.1981', '+7 912 345-67-89', 'сайт']);
  });

  it('refuses a sheet over the row limit', async () => {
    const rows = [['Фамилия'], ...Array.from({ length: IMPORT_LIMITS.maxRows + 1 }, (_, i) => [`Фамилия ${i}`])];
    const error = await refusal(readTable(await xlsxOf(rows)));
    expect(error.fields[0]).toMatchObject({ key: 'import.too_many_rows' });
  });

  it('refuses a damaged workbook as unreadable', async () => {
    const bytes = (await xlsxOf([['a'], ['b']])).subarray(0, 400);
    const error = await refusal(readTable(bytes));
    expect(error.code).toBe('file_unreadable');
    expect(error.fields[0]!.key).toBe('import.xlsx_unreadable');
  });
});
