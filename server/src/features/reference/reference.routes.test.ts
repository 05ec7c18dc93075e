import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditLog, municipalities, regions } from '../../db/schema/index.ts';
import { anonymousAgent, buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { ensureReferenceData } from './reference.repo.ts';

let t: TestApp;
let anonymous: TestAgent;
type Problem = { errors: Array<{ path: string; message: string }> };
type MunicipalityPage = { items: Array<{ name: string; regionCode: string }>; total: number };

beforeAll(async () => {
  t = await buildTestApp();
  await ensureReferenceData(t.db);
  anonymous = anonymousAgent(t.app);
  await t.db.insert(municipalities).values([
    { regionCode: 'RU-PER', name: 'Пермский городской округ', kind: 'urban_okrug', population: 1_034_002 },
    { regionCode: 'RU-PER', name: 'Кунгурский муниципальный округ', kind: 'municipal_okrug' },
    { regionCode: 'RU-ARK', name: 'Городской округ «Город Архангельск»', kind: 'urban_okrug' },
    { regionCode: 'RU-ARK', name: 'Поселение 100%_тест', kind: 'rural_settlement' },
  ]);
});
afterAll(async () => t?.close());

describe('reference data', () => {
  it('loads the districts and subjects idempotently', async () => {
    await ensureReferenceData(t.db);
    const [row] = await t.db.select({ value: count() }).from(regions);
    expect(row?.value).toBe(89);
  });

  it('answers all 89 federal subjects without sign-in, with district, capital, coordinates and tile', async () => {
    const response = await anonymous.request({ method: 'GET', url: '/api/regions' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('max-age');
    const { items } = response.json() as { items: Array<Record<string, unknown>> };
    expect(items).toHaveLength(89);
    expect(items.find((r) => r.code === 'RU-PER')).toEqual({
      code: 'RU-PER',
      nameRu: 'Пермский край',
      nameEn: 'Perm Krai',
      kind: 'krai',
      federalDistrict: 'VFD',
      capitalRu: 'Пермь',
      capitalEn: 'Perm',
      lat: 58.0105,
      lon: 56.2502,
      tileCol: 9,
      tileRow: 3,
    });
    // Alphabetical in Russian.
    expect(items[0]?.nameRu).toBe('Алтайский край');
  });

  it('answers the 8 federal districts without sign-in', async () => {
    const response = await anonymous.request({ method: 'GET', url: '/api/federal-districts' });
    expect(response.statusCode).toBe(200);
    expect((response.json() as { items: unknown[] }).items).toHaveLength(8);
  });
});

describe('municipalities', () => {
  it('searches by region and part of the name, case-insensitively', async () => {
    const perm = (await anonymous.request({ method: 'GET', url: '/api/municipalities?region=RU-PER' })).json() as MunicipalityPage;
    expect(perm.items.map((m) => m.name)).toEqual(['Кунгурский муниципальный округ', 'Пермский городской округ']);
    const search = await anonymous.request({ method: 'GET', url: `/api/municipalities?q=${encodeURIComponent('АРХАНГЕЛЬСК')}` });
    expect((search.json() as MunicipalityPage).items.map((m) => m.name)).toEqual(['Городской округ «Город Архангельск»']);
    // % and _ are matched literally.
    const literal = await anonymous.request({ method: 'GET', url: `/api/municipalities?q=${encodeURIComponent('0%_')}` });
    expect((literal.json() as MunicipalityPage).items.map((m) => m.name)).toEqual(['Поселение 100%_тест']);
    const paged = (await anonymous.request({ method: 'GET', url: '/api/municipalities?pageSize=1&page=2' })).json();
    expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 1 });
  });

  it('names the field of a bad query', async () => {
    const response = await anonymous.request({ method: 'GET', url: '/api/municipalities?region=perm&pageSize=0' });
    expect(response.statusCode).toBe(400);
    expect((response.json() as Problem).errors.map((e) => e.path)).toEqual(expect.arrayContaining(['querystring.region', 'querystring.pageSize']));
  });

  it('lets staff add a municipality and audits it', async () => {
    const user = await buildUser(t.db, { grants: [{ role: 'staff' }] });
    const staff = await signIn(t.app, user.email, TEST_PASSWORD);
    const response = await staff.request({
      method: 'POST',
      url: '/api/municipalities',
      payload: { regionCode: 'RU-PER', name: 'Чайковский городской округ', kind: 'urban_okrug', population: 80_000 },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ regionCode: 'RU-PER', name: 'Чайковский городской округ', population: 80_000, lat: null });
    const id = (response.json() as { id: string }).id;
    expect(await t.db.select().from(auditLog).where(eq(auditLog.entityId, id))).toHaveLength(1);

    const duplicate = await staff.request({ method: 'POST', url: '/api/municipalities', payload: { regionCode: 'RU-PER', name: 'Чайковский городской округ', kind: 'urban_okrug' } });
    expect(duplicate.statusCode).toBe(409);
    expect((duplicate.json() as Problem).errors[0]?.path).toBe('body.name');
    const unknownRegion = await staff.request({ method: 'POST', url: '/api/municipalities', payload: { regionCode: 'RU-ZZZ', name: 'Нигде', kind: 'urban_okrug' } });
    expect(unknownRegion.statusCode).toBe(400);
    expect((unknownRegion.json() as Problem).errors[0]?.path).toBe('body.regionCode');
    const invalid = await staff.request({ method: 'POST', url: '/api/municipalities', payload: { regionCode: 'RU-PER', name: 'Х', kind: 'village' } });
    expect(invalid.statusCode).toBe(400);
    expect((invalid.json() as Problem).errors.map((e) => e.path)).toEqual(expect.arrayContaining(['body.name', 'body.kind']));
  });

  it('refuses to add a municipality without sign-in (401) or without a staff role (403)', async () => {
    const payload = { regionCode: 'RU-PER', name: 'Лысьвенский городской округ', kind: 'urban_okrug' };
    expect((await anonymous.request({ method: 'POST', url: '/api/municipalities', payload })).statusCode).toBe(401);
    const user = await buildUser(t.db, { grants: [{ role: 'participant' }] });
    const participant = await signIn(t.app, user.email, TEST_PASSWORD);
    expect((await participant.request({ method: 'POST', url: '/api/municipalities', payload })).statusCode).toBe(403);
  });
});
