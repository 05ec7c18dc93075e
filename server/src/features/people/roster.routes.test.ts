import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { auditLog, municipalities, people as peopleTable } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildPerson, buildProgrammeTree, buildUser, enrol, TEST_PASSWORD } from '../../../test/factories.ts';
import { ensureReferenceData } from '../reference/reference.repo.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let foreign: Awaited<ReturnType<typeof buildProgrammeTree>>;
let staff: TestAgent;
let streamId: string;
const people: Record<string, string> = {};

type Grants = NonNullable<NonNullable<Parameters<typeof buildUser>[1]>['grants']>;
type RosterBody = { items: Array<Record<string, unknown> & { lastName: string }>; total: number; page: number; pageSize: number };

async function agentWith(grants: Grants, personId?: string) {
  const user = await buildUser(t.db, { grants, personId });
  return signIn(t.app, user.email, TEST_PASSWORD);
}

const roster = async (agent: TestAgent, query = '', id = streamId) => agent.request({ method: 'GET', url: `/api/streams/${id}/roster${query}` });
const lastNames = async (agent: TestAgent, query = '') => ((await roster(agent, query)).json() as RosterBody).items.map((i) => i.lastName);

beforeAll(async () => {
  t = await buildTestApp();
  await ensureReferenceData(t.db);
  tree = await buildProgrammeTree(t.db);
  foreign = await buildProgrammeTree(t.db);
  streamId = tree.streams[0]!.id; // starts 2024-10-08
  const [perm] = await t.db.insert(municipalities).values({ regionCode: 'RU-PER', name: 'Пермский городской округ', kind: 'urban_okrug' }).returning();
  const at = (day: number) => new Date(Date.UTC(2024, 9, day));
  const rows = [
    { key: 'abramov', lastName: 'Абрамов', firstName: 'Алексей', birthDate: '1990-10-08', regionCode: 'RU-PER', municipalityId: perm!.id, position: 'Глава города', phone: '+7 342 000-00-01', day: 3 },
    { key: 'borisova', lastName: 'Борисова', firstName: 'Анна', birthDate: '1964-10-09', regionCode: 'RU-ARK', position: '=HYPERLINK("http://evil.test")', day: 1 },
    { key: 'yolkin', lastName: 'Ёлкин', firstName: 'Егор', birthDate: '1998-01-01', regionCode: 'RU-MOW', position: 'Заместитель главы; финансы', day: 2 },
    { key: 'evdokimov', lastName: 'Евдокимов', firstName: 'Иван', birthDate: '1980-05-05', regionCode: 'RU-IRK', position: 'Глава района', day: 4 },
    { key: 'zhukov', lastName: 'Жуков', firstName: 'Пётр', birthDate: '1975-02-02', regionCode: 'RU-PER', position: 'Глава округа', day: 5, status: 'withdrawn' },
  ];
  for (const { key, day, status, ...values } of rows) {
    const person = await buildPerson(t.db, { ...values, email: `${key}@example.test` });
    await enrol(t.db, person.id, streamId, { enrolledAt: at(day), ...(status ? { status } : {}) });
    people[key] = person.id;
  }
  const other = await buildPerson(t.db, { lastName: 'Другой', regionCode: 'RU-PER' });
  await enrol(t.db, other.id, tree.streams[1]!.id);
  staff = await agentWith([{ role: 'staff', programmeId: tree.programme.id }]);
});
afterAll(async () => t?.close());

