import { describe, expect, it } from 'vitest';
import {
  FEDERAL_DISTRICTS,
  FEDERAL_SUBJECT_KINDS,
  FEDERAL_SUBJECTS,
  TILE_GRID,
  type FederalSubjectSeed,
} from './federal-subjects.data.ts';

function subject(code: string): FederalSubjectSeed {
  const found = FEDERAL_SUBJECTS.find((s) => s.code === code);
  if (!found) throw new Error(`no federal subject ${code}`);
  return found;
}

function countBy(key: (s: FederalSubjectSeed) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of FEDERAL_SUBJECTS) counts[key(s)] = (counts[key(s)] ?? 0) + 1;
  return counts;
}

function adjacent(a: string, b: string): boolean {
  const x = subject(a);
  const y = subject(b);
  return Math.abs(x.tileCol - y.tileCol) + Math.abs(x.tileRow - y.tileRow) === 1;
}

describe('federal subjects reference data', () => {
  it('lists exactly 89 subjects with unique, well-formed codes', () => {
    expect(FEDERAL_SUBJECTS).toHaveLength(89);
    expect(new Set(FEDERAL_SUBJECTS.map((s) => s.code)).size).toBe(89);
    for (const s of FEDERAL_SUBJECTS) expect(s.code).toMatch(/^RU-[A-Z]{2,3}$/);
  });

  it('defines all 8 federal districts, with unique codes, and places subjects in every one', () => {
    const codes = FEDERAL_DISTRICTS.map((d) => d.code);
    expect(new Set(codes)).toEqual(new Set(['CFD', 'NWFD', 'SFD', 'NCFD', 'VFD', 'UFD', 'SibFD', 'FEFD']));
    expect(codes).toHaveLength(8);
    expect(new Set(FEDERAL_SUBJECTS.map((s) => s.federalDistrict))).toEqual(new Set(codes));
  });

  it('counts the subjects of each district and of each kind as the Constitution does', () => {
    expect(countBy((s) => s.federalDistrict)).toEqual({ CFD: 18, NWFD: 11, SFD: 12, NCFD: 7, VFD: 14, UFD: 6, SibFD: 10, FEFD: 11 });
    expect(countBy((s) => s.kind)).toEqual({
      republic: 24,
      krai: 9,
      oblast: 48,
      federal_city: 3,
      autonomous_oblast: 1,
      autonomous_okrug: 4,
    });
    for (const s of FEDERAL_SUBJECTS) expect(FEDERAL_SUBJECT_KINDS).toContain(s.kind);
  });

  it('names every subject, district and capital in both languages', () => {
    for (const d of FEDERAL_DISTRICTS) {
      expect(d.nameRu.trim()).not.toBe('');
      expect(d.nameEn.trim()).not.toBe('');
    }
    for (const s of FEDERAL_SUBJECTS) {
      for (const text of [s.nameRu, s.nameEn, s.capitalRu, s.capitalEn]) {
        expect(text.trim(), s.code).not.toBe('');
        expect(text, s.code).toBe(text.trim());
      }
      expect(s.nameRu, s.code).toMatch(/[А-ЯЁа-яё]/);
      expect(s.nameEn, s.code).toMatch(/^[A-Za-z' ()–-]+$/);
    }
    expect(new Set(FEDERAL_SUBJECTS.map((s) => s.nameRu)).size).toBe(89);
    expect(new Set(FEDERAL_SUBJECTS.map((s) => s.nameEn)).size).toBe(89);
  });

  it('places every administrative centre inside Russia’s extent, to 4 decimals', () => {
    for (const s of FEDERAL_SUBJECTS) {
      expect(s.lat, s.code).toBeGreaterThanOrEqual(41);
      expect(s.lat, s.code).toBeLessThanOrEqual(78);
      expect(s.lon, s.code).toBeGreaterThanOrEqual(19);
      expect(s.lon, s.code).toBeLessThanOrEqual(180);
      expect(Math.round(s.lat * 1e4) / 1e4, s.code).toBe(s.lat);
      expect(Math.round(s.lon * 1e4) / 1e4, s.code).toBe(s.lon);
    }
    expect(subject('RU-CHU').lon).toBeCloseTo(177.5, 1);
    expect(subject('RU-KGD').lon).toBeCloseTo(20.5, 1);
  });

  it('gives every subject its own tile inside the grid', () => {
    const tiles = new Set<string>();
    for (const s of FEDERAL_SUBJECTS) {
      expect(Number.isInteger(s.tileCol) && Number.isInteger(s.tileRow), s.code).toBe(true);
      expect(s.tileCol, s.code).toBeGreaterThanOrEqual(0);
      expect(s.tileCol, s.code).toBeLessThan(TILE_GRID.cols);
      expect(s.tileRow, s.code).toBeGreaterThanOrEqual(0);
      expect(s.tileRow, s.code).toBeLessThan(TILE_GRID.rows);
      tiles.add(`${s.tileCol},${s.tileRow}`);
    }
    expect(tiles.size).toBe(89);
  });

  it('lays the tile grid out like the map: west on the left, north on top, neighbours together', () => {
    expect(adjacent('RU-MOW', 'RU-MOS')).toBe(true);
    expect(adjacent('RU-SPE', 'RU-LEN')).toBe(true);
    expect(subject('RU-KGD').tileCol).toBe(0);
    expect(subject('RU-CHU').tileCol).toBe(TILE_GRID.cols - 1);
    expect(subject('RU-KAM').tileCol).toBe(TILE_GRID.cols - 1);
    for (const code of ['RU-CR', 'RU-SEV', 'RU-KDA']) {
      expect(subject(code).tileCol, code).toBeLessThan(TILE_GRID.cols / 2);
      expect(subject(code).tileRow, code).toBeGreaterThanOrEqual(TILE_GRID.rows - 3);
    }
    const westToEast = ['RU-KGD', 'RU-MOW', 'RU-TA', 'RU-SVE', 'RU-NVS', 'RU-IRK', 'RU-KHA'];
    const cols = westToEast.map((code) => subject(code).tileCol);
    expect(cols).toEqual([...cols].sort((a, b) => a - b));
    const northToSouth = ['RU-MUR', 'RU-KR', 'RU-LEN', 'RU-TVE', 'RU-MOW', 'RU-TUL', 'RU-VOR', 'RU-ROS', 'RU-KDA', 'RU-KC'];
    const rows = northToSouth.map((code) => subject(code).tileRow);
    expect(new Set(rows).size).toBe(rows.length);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it('includes the regions the articles are about', () => {
    for (const code of ['RU-ARK', 'RU-IRK', 'RU-KLU', 'RU-NGR', 'RU-SAM', 'RU-MOS', 'RU-KHM', 'RU-CE', 'RU-SA', 'RU-MOW']) {
      expect(FEDERAL_SUBJECTS.some((s) => s.code === code), code).toBe(true);
    }
  });

  it('gets a few known facts right', () => {
    expect(subject('RU-SPE')).toMatchObject({ federalDistrict: 'NWFD', kind: 'federal_city', nameRu: 'Санкт-Петербург' });
    expect(subject('RU-SA')).toMatchObject({ federalDistrict: 'FEFD', nameRu: 'Республика Саха (Якутия)', capitalEn: 'Yakutsk' });
    expect(subject('RU-KHM')).toMatchObject({ federalDistrict: 'UFD', kind: 'autonomous_okrug', capitalRu: 'Ханты-Мансийск' });
    expect(subject('RU-MOW')).toMatchObject({ federalDistrict: 'CFD', kind: 'federal_city', nameRu: 'Москва' });
    expect(subject('RU-MOS')).toMatchObject({ nameRu: 'Московская область', capitalRu: 'Красногорск', capitalEn: 'Krasnogorsk' });
    expect(subject('RU-CE')).toMatchObject({ federalDistrict: 'NCFD', nameEn: 'Chechen Republic', capitalRu: 'Грозный' });
    expect(subject('RU-YEV').kind).toBe('autonomous_oblast');
    for (const code of ['RU-CR', 'RU-SEV', 'RU-DPR', 'RU-LPR', 'RU-ZAP', 'RU-KHE']) {
      expect(subject(code).federalDistrict, code).toBe('SFD');
    }
    for (const code of ['RU-BU', 'RU-ZAB']) expect(subject(code).federalDistrict, code).toBe('FEFD');
  });
});
