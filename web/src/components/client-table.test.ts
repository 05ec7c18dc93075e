import { describe, expect, it } from 'vitest';
import { selectClientRows } from './client-table.ts';

type Row = { name: string; pct: number | null };
const rows: Row[] = [
  { name: 'Ёлкин', pct: 90 },
  { name: 'Абрамов', pct: 59.5 },
  { name: 'Яковлев', pct: null },
  { name: 'Елисеев', pct: 100 },
];
const rules = { searchText: (r: Row) => r.name, sortKeys: { name: (r: Row) => r.name, pct: (r: Row) => r.pct } };

describe('selectClientRows', () => {
  it('sorts Russian names alphabetically and numbers numerically, empty values last', () => {
    const byName = selectClientRows(rows, rules, { needle: undefined, sort: { field: 'name', dir: 'asc' }, page: 1, pageSize: 10 }, 'ru');
    expect(byName.rows.map((r) => r.name)).toEqual(['Абрамов', 'Елисеев', 'Ёлкин', 'Яковлев']);
    const byPct = selectClientRows(rows, rules, { needle: undefined, sort: { field: 'pct', dir: 'desc' }, page: 1, pageSize: 10 }, 'ru');
    expect(byPct.rows.map((r) => r.pct)).toEqual([100, 90, 59.5, null]);
  });

  it('searches case-insensitively and counts only the matching rows', () => {
    const found = selectClientRows(rows, rules, { needle: ' ЯКОВ ', sort: { field: 'name', dir: 'asc' }, page: 1, pageSize: 10 }, 'ru');
    expect(found.rows.map((r) => r.name)).toEqual(['Яковлев']);
    expect(found.total).toBe(1);
  });

  it('cuts pages and shows the last page when asked for one past the end', () => {
    const second = selectClientRows(rows, rules, { needle: undefined, sort: { field: 'name', dir: 'asc' }, page: 2, pageSize: 3 }, 'ru');
    expect(second.rows.map((r) => r.name)).toEqual(['Яковлев']);
    const past = selectClientRows(rows, rules, { needle: undefined, sort: { field: 'name', dir: 'asc' }, page: 9, pageSize: 3 }, 'ru');
    expect(past.page).toBe(2);
    expect(past.matching).toHaveLength(4);
  });

  it('keeps the order it was given for a field it cannot sort by', () => {
    const kept = selectClientRows(rows, rules, { needle: undefined, sort: { field: 'unknown', dir: 'asc' }, page: 1, pageSize: 10 }, 'ru');
    expect(kept.rows).toEqual(rows);
  });
});
