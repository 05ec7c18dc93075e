import { z } from 'zod';
import type { ImportMapping } from '@ms/contracts/imports';
import { ageOn, isBlank, normalizeKey, parseDate } from './cells.ts';
import type { FieldSpec } from './mapping.ts';
import type { ReferenceLookup } from './reference.ts';
import { checkTable, fitsLength, requireValue, type CheckedTable, type RowReader } from './row-check.ts';
import type { SheetTable } from './table.ts';

/** A person row fit to import. */
export interface PersonImportRow {
  rowNumber: number;
  /** Lower-cased: the natural key of people. */
  email: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  gender: 'female' | 'male' | null;
  position: string | null;
  phone: string | null;
  regionCode: string;
  municipalityId: string | null;
}

export const PEOPLE_FIELD_SPECS: FieldSpec[] = [
  { field: 'last_name', isRequired: true, headers: ['Фамилия', 'Last name', 'Surname', 'Family name'] },
  { field: 'first_name', isRequired: true, headers: ['Имя', 'First name', 'Given name'] },
  { field: 'middle_name', isRequired: false, headers: ['Отчество', 'Middle name', 'Patronymic'] },
  { field: 'birth_date', isRequired: false, headers: ['Дата рождения', 'Birth date', 'Date of birth', 'Birthdate', 'DOB'] },
  {
    field: 'email',
    isRequired: true,
    headers: ['E-mail', 'Email', 'Почта', 'Электронная почта', 'Эл. почта', 'Адрес электронной почты', 'Mail', 'E-mail address'],
  },
  { field: 'phone', isRequired: false, headers: ['Телефон', 'Мобильный телефон', 'Phone', 'Mobile', 'Phone number'] },
  { field: 'position', isRequired: false, headers: ['Должность', 'Position', 'Job title'] },
  { field: 'region', isRequired: true, headers: ['Регион', 'Субъект', 'Субъект РФ', 'Region', 'Federal subject'] },
  { field: 'municipality', isRequired: false, headers: ['Муниципалитет', 'Муниципальное образование', 'Municipality'] },
  { field: 'gender', isRequired: false, headers: ['Пол', 'Gender', 'Sex'] },
];

/** Participants are adults of working age: a birth date outside this is a typo. */
export const AGE_RANGE = { min: 18, max: 80 } as const;
const NAME_MAX = 100;
const POSITION_MAX = 300;
const EMAIL_MAX = 254;
const PHONE = /^\+?[\d\s().-]{5,40}$/;
// z.email()'s own pattern, tested directly: safeParse per row cost several times more on a 10,000-row file.
const EMAIL = z.regexes.email;

const GENDERS = new Map<string, 'female' | 'male'>([
  ['м', 'male'],
  ['муж', 'male'],
  ['мужской', 'male'],
  ['male', 'male'],
  ['m', 'male'],
  ['ж', 'female'],
  ['жен', 'female'],
  ['женский', 'female'],
  ['female', 'female'],
  ['f', 'female'],
]);

/**
 * Checks a people table against the reference data as of `today` (YYYY-MM-DD): required fields,
 * e-mail, dates, region and municipality, and e-mails repeated within the file.
 */
export function checkPeopleTable(
  table: SheetTable,
  explicitMapping: ImportMapping | null | undefined,
  reference: ReferenceLookup,
  today: string,
): CheckedTable<PersonImportRow> {
  return checkTable(table, PEOPLE_FIELD_SPECS, explicitMapping, createPersonRowChecker(reference, today));
}

/**
 * The check of a person's fields in one row, for any file that holds people (people, applications):
 * reports every problem and returns the person, or null when the row has any problem so far.
 */
