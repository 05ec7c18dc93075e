import type { ImportMapping } from '@ms/contracts/imports';
import { IMPORTED_APPLICATION_STATUSES } from '@ms/contracts/imports';
import { EDUCATION_LEVELS, type EducationLevel } from '@ms/contracts/admissions';
import { normalizeKey, parseDecimal } from './cells.ts';
import type { FieldSpec } from './mapping.ts';
import { createPersonRowChecker, memoize, optional, PEOPLE_FIELD_SPECS, type PersonImportRow } from './people-rows.ts';
import type { ReferenceLookup } from './reference.ts';
import { checkTable, type CheckedTable, type RowReader } from './row-check.ts';
import type { SheetTable } from './table.ts';

export type ServiceKind = 'state' | 'municipal' | 'none';
export type ImportedApplicationStatus = (typeof IMPORTED_APPLICATION_STATUSES)[number];

/** An application row fit to import: the applicant and their application. */
export interface ApplicationImportRow extends PersonImportRow {
  education: EducationLevel | null;
  managementYears: number | null;
  serviceKind: ServiceKind | null;
  serviceYears: number | null;
  testScore: number | null;
  expertScore: number | null;
  interviewScore: number | null;
  /** null when the file says nothing: a new application is then submitted, an existing one keeps its status. */
  status: ImportedApplicationStatus | null;
}

export const APPLICATION_FIELD_SPECS: FieldSpec[] = [
  ...PEOPLE_FIELD_SPECS,
  { field: 'education', isRequired: false, headers: ['Образование', 'Уровень образования', 'Education', 'Education level'] },
  {
    field: 'management_years',
    isRequired: false,
    headers: ['Стаж на руководящих должностях', 'Лет на руководящих должностях', 'Стаж руководства', 'Years managing', 'Management years'],
  },
  { field: 'service_kind', isRequired: false, headers: ['Вид службы', 'Служба', 'Service', 'Service kind'] },
  { field: 'service_years', isRequired: false, headers: ['Стаж службы', 'Стаж государственной или муниципальной службы', 'Service years', 'Years of service'] },
  { field: 'test_score', isRequired: false, headers: ['Балл за тест', 'Тест', 'Test score', 'Test'] },
  { field: 'expert_score', isRequired: false, headers: ['Экспертная оценка', 'Балл экспертов', 'Expert score'] },
  { field: 'interview_score', isRequired: false, headers: ['Собеседование', 'Балл за собеседование', 'Interview score', 'Interview'] },
  { field: 'status', isRequired: false, headers: ['Статус', 'Status'] },
];

/** Education levels by their codes and their usual Russian names. */
const EDUCATION_BY_KEY = keyed<EducationLevel>([
  ...EDUCATION_LEVELS.map((level): [string, EducationLevel] => [level, level]),
  ['среднее', 'secondary'],
  ['среднее общее', 'secondary'],
  ['среднее профессиональное', 'vocational'],
  ['бакалавриат', 'bachelor'],
  ['бакалавр', 'bachelor'],
  ['высшее', 'master'],
  ['специалитет', 'master'],
  ['специалист', 'master'],
  ['магистратура', 'master'],
  ['магистр', 'master'],
  ['кандидат наук', 'doctorate'],
  ['доктор наук', 'doctorate'],
  ['аспирантура', 'doctorate'],
]);
const SERVICE_BY_KEY = keyed<ServiceKind>([
  ['state', 'state'],
  ['municipal', 'municipal'],
  ['none', 'none'],
  ['государственная', 'state'],
  ['государственная гражданская', 'state'],
  ['муниципальная', 'municipal'],
  ['нет', 'none'],
]);
const STATUS_BY_KEY = keyed<ImportedApplicationStatus>([
  ...IMPORTED_APPLICATION_STATUSES.map((status): [string, ImportedApplicationStatus] => [status, status]),
  ['подана', 'submitted'],
  ['подано', 'submitted'],
  ['номинирован', 'nominated'],
  ['рекомендован', 'nominated'],
  ['принят', 'admitted'],
  ['зачислен', 'admitted'],
  ['резерв', 'reserve'],
  ['отклонена', 'rejected'],
  ['отказ', 'rejected'],
  ['отозвана', 'withdrawn'],
]);

