import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { collectGoodRows, scanUpload } from './imports.check.ts';
import { checkForDryRun } from './imports.checked-cache.ts';
import type { ImportsRepo } from './imports.repo.ts';
import { checkApplicationsTable } from './parse/application-rows.ts';
import { checkPeopleTable } from './parse/people-rows.ts';
import { createReferenceLookup, type MunicipalityRef, type RegionRef } from './parse/reference.ts';
import { buildTable } from './parse/table.ts';

const TODAY = '2026-01-15';
const REGIONS: RegionRef[] = [
  { code: 'RU-PER', nameRu: 'Пермский край', nameEn: 'Perm Krai' },
  { code: 'RU-KLU', nameRu: 'Калужская область', nameEn: 'Kaluga Oblast' },
  { code: 'RU-MOW', nameRu: 'Москва', nameEn: 'Moscow' },
];
const MUNICIPALITIES: MunicipalityRef[] = [
  { id: 'm-perm', regionCode: 'RU-PER', name: 'Пермский городской округ' },
  { id: 'm-obninsk', regionCode: 'RU-KLU', name: 'Обнинск' },
  { id: 'm-kaluga', regionCode: 'RU-KLU', name: 'Калуга' },
];

/** The reference data as the repo gives it, counting the municipality loads. */
function fakeRepo() {
  const loads: string[][] = [];
  const repo = {
    findRegions: async () => REGIONS,
    findMunicipalities: async (codes: string[]) => {
      loads.push(codes);
      return MUNICIPALITIES.filter((m) => codes.includes(m.regionCode));
    },
  } as unknown as ImportsRepo;
  return { repo, loads };
}

const HEADER = ['Фамилия', 'Имя', 'E-mail', 'Регион', 'Муниципалитет', 'Дата рождения', 'Образование', 'Балл за тест', 'Должность'];

/**
 * Row i of a file with every kind of trouble spread over it: bad e-mails, an e-mail repeated across
 * chunks, unknown municipalities, impossible dates and scores, formulas, and (when `isQuoted`)
 * quoted cells holding the delimiter and line breaks.
 */
function row(i: number, isQuoted: boolean): string[] {
  const region = ['Пермский край', 'RU-KLU', 'Moscow'][i % 3]!;
  const municipality = i % 3 === 0 ? 'пермский городской округ' : i % 3 === 1 ? (i % 7 === 0 ? 'Нигдеград' : 'обнинск') : '';
  return [
    i % 97 === 0 ? '=1+1' : `Фамилия${i}`,
    isQuoted && i % 5 === 0 ? '"Имя; с ""кавычками""\nи строкой"' : 'Имя',
    i % 89 === 0 ? 'not-an-email' : `p${i % 1_000 === 999 ? 3 : i}@example.ru`,
    region,
    municipality,
    i % 53 === 0 ? '31.02.1980' : '1980-05-05',
    ['master', 'bachelor', 'аспирантура', 'кандидат'][i % 4]!,
    i % 61 === 0 ? '130' : String(i % 100),
    isQuoted ? '"Глава, администрация"' : 'Глава',
  ];
}

/** A CSV of `count` rows whose first `quotedRows` rows have quoted cells. */
function csvOf(count: number, quotedRows: number): Buffer {
  const lines = [HEADER.join(';')];
  for (let i = 1; i <= count; i++) lines.push(row(i, i <= quotedRows).join(';'));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The check as it was done before streaming: the whole file parsed by Papa at once, then checked whole. */
function checkWhole(bytes: Buffer) {
  const records = Papa.parse<string[]>(bytes.toString('utf8'), { delimiter: ';', skipEmptyLines: false }).data;
  const table = buildTable(records.map((cells, i) => ({ rowNumber: i + 1, cells })));
  return checkApplicationsTable(table, null, createReferenceLookup(REGIONS, MUNICIPALITIES), TODAY);
}

describe('checking a file chunk by chunk', () => {
  it.each([
    ['without quotes', 0],
    ['with quoted cells throughout (parsed by Papa in paused batches)', Infinity],
    ['with quoted cells in the first rows only (Papa resumes on a rest without quotes)', 300],
  ])('finds exactly the problems and good rows of checking it whole, %s', async (_name, quotedRows) => {
    const bytes = csvOf(2_600, quotedRows);
    const whole = checkWhole(bytes);
    const { repo, loads } = fakeRepo();
    const outcome = await scanUpload(repo, { kind: 'applications', content: bytes, mapping: null }, TODAY, 7);
    if (outcome.kind !== 'applications') throw new Error('not an applications scan');
    const goodRows = await collectGoodRows(outcome.scan);
    const summary = outcome.scan.summary();
    expect(summary.problems.length).toBeGreaterThan(100);
    expect(summary.problems).toEqual(whole.problems);
    expect(goodRows).toEqual(whole.goodRows);
    expect({ rowCount: summary.rowCount, badRowCount: summary.badRowCount }).toEqual({ rowCount: 2_600, badRowCount: whole.badRowCount });
    expect(summary.sample).toHaveLength(5);
    // Each region's municipalities are loaded once, when a chunk first names it.
    expect(loads.flat().sort()).toEqual(['RU-KLU', 'RU-MOW', 'RU-PER']);
  });

  it('reports in the dry run what checking whole reports, and loads no municipalities for a file without that column', async () => {
    const { repo, loads } = fakeRepo();
    const bytes = Buffer.from('Фамилия;Имя;E-mail;Регион\nОрлова;Анна;a@example.ru;RU-PER\nБыков;Илья;a@example.ru;RU-XX\n', 'utf8');
    const { summary } = await checkForDryRun(repo, { kind: 'people', content: bytes, mapping: null }, TODAY);
    const table = buildTable(Papa.parse<string[]>(bytes.toString('utf8'), { delimiter: ';' }).data.map((cells, i) => ({ rowNumber: i + 1, cells })));
    const whole = checkPeopleTable(table, null, createReferenceLookup(REGIONS), TODAY);
    expect(summary).toMatchObject({ rowCount: 2, badRowCount: 1, hasFileErrors: false, problems: whole.problems });
    expect(summary.problems.map((p) => [p.row, p.field, p.key])).toEqual([
      [3, 'email', 'field.duplicate_email'],
      [3, 'region', 'field.unknown_region'],
    ]);
    expect(loads).toEqual([]);
  });

  it('hands out no good rows when a required column is missing, but still reports every row', async () => {
    const { repo } = fakeRepo();
    const bytes = Buffer.from('Фамилия;E-mail;Регион\nОрлова;bad;RU-PER\nБыков;b@example.ru;RU-PER\n', 'utf8');
    const outcome = await scanUpload(repo, { kind: 'people', content: bytes, mapping: null }, TODAY, 1);
    expect(await collectGoodRows<unknown>(outcome.scan)).toEqual([]);
    expect(outcome.scan.summary().problems.map((p) => [p.row, p.key])).toEqual([
      [1, 'field.missing_column'],
      [2, 'field.invalid_email'],
    ]);
  });

  it('refuses a file over the row limit from the chunks, once the limit is passed', async () => {
    const { repo } = fakeRepo();
    const lines = ['Фамилия;Имя;E-mail;Регион', ...Array.from({ length: 50_001 }, (_, i) => `Ф;И;p${i}@example.ru;RU-PER`)];
    const { scan } = await scanUpload(repo, { kind: 'people', content: Buffer.from(lines.join('\n')), mapping: null }, TODAY);
    await expect(collectGoodRows<unknown>(scan)).rejects.toMatchObject({ code: 'file_unreadable' });
  });
});