export function createPersonRowChecker(reference: ReferenceLookup, today: string): (reader: RowReader) => PersonImportRow | null {
  const firstRowOfEmail = new Map<string, number>();
  // A file repeats the same few regions and dates thousands of times: look each one up once.
  const findRegion = memoize(reference.findRegion);
  const birthDates = new Map<string, BirthDate>();
  return (reader) => {
    const email = checkEmail(reader, firstRowOfEmail);
    const hasNames = [requireValue(reader, 'last_name'), requireValue(reader, 'first_name')].every(Boolean);
    for (const field of ['last_name', 'first_name', 'middle_name']) fitsLength(reader, field, NAME_MAX);
    fitsLength(reader, 'position', POSITION_MAX);
    const birthDate = checkBirthDate(reader, today, birthDates);
    const gender = checkGender(reader);
    const phone = optional(reader.get('phone'));
    if (phone && !PHONE.test(phone)) reader.report('phone', 'field.invalid_phone');
    const regionCode = requireValue(reader, 'region') ? findRegion(reader.get('region')) : null;
    if (reader.get('region') !== '' && !regionCode) reader.report('region', 'field.unknown_region');
    const municipalityName = optional(reader.get('municipality'));
    const municipalityId = regionCode && municipalityName ? reference.findMunicipality(regionCode, municipalityName) : null;
    if (regionCode && municipalityName && !municipalityId) reader.report('municipality', 'field.unknown_municipality');
    if (reader.hasProblems() || !email || !hasNames || !regionCode) return null;
    return {
      rowNumber: reader.rowNumber,
      email,
      lastName: reader.get('last_name'),
      firstName: reader.get('first_name'),
      middleName: optional(reader.get('middle_name')),
      birthDate,
      gender,
      position: optional(reader.get('position')),
      phone,
      regionCode,
      municipalityId,
    };
  };
}

/** A blank or dash-only cell is no value. */
export const optional = (value: string): string | null => (isBlank(value) ? null : value);

function checkEmail(reader: RowReader, firstRowOfEmail: Map<string, number>): string | null {
  if (!requireValue(reader, 'email')) return null;
  const email = reader.get('email').toLowerCase();
  if (email.length > EMAIL_MAX || !EMAIL.test(email)) {
    reader.report('email', 'field.invalid_email');
    return null;
  }
  const firstRow = firstRowOfEmail.get(email);
  if (firstRow !== undefined) {
    reader.report('email', 'field.duplicate_email', { row: firstRow });
    return null;
  }
  firstRowOfEmail.set(email, reader.rowNumber);
  return email;
}

/** A birth-date cell as checked: the date, or the problem with it. */
type BirthDate = { date: string } | { key: 'field.invalid_date' } | { key: 'field.age_range'; params: Record<string, number> };

function checkBirthDate(reader: RowReader, today: string, seen: Map<string, BirthDate>): string | null {
  const raw = optional(reader.get('birth_date'));
  if (!raw) return null;
  let checked = seen.get(raw);
  if (!checked) {
    checked = parseBirthDate(raw, today);
    seen.set(raw, checked);
  }
  if ('date' in checked) return checked.date;
  reader.report('birth_date', checked.key, 'params' in checked ? checked.params : undefined);
  return null;
}

function parseBirthDate(raw: string, today: string): BirthDate {
  const date = parseDate(raw);
  if (!date) return { key: 'field.invalid_date' };
  const age = ageOn(date, today);
  if (age < AGE_RANGE.min || age > AGE_RANGE.max) return { key: 'field.age_range', params: { min: AGE_RANGE.min, max: AGE_RANGE.max } };
  return { date };
}

/** A one-argument lookup that remembers its answers (for the span of one file check). */
export function memoize<T>(lookup: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const value = lookup(text);
    known.set(text, value);
    return value;
  };
}

function checkGender(reader: RowReader): 'female' | 'male' | null {
  const raw = optional(reader.get('gender'));
  if (!raw) return null;
  const gender = GENDERS.get(normalizeKey(raw));
  if (!gender) reader.report('gender', 'field.one_of', { options: 'м, ж, male, female' });
  return gender ?? null;
}