const YEARS_MAX = 60;
const SCORE_MAX = 100;

/**
 * Checks an applications file for a campaign: the applicant as a people file checks them (e-mail
 * once per file, region and municipality known), then the answers and the optional scores and status.
 */
export function checkApplicationsTable(
  table: SheetTable,
  explicitMapping: ImportMapping | null | undefined,
  reference: ReferenceLookup,
  today: string,
): CheckedTable<ApplicationImportRow> {
  return checkTable(table, APPLICATION_FIELD_SPECS, explicitMapping, createApplicationRowCheck(reference, today));
}

/** The check of one applications row (see checkApplicationsTable), with its state across rows; for checking a file chunk by chunk. */
export function createApplicationRowCheck(reference: ReferenceLookup, today: string): (reader: RowReader) => ApplicationImportRow | null {
  const checkPerson = createPersonRowChecker(reference, today);
  const education = memoize((text) => EDUCATION_BY_KEY.get(normalizeKey(text)) ?? null);
  const service = memoize((text) => SERVICE_BY_KEY.get(normalizeKey(text)) ?? null);
  const status = memoize((text) => STATUS_BY_KEY.get(normalizeKey(text)) ?? null);
  return (reader) => {
    const person = checkPerson(reader);
    const educationLevel = checkChoice(reader, 'education', education, EDUCATION_LEVELS);
    const managementYears = checkNumber(reader, 'management_years', YEARS_MAX, true);
    const serviceKind = checkChoice(reader, 'service_kind', service, ['state', 'municipal', 'none']);
    const serviceYears = checkNumber(reader, 'service_years', YEARS_MAX, true);
    const testScore = checkNumber(reader, 'test_score', SCORE_MAX, false);
    const expertScore = checkNumber(reader, 'expert_score', SCORE_MAX, false);
    const interviewScore = checkNumber(reader, 'interview_score', SCORE_MAX, false);
    const applicationStatus = checkChoice(reader, 'status', status, IMPORTED_APPLICATION_STATUSES);
    if (!person || reader.hasProblems()) return null;
    // One literal, not { ...person, ...answers }: V8 gave that spread of 19 properties a dictionary
    // (some 5 KB a row, against 0.2 KB), which made a 250,000-row file cost over a gigabyte of heap.
    return {
      rowNumber: person.rowNumber,
      email: person.email,
      lastName: person.lastName,
      firstName: person.firstName,
      middleName: person.middleName,
      birthDate: person.birthDate,
      gender: person.gender,
      position: person.position,
      phone: person.phone,
      regionCode: person.regionCode,
      municipalityId: person.municipalityId,
      education: educationLevel,
      managementYears,
      serviceKind,
      serviceYears,
      testScore,
      expertScore,
      interviewScore,
      status: applicationStatus,
    };
  };
}

function checkChoice<T>(reader: RowReader, field: string, lookup: (text: string) => T | null, options: readonly string[]): T | null {
  const raw = optional(reader.get(field));
  if (!raw) return null;
  const value = lookup(raw);
  if (value === null) reader.report(field, 'field.one_of', { options: options.join(', ') });
  return value;
}

function checkNumber(reader: RowReader, field: string, max: number, isInteger: boolean): number | null {
  const raw = optional(reader.get(field));
  if (!raw) return null;
  const value = parseDecimal(raw);
  if (value === null || (isInteger && !Number.isInteger(value))) {
    reader.report(field, isInteger ? 'field.invalid_integer' : 'field.invalid_number');
    return null;
  }
  if (value < 0) reader.report(field, 'field.too_small', { min: 0 });
  else if (value > max) reader.report(field, 'field.too_big', { max });
  else return value;
  return null;
}

function keyed<T>(entries: Array<[string, T]>): Map<string, T> {
  return new Map(entries.map(([name, value]) => [normalizeKey(name), value]));
}
