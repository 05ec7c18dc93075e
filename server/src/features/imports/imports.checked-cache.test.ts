import { describe, expect, it } from 'vitest';
import type { CheckSummary } from './imports.check.ts';
import { checkForDryRun, createCheckedRowsCache, type KeptRows } from './imports.checked-cache.ts';
import type { ImportsRepo } from './imports.repo.ts';
import type { PersonImportRow } from './parse/people-rows.ts';

const summary: CheckSummary = { columns: ['E-mail'], mapping: {}, rowCount: 0, problems: [], badRowCount: 0, hasFileErrors: false, sample: [] };
const kept = (rowCount: number): KeptRows => ({
  kind: 'people',
  rows: Array.from({ length: rowCount }, () => ({}) as PersonImportRow),
  summary: { ...summary, rowCount },
});

describe('checked rows kept for the import job', () => {
  it('gives the rows back once, for the same mapping (in any key order) and day', () => {
    const cache = createCheckedRowsCache({});
    cache.remember('u1', { Фамилия: 'last_name', 'E-mail': 'email', Лишний: null }, '2026-01-01', kept(10));
    expect(cache.take('u1', { 'E-mail': 'email', Фамилия: 'last_name' }, '2026-01-01')?.rows).toHaveLength(10);
    expect(cache.take('u1', { 'E-mail': 'email', Фамилия: 'last_name' }, '2026-01-01')).toBeUndefined();
  });

  it('gives nothing for another mapping, another day, another database, or after ten minutes', () => {
    let now = 0;
    const db = {};
    const cache = createCheckedRowsCache(db, () => now);
    cache.remember('u1', { a: 'email' }, '2026-01-01', kept(1));
    expect(createCheckedRowsCache({}, () => now).take('u1', { a: 'email' }, '2026-01-01')).toBeUndefined();
    expect(cache.take('u1', { b: 'email' }, '2026-01-01')).toBeUndefined();
    cache.remember('u2', { a: 'email' }, '2026-01-01', kept(1));
    expect(cache.take('u2', { a: 'email' }, '2026-01-02')).toBeUndefined();
    cache.remember('u3', { a: 'email' }, '2026-01-01', kept(1));
    now = 10 * 60_000;
    expect(createCheckedRowsCache(db, () => now).take('u3', { a: 'email' }, '2026-01-01')).toBeUndefined();
  });

  it('holds at most one largest people file: the oldest entries go past 50,000 rows', () => {
    const cache = createCheckedRowsCache({});
    cache.remember('old', null, '2026-01-01', kept(30_000));
    cache.remember('new', null, '2026-01-01', kept(30_000));
    expect(cache.take('old', null, '2026-01-01')).toBeUndefined();
    expect(cache.take('new', null, '2026-01-01')).toBeDefined();
  });

  it('keeps the rows of a people dry run, never those of an applications file', async () => {
    const repo = { findRegions: async () => [{ code: 'RU-PER', nameRu: 'Пермский край', nameEn: 'Perm Krai' }], findMunicipalities: async () => [] } as unknown as ImportsRepo;
    const file = Buffer.from('Фамилия;Имя;E-mail;Регион\nОрлова;Анна;a@example.ru;RU-PER\n', 'utf8');
    const people = await checkForDryRun(repo, { kind: 'people', content: file, mapping: null }, '2026-01-01');
    expect(people.kept).toMatchObject({ kind: 'people', rows: [{ email: 'a@example.ru', rowNumber: 2 }] });
    const applications = await checkForDryRun(repo, { kind: 'applications', content: file, mapping: null }, '2026-01-01');
    expect(applications).toMatchObject({ summary: { rowCount: 1, problems: [] } });
    expect(applications.kept).toBeUndefined();
  });
});