describe('roster for staff', () => {
  it('lists every participant in Russian alphabetical order with their details and total', async () => {
    const response = await roster(staff);
    expect(response.statusCode).toBe(200);
    const body = response.json() as RosterBody;
    expect(body).toMatchObject({ total: 5, page: 1, pageSize: 50 });
    expect(body.items.map((i) => i.lastName)).toEqual(['Абрамов', 'Борисова', 'Евдокимов', 'Ёлкин', 'Жуков']);
    expect(body.items[0]).toMatchObject({
      personId: people.abramov,
      fullName: 'Абрамов Алексей Петровна',
      birthDate: '1990-10-08',
      age: 34,
      position: 'Глава города',
      municipalityName: 'Пермский городской округ',
      regionCode: 'RU-PER',
      regionNameRu: 'Пермский край',
      email: 'abramov@example.test',
      phone: '+7 342 000-00-01',
      status: 'enrolled',
      enrolledAt: '2024-10-03T00:00:00.000Z',
    });
    expect(body.items[1]).toMatchObject({ age: 59 });
  });

  it('records the read of personal data with the stream and the row count', async () => {
    await roster(staff, '?pageSize=2');
    // Roster reads are audited in batches, within a fraction of a second.
    await vi.waitFor(async () => {
      const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'person.read'), eq(auditLog.entityId, streamId)));
      expect(entries.at(-1)?.details).toMatchObject({ streamId, rowCount: 2, total: 5 });
    });
  });

  it('writes identical reads within one batch as one audit row that counts them', async () => {
    await Promise.all([roster(staff, '?pageSize=3'), roster(staff, '?pageSize=3'), roster(staff, '?pageSize=3')]);
    await vi.waitFor(async () => {
      const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'person.read'), eq(auditLog.entityId, streamId)));
      const pageOfThree = entries.filter((e) => (e.details as { rowCount?: number }).rowCount === 3);
      expect(pageOfThree).toHaveLength(1);
      expect(pageOfThree[0]!.details).toMatchObject({ rowCount: 3, times: 3 });
    });
  });

  it('pages, and still reports the total past the last page', async () => {
    const second = (await roster(staff, '?pageSize=2&page=2')).json() as RosterBody;
    expect(second.items.map((i) => i.lastName)).toEqual(['Евдокимов', 'Ёлкин']);
    expect(second.total).toBe(5);
    expect((await roster(staff, '?pageSize=2&page=9')).json()).toMatchObject({ items: [], total: 5, page: 9 });
  });

  it('searches names, position, municipality and e-mail', async () => {
    expect(await lastNames(staff, `?q=${encodeURIComponent('ГЛАВ')}`)).toEqual(['Абрамов', 'Евдокимов', 'Ёлкин', 'Жуков']);
    expect(await lastNames(staff, `?q=${encodeURIComponent('пермский')}`)).toEqual(['Абрамов']);
    expect(await lastNames(staff, '?q=yolkin%40')).toEqual(['Ёлкин']);
    expect(await lastNames(staff, `?q=${encodeURIComponent('Борисова Анна')}`)).toEqual(['Борисова']);
    // % is searched for literally, not as a wildcard.
    expect(await lastNames(staff, '?q=%25')).toEqual([]);
  });

  it('filters by region, federal district, status and age at the stream start', async () => {
    expect(await lastNames(staff, '?region=RU-PER')).toEqual(['Абрамов', 'Жуков']);
    expect(await lastNames(staff, '?region=RU-PER,RU-ARK')).toEqual(['Абрамов', 'Борисова', 'Жуков']);
    expect(await lastNames(staff, '?federalDistrict=SibFD')).toEqual(['Евдокимов']);
    expect(await lastNames(staff, '?status=withdrawn')).toEqual(['Жуков']);
    expect(await lastNames(staff, '?ageMin=34&ageMax=34')).toEqual(['Абрамов']);
    expect(await lastNames(staff, '?ageMin=59')).toEqual(['Борисова']);
    expect(await lastNames(staff, '?ageMax=26')).toEqual(['Ёлкин']);
  });

  it('sorts by age, region and enrolment date in both directions', async () => {
    expect(await lastNames(staff, '?sort=age&order=desc')).toEqual(['Борисова', 'Жуков', 'Евдокимов', 'Абрамов', 'Ёлкин']);
    expect(await lastNames(staff, '?sort=age')).toEqual(['Ёлкин', 'Абрамов', 'Евдокимов', 'Жуков', 'Борисова']);
    expect(await lastNames(staff, '?sort=enrolledAt')).toEqual(['Борисова', 'Ёлкин', 'Абрамов', 'Евдокимов', 'Жуков']);
    expect(await lastNames(staff, '?sort=lastName&order=desc')).toEqual(['Жуков', 'Ёлкин', 'Евдокимов', 'Борисова', 'Абрамов']);
    // Архангельская, Иркутская, Москва, Пермский (×2, then by name).
    expect(await lastNames(staff, '?sort=region')).toEqual(['Борисова', 'Евдокимов', 'Ёлкин', 'Абрамов', 'Жуков']);
  });

  it('names the field of a bad query', async () => {
    const cases: Array<[string, string]> = [
      ['?pageSize=1000', 'querystring.pageSize'],
      ['?sort=salary', 'querystring.sort'],
      ['?region=moscow', 'querystring.region.0'],
      ['?ageMin=40&ageMax=30', 'querystring.ageMax'],
      ['?status=expelled', 'querystring.status'],
    ];
    for (const [query, path] of cases) {
      const response = await roster(staff, query);
      expect(response.statusCode, query).toBe(400);
      expect((response.json() as { errors: Array<{ path: string }> }).errors.map((e) => e.path), query).toContain(path);
    }
  });
});

