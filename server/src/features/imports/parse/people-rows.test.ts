import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors.ts';
import { isFormula, parseDate } from './cells.ts';
import { autoMap } from './mapping.ts';
import { checkPeopleTable, PEOPLE_FIELD_SPECS } from './people-rows.ts';
import { createReferenceLookup } from './reference.ts';
import { buildTable, type SheetTable } from './table.ts';

const TODAY = '2025-01-15';
const reference = createReferenceLookup(
  [
    { code: 'RU-PER', nameRu: 'Пермский край', nameEn: 'Perm Krai' },
    { code: 'RU-MOW', nameRu: 'Москва', nameEn: 'Moscow' },
  ],
  [{ id: 'm-perm', regionCode: 'RU-PER', name: 'Пермский городской округ' }],
);

const HEADER = ['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'E-mail', 'Телефон', 'Регион', 'Муниципалитет', 'Пол'];
const GOOD = ['Иванов', 'Иван', 'Иванович', '03.05.1980', 'Ivanov@Example.ru', '+7 912 345-67-89', 'RU-PER', 'пермский городской округ', 'м'];

function tableOf(rows: string[][], header = HEADER): SheetTable {
  return buildTable([header, ...rows].map((cells, i) => ({ rowNumber: i + 1, cells })));
}

const with_ = (changes: Partial<Record<number, string>>): string[] => GOOD.map((cell, i) => changes[i] ?? cell);

describe('column mapping', () => {
  it('maps Russian and English headers automatically and ignores unknown columns', () => {
    const mapping = autoMap(['Фамилия', 'first name', 'EMAIL', 'Почта', 'Субъект РФ', 'Комментарий', 'Date of birth'], PEOPLE_FIELD_SPECS);
    expect(mapping).toEqual({
      Фамилия: 'last_name',
      'first name': 'first_name',
      EMAIL: 'email',
      Почта: null,
      'Субъект РФ': 'region',
      Комментарий: null,
      'Date of birth': 'birth_date',
    });
  });

  it('reports each missing required column on the header row and imports nothing', () => {
    const checked = checkPeopleTable(tableOf([['Иванов', 'Иван']], ['Фамилия', 'Имя']), null, reference, TODAY);
    expect(checked.hasFileErrors).toBe(true);
    expect(checked.goodRows).toEqual([]);
    expect(checked.problems).toEqual([
      { row: 1, field: 'email', column: null, key: 'field.missing_column', params: { column: 'email' } },
      { row: 1, field: 'region', column: null, key: 'field.missing_column', params: { column: 'region' } },
    ]);
  });

  it('uses an explicit mapping instead of the headers', () => {
    const table = tableOf([['Иванов', 'Иван', 'a@b.ru', 'Москва']], ['A', 'B', 'C', 'D']);
    const checked = checkPeopleTable(table, { A: 'last_name', B: 'first_name', C: 'email', D: 'region' }, reference, TODAY);
    expect(checked.problems).toEqual([]);
    expect(checked.goodRows[0]).toMatchObject({ lastName: 'Иванов', email: 'a@b.ru', regionCode: 'RU-MOW' });
  });

  it('refuses an explicit mapping naming an absent column or the same field twice', () => {
    const table = tableOf([], ['A', 'B']);
    const attempt = () => checkPeopleTable(table, { A: 'email', B: 'email', Z: 'region' }, reference, TODAY);
    expect(attempt).toThrowError(AppError);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).fields.map((f) => f.key)).toEqual(['import.field_mapped_twice', 'import.unknown_column']);
    }
  });
});

