import { describe, expect, it } from 'vitest';
import { checkMunicipalitiesTable } from './municipality-rows.ts';
import { createReferenceLookup } from './reference.ts';
import { buildTable } from './table.ts';

const reference = createReferenceLookup([{ code: 'RU-PER', nameRu: 'Пермский край', nameEn: 'Perm Krai' }]);

describe('checkMunicipalitiesTable', () => {
  it('accepts kinds by code or Russian name and numbers written the Russian way', () => {
    const table = buildTable(
      [
        ['Регион', 'Название', 'Тип', 'Население', 'Широта', 'Долгота'],
        ['Пермский край', 'Пермский городской округ', 'Городской округ', '1 034 002', '58,0105', '56,2502'],
        ['RU-PER', 'Кунгурский муниципальный округ', 'municipal_okrug', '', '', ''],
      ].map((cells, i) => ({ rowNumber: i + 1, cells })),
    );
    const checked = checkMunicipalitiesTable(table, null, reference);
    expect(checked.problems).toEqual([]);
    expect(checked.goodRows).toEqual([
      { rowNumber: 2, regionCode: 'RU-PER', name: 'Пермский городской округ', kind: 'urban_okrug', population: 1034002, lat: 58.0105, lon: 56.2502 },
      { rowNumber: 3, regionCode: 'RU-PER', name: 'Кунгурский муниципальный округ', kind: 'municipal_okrug', population: null, lat: null, lon: null },
    ]);
  });

  it('reports unknown kinds, bad numbers and repeated rows', () => {
    const table = buildTable(
      [
        ['region', 'name', 'kind', 'population', 'lat', 'lon'],
        ['RU-PER', 'Пермь', 'город', '12.5', '95', 'x'],
        ['RU-PER', 'Чусовой', 'urban_okrug', '', '', ''],
        ['RU-PER', 'Чусовой', 'urban_okrug', '', '', ''],
      ].map((cells, i) => ({ rowNumber: i + 1, cells })),
    );
    const checked = checkMunicipalitiesTable(table, null, reference);
    expect(checked.problems.map((p) => [p.row, p.field, p.key])).toEqual([
      [2, 'kind', 'field.one_of'],
      [2, 'population', 'field.invalid_integer'],
      [2, 'lat', 'field.too_big'],
      [2, 'lon', 'field.invalid_number'],
      [4, 'name', 'import.duplicate_row'],
    ]);
  });
});