describe('who may read a roster', () => {
  it('shows a regional coordinator only the rows of their region, within the programmes their grant covers', async () => {
    const coordinator = await agentWith([{ role: 'coordinator', programmeId: tree.programme.id, regionCode: 'RU-PER' }]);
    expect(await lastNames(coordinator)).toEqual(['Абрамов', 'Жуков']);
    // Asking for another region yields nothing rather than widening the view.
    expect(await lastNames(coordinator, '?region=RU-ARK')).toEqual([]);
    const elsewhere = await agentWith([{ role: 'coordinator', programmeId: foreign.programme.id, regionCode: 'RU-PER' }]);
    expect((await roster(elsewhere)).statusCode).toBe(404);
    const platformWide = await agentWith([{ role: 'coordinator', regionCode: 'RU-ARK' }]);
    expect(await lastNames(platformWide)).toEqual(['Борисова']);
  });

  it('refuses a participant of the stream with 403', async () => {
    const participant = await agentWith([{ role: 'participant', streamId }], people.abramov);
    const response = await roster(participant);
    expect(response.statusCode).toBe(403);
    expect((await participant.request({ method: 'GET', url: `/api/streams/${streamId}/roster/export` })).statusCode).toBe(403);
  });

  it('answers 404 for a foreign stream and an unknown one', async () => {
    expect((await roster(staff, '', foreign.streams[0]!.id)).statusCode).toBe(404);
    expect((await roster(staff, '', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('roster export', () => {
  it('exports CSV with a BOM, a translated header, ";" quoting and neutralised formulas', async () => {
    const response = await staff.request({ method: 'GET', url: `/api/streams/${streamId}/roster/export?format=csv&status=enrolled` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="roster-.+\.csv"$/);
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'ФИО;Дата рождения;Возраст на начало потока;Должность;Муниципальное образование;Код субъекта;Субъект РФ;Федеральный округ;E-mail;Телефон;Статус;Дата зачисления',
    );
    expect(lines).toHaveLength(5);
    const borisova = lines.find((line) => line.startsWith('Борисова'))!;
    expect(borisova).toContain(`;"'=HYPERLINK(""http://evil.test"")";`);
    expect(lines.find((line) => line.startsWith('Ёлкин'))).toContain(';"Заместитель главы; финансы";');
    expect(lines.find((line) => line.startsWith('Абрамов'))).toContain(";'+7 342 000-00-01;Обучается;2024-10-03");
  });

  it('exports XLSX that opens as a workbook with the filtered rows', async () => {
    const response = await staff.request({ method: 'GET', url: `/api/streams/${streamId}/roster/export?format=xlsx&region=RU-PER` });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(1).value).toBe('Абрамов Алексей Петровна');
    const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'person.read'), eq(auditLog.entityId, streamId)));
    expect(entries.at(-1)?.details).toMatchObject({ export: 'xlsx', rowCount: 2 });
  });

  it('writes formula-like text into XLSX as plain text, never as a formula', async () => {
    const response = await staff.request({ method: 'GET', url: `/api/streams/${streamId}/roster/export?format=xlsx&region=RU-ARK` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const cell = workbook.worksheets[0]!.getRow(2).getCell(4);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://evil.test")');
  });

  it('exports only a coordinator’s regions', async () => {
    const coordinator = await agentWith([{ role: 'coordinator', programmeId: tree.programme.id, regionCode: 'RU-ARK' }]);
    const response = await coordinator.request({ method: 'GET', url: `/api/streams/${streamId}/roster/export` });
    const lines = response.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual(['Борисова Анна Петровна']);
  });
});

describe('regions summary', () => {
  it('counts participants per region without the withdrawn', async () => {
    const response = await staff.request({ method: 'GET', url: `/api/streams/${streamId}/regions-summary` });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { items: Array<{ regionCode: string; count: number }>; total: number; regionCount: number };
    expect(body.total).toBe(4);
    expect(body.regionCount).toBe(4);
    expect(body.items).toEqual(
      expect.arrayContaining([
        { regionCode: 'RU-PER', count: 1 },
        { regionCode: 'RU-ARK', count: 1 },
      ]),
    );
  });

  it('is readable by the stream’s participants but not by outsiders', async () => {
    const participant = await agentWith([], people.yolkin);
    expect((await participant.request({ method: 'GET', url: `/api/streams/${streamId}/regions-summary` })).statusCode).toBe(200);
    expect((await participant.request({ method: 'GET', url: `/api/streams/${foreign.streams[0]!.id}/regions-summary` })).statusCode).toBe(404);
  });
});

describe('roster caching', () => {
  it('sends the page gzipped to a client that accepts gzip, with the same content', async () => {
    const plain = await roster(staff, '?pageSize=3');
    const zipped = await staff.request({ method: 'GET', url: `/api/streams/${streamId}/roster?pageSize=3`, headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('shows a change made by any connection on the very next request (the cache keys on the roster revision)', async () => {
    expect(await lastNames(staff)).toContain('Абрамов');
    await t.db.update(peopleTable).set({ lastName: 'Абрамова-Кэш' }).where(eq(peopleTable.id, people.abramov!));
    expect(await lastNames(staff)).toContain('Абрамова-Кэш');
    await t.db.update(peopleTable).set({ lastName: 'Абрамов' }).where(eq(peopleTable.id, people.abramov!));
    expect(await lastNames(staff)).toContain('Абрамов');
  });
});
