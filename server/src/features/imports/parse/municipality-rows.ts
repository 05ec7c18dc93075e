import { MUNICIPALITY_KINDS, type ImportMapping } from '@ms/contracts/imports';
import { normalizeKey, parseDecimal } from './cells.ts';
import type { FieldSpec } from './mapping.ts';
import type { ReferenceLookup } from './reference.ts';
import { checkTable, fitsLength, requireValue, type CheckedTable, type RowReader } from './row-check.ts';
import type { SheetTable } from './table.ts';

/** A municipality row fit to import. */
export interface MunicipalityImportRow {
  rowNumber: number;
  regionCode: string;
  name: string;
  kind: string;
  population: number | null;
  lat: number | null;
  lon: number | null;
}

export const MUNICIPALITY_FIELD_SPECS: FieldSpec[] = [
  { field: 'region', isRequired: true, headers: ['Регион', 'Субъект', 'Субъект РФ', 'Region', 'Federal subject'] },
  { field: 'name', isRequired: true, headers: ['Название', 'Наименование', 'Муниципалитет', 'Муниципальное образование', 'Name', 'Municipality'] },
  { field: 'kind', isRequired: true, headers: ['Тип', 'Вид', 'Вид муниципального образования', 'Kind', 'Type'] },
  { field: 'population', isRequired: false, headers: ['Население', 'Численность населения', 'Population'] },
  { field: 'lat', isRequired: false, headers: ['Широта', 'Lat', 'Latitude'] },
  { field: 'lon', isRequired: false, headers: ['Долгота', 'Lon', 'Lng', 'Longitude'] },
];

/** The kind codes and the Russian names of the kinds (as in the municipal register). */
const KIND_NAMES: Array<[string, string]> = [
  ['городской округ', 'urban_okrug'],
  ['городской округ с внутригородским делением', 'urban_okrug'],
  ['муниципальный район', 'municipal_district'],
  ['муниципальный округ', 'municipal_okrug'],
  ['городское поселение', 'urban_settlement'],
  ['сельское поселение', 'rural_settlement'],
  ['внутригородской район', 'city_district'],
  ['внутригородская территория', 'federal_city_area'],
  ['внутригородское муниципальное образование', 'federal_city_area'],
];
const KIND_BY_KEY = new Map<string, string>(
  [...MUNICIPALITY_KINDS.map((kind): [string, string] => [kind, kind]), ...KIND_NAMES].map(([name, kind]): [string, string] => [normalizeKey(name), kind]),
);

const NAME_MAX = 200;
const POPULATION_MAX = 20_000_000;

/** Checks a municipalities table: region known, kind known, numbers in range, no row repeated. */
export function checkMunicipalitiesTable(
  table: SheetTable,
  explicitMapping: ImportMapping | null | undefined,
  reference: ReferenceLookup,
): CheckedTable<MunicipalityImportRow> {
  return checkTable(table, MUNICIPALITY_FIELD_SPECS, explicitMapping, createMunicipalityRowCheck(reference));
}

/** The check of one municipalities row (see checkMunicipalitiesTable), with its state across rows; for checking a file chunk by chunk. */
export function createMunicipalityRowCheck(reference: ReferenceLookup): (reader: RowReader) => MunicipalityImportRow | null {
  const firstRowOf = new Map<string, number>();
  return (reader) => {
    const regionCode = requireValue(reader, 'region') ? reference.findRegion(reader.get('region')) : null;
    if (reader.get('region') !== '' && !regionCode) reader.report('region', 'field.unknown_region');
    const hasName = requireValue(reader, 'name') && fitsLength(reader, 'name', NAME_MAX);
    const kind = requireValue(reader, 'kind') ? (KIND_BY_KEY.get(normalizeKey(reader.get('kind'))) ?? null) : null;
    if (reader.get('kind') !== '' && !kind) reader.report('kind', 'field.one_of', { options: MUNICIPALITY_KINDS.join(', ') });
    const population = checkNumber(reader, 'population', 0, POPULATION_MAX, true);
    const lat = checkNumber(reader, 'lat', -90, 90, false);
    const lon = checkNumber(reader, 'lon', -180, 180, false);
    if (reader.hasProblems() || !regionCode || !hasName || !kind) return null;
    const name = reader.get('name');
    const key = `${regionCode}|${name}|${kind}`;
    const firstRow = firstRowOf.get(key);
    if (firstRow !== undefined) {
      reader.report('name', 'import.duplicate_row', { row: firstRow });
      return null;
    }
    firstRowOf.set(key, reader.rowNumber);
    return { rowNumber: reader.rowNumber, regionCode, name, kind, population, lat, lon };
  };
}

function checkNumber(reader: RowReader, field: string, min: number, max: number, isInteger: boolean): number | null {
  const raw = reader.get(field);
  if (raw === '') return null;
  const value = parseDecimal(raw);
  if (value === null || (isInteger && !Number.isInteger(value))) {
    reader.report(field, isInteger ? 'field.invalid_integer' : 'field.invalid_number');
    return null;
  }
  if (value < min) reader.report(field, 'field.too_small', { min });
  else if (value > max) reader.report(field, 'field.too_big', { max });
  else return value;
  return null;
}
