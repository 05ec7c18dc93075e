import { describe, expect, it } from 'vitest';
import type { CheckOutcome } from './imports.check.ts';
import { createCheckedRowsCache } from './imports.checked-cache.ts';

const outcome = (rowCount: number) =>
  ({
    kind: 'people',
    table: { columns: ['E-mail'], rows: [{ rowNumber: 2, cells: ['a@example.ru'] }] },
    checked: { columns: ['E-mail'], mapping: {}, rowCount, problems: [], goodRows: [], badRowCount: 0, hasFileErrors: false },
  }) as unknown as CheckOutcome;

describe('checked rows kept for the import job', () => {
  it('gives the rows back once, for the same mapping (in any key order) and day, without the raw cells', () => {
    const cache = createCheckedRowsCache({});
    cache.remember('u1', { Фамилия: 'last_name', 'E-mail': 'email', Лишний: null }, '2026-01-01', outcome(10));
    const kept = cache.take('u1', { 'E-mail': 'email', Фамилия: 'last_name' }, '2026-01-01');
    expect(kept?.checked.rowCount).toBe(10);
    expect(kept?.table.rows).toEqual([]);
    expect(cache.take('u1', { 'E-mail': 'email', Фамилия: 'last_name' }, '2026-01-01')).toBeUndefined();
  });

  it('gives nothing for another mapping, another day, another database, or after ten minutes', () => {
    let now = 0;
    const db = {};
    const cache = createCheckedRowsCache(db, () => now);
    cache.remember('u1', { a: 'email' }, '2026-01-01', outcome(1));
    expect(createCheckedRowsCache({}, () => now).take('u1', { a: 'email' }, '2026-01-01')).toBeUndefined();
    expect(cache.take('u1', { b: 'email' }, '2026-01-01')).toBeUndefined();
    cache.remember('u2', { a: 'email' }, '2026-01-01', outcome(1));
    expect(cache.take('u2', { a: 'email' }, '2026-01-02')).toBeUndefined();
    cache.remember('u3', { a: 'email' }, '2026-01-01', outcome(1));
    now = 10 * 60_000;
    expect(createCheckedRowsCache(db, () => now).take('u3', { a: 'email' }, '2026-01-01')).toBeUndefined();
  });

  it('drops the oldest entries when more than 300,000 rows are kept', () => {
    const cache = createCheckedRowsCache({});
    cache.remember('old', null, '2026-01-01', outcome(200_000));
    cache.remember('new', null, '2026-01-01', outcome(200_000));
    expect(cache.take('old', null, '2026-01-01')).toBeUndefined();
    expect(cache.take('new', null, '2026-01-01')).toBeDefined();
  });
});