describe('row checks', () => {
  it('accepts a good row, normalising e-mail, date, region, municipality and gender', () => {
    const checked = checkPeopleTable(tableOf([GOOD]), null, reference, TODAY);
    expect(checked.problems).toEqual([]);
    expect(checked.goodRows).toEqual([
      {
        rowNumber: 2,
        email: 'ivanov@example.ru',
        lastName: 'Иванов',
        firstName: 'Иван',
        middleName: 'Иванович',
        birthDate: '1980-05-03',
        gender: 'male',
        position: null,
        phone: '+7 912 345-67-89',
        regionCode: 'RU-PER',
        municipalityId: 'm-perm',
      },
    ]);
  });

  it('accepts the region by code, Russian or English name in any case', () => {
    const rows = [with_({ 4: 'a@x.ru', 6: 'ru-mow', 7: '' }), with_({ 4: 'b@x.ru', 6: 'МОСКВА', 7: '' }), with_({ 4: 'c@x.ru', 6: 'moscow', 7: '' })];
    const checked = checkPeopleTable(tableOf(rows), null, reference, TODAY);
    expect(checked.problems).toEqual([]);
    expect(checked.goodRows.map((r) => r.regionCode)).toEqual(['RU-MOW', 'RU-MOW', 'RU-MOW']);
  });

  it('names the row and field of each problem', () => {
    const rows = [
      with_({ 0: '', 4: 'not-an-email' }),
      with_({ 3: '31.02.1980', 4: 'b@x.ru' }),
      with_({ 3: '2015-01-01', 4: 'c@x.ru' }),
      with_({ 4: 'd@x.ru', 6: 'Нарния' }),
      with_({ 4: 'e@x.ru', 7: 'Урюпинск' }),
      with_({ 4: 'f@x.ru', 8: 'не знаю' }),
    ];
    const checked = checkPeopleTable(tableOf(rows), null, reference, TODAY);
    expect(checked.problems.map((p) => [p.row, p.field, p.key])).toEqual([
      [2, 'email', 'field.invalid_email'],
      [2, 'last_name', 'field.required'],
      [3, 'birth_date', 'field.invalid_date'],
      [4, 'birth_date', 'field.age_range'],
      [5, 'region', 'field.unknown_region'],
      [6, 'municipality', 'field.unknown_municipality'],
      [7, 'gender', 'field.one_of'],
    ]);
    expect(checked.problems[0]!.column).toBe('E-mail');
    expect(checked.badRowCount).toBe(6);
    expect(checked.goodRows).toEqual([]);
  });

  it('reports a repeated e-mail on the later row, naming the first', () => {
    const rows = [GOOD, with_({ 0: 'Петров' }), with_({ 4: 'IVANOV@example.ru ' })];
    const checked = checkPeopleTable(tableOf(rows), null, reference, TODAY);
    expect(checked.problems).toEqual([
      { row: 3, field: 'email', column: 'E-mail', key: 'field.duplicate_email', params: { row: 2 } },
      { row: 4, field: 'email', column: 'E-mail', key: 'field.duplicate_email', params: { row: 2 } },
    ]);
    expect(checked.goodRows.map((r) => r.rowNumber)).toEqual([2]);
  });

  it('refuses formulas and control characters as field errors, but not phone numbers or negative numbers', () => {
    const rows = [with_({ 0: '=HYPERLINK("http://evil","x")' }), with_({ 1: 'Ив\u0000ан', 4: 'b@x.ru' }), with_({ 2: '@SUM(A1)', 4: 'c@x.ru' })];
    const checked = checkPeopleTable(tableOf(rows), null, reference, TODAY);
    expect(checked.problems.map((p) => [p.row, p.field, p.key])).toEqual([
      [2, 'last_name', 'field.formula'],
      [3, 'first_name', 'field.control_chars'],
      [4, 'middle_name', 'field.formula'],
    ]);
    expect(isFormula('-5')).toBe(false);
    expect(isFormula('+7 (912) 345-67-89')).toBe(false);
    expect(isFormula('-')).toBe(false);
    expect(isFormula('-2+3+cmd|" /C calc"!A0')).toBe(true);
    expect(isFormula('+SUM(1)')).toBe(true);
  });

  it('treats a dash in an optional cell as empty', () => {
    const checked = checkPeopleTable(tableOf([with_({ 2: '-', 7: '—' })]), null, reference, TODAY);
    expect(checked.problems).toEqual([]);
    expect(checked.goodRows[0]).toMatchObject({ middleName: null, municipalityId: null });
  });
});

describe('parseDate', () => {
  it('accepts YYYY-MM-DD and DD.MM.YYYY and refuses impossible dates', () => {
    expect(parseDate('1980-05-03')).toBe('1980-05-03');
    expect(parseDate('3.5.1980')).toBe('1980-05-03');
    expect(parseDate('29.02.1984')).toBe('1984-02-29');
    expect(parseDate('29.02.1983')).toBeNull();
    expect(parseDate('31.02.1980')).toBeNull();
    expect(parseDate('1980-13-01')).toBeNull();
    expect(parseDate('05/03/1980')).toBeNull();
  });
});
