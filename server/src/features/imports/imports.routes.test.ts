import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { eq } from 'drizzle-orm';
import { auditLog, importUploads, people } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { peopleCsv, seedImportReference, upload } from '../../../test/imports.ts';

let t: TestApp;
let staff: TestAgent;
/** Staff whose saved language is English: a signed-in user's setting wins over Accept-Language. */
let staffEn: TestAgent;
let streamId: string;
let url: string;

const BAD_FILE = peopleCsv([
  ['Иванов', 'Иван', 'ivanov@example.ru', 'Пермский край', '03.05.1980'],
  ['Петров', 'Пётр', 'not-an-email', 'RU-MOW', '1981-02-31'],
  ['Сидоров', 'Сидор', 'IVANOV@example.ru', 'Нарния', ''],
]);

beforeAll(async () => {
  t = await buildTestApp();
  await seedImportReference(t.db);
  const tree = await buildProgrammeTree(t.db);
  streamId = tree.streams[0]!.id;
  url = `/api/streams/${streamId}/imports`;
  const user = await buildUser(t.db, { grants: [{ role: 'staff', organisationId: tree.organisation.id }] });
  staff = await signIn(t.app, user.email, TEST_PASSWORD);
  const english = await buildUser(t.db, { locale: 'en', grants: [{ role: 'staff', organisationId: tree.organisation.id }] });
  staffEn = await signIn(t.app, english.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

describe('dry run', () => {
  it('reports each bad row in Russian, naming row and field, and imports nothing', async () => {
    const response = await upload(staff, url, 'people.csv', iconv.encode(BAD_FILE.toString('utf8'), 'win1251'));
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ kind: 'people', status: 'checked', rowCount: 3, errorCount: 4, badRowCount: 2, hasFileErrors: false });
    expect(body.mapping).toEqual({ Фамилия: 'last_name', Имя: 'first_name', 'E-mail': 'email', Регион: 'region', 'Дата рождения': 'birth_date' });
    expect(body.errors).toEqual([
      { row: 3, field: 'email', column: 'E-mail', code: 'field.invalid_email', message: 'Некорректный e-mail' },
      { row: 3, field: 'birth_date', column: 'Дата рождения', code: 'field.invalid_date', message: 'Некорректная дата (ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)' },
      { row: 4, field: 'email', column: 'E-mail', code: 'field.duplicate_email', message: 'Этот e-mail уже встречается в строке 2' },
      { row: 4, field: 'region', column: 'Регион', code: 'field.unknown_region', message: 'Неизвестный субъект РФ' },
    ]);
    expect(body.sample[0]).toMatchObject({ Фамилия: 'Иванов', 'E-mail': 'ivanov@example.ru' });
    expect(await t.db.select().from(people)).toHaveLength(0);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'import.upload'));
    expect(audit.some((a) => a.entityId === body.uploadId)).toBe(true);
  });

  it('answers in English when the request asks for it, and the report follows the request language', async () => {
    const response = await upload(staffEn, url, 'people.csv', BAD_FILE, { 'accept-language': 'en' });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.errors.map((e: { message: string }) => e.message)).toEqual([
      'Invalid e-mail',
      'Invalid date (expected YYYY-MM-DD or DD.MM.YYYY)',
      'This e-mail already appears in row 2',
      'Unknown federal subject',
    ]);
    const ru = await staff.request({ method: 'GET', url: `/api/imports/${body.uploadId}/report` });
    expect(ru.json().errors[0].message).toBe('Некорректный e-mail');
    const csv = await staffEn.request({ method: 'GET', url: `/api/imports/${body.uploadId}/report?format=csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n').slice(0, 2)).toEqual(['\uFEFFRow;Column;Field;Error', '3;E-mail;E-mail;Invalid e-mail']);
  });

  it('reads an XLSX workbook and refuses formula cells as field errors', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Лист1');
    sheet.addRow(['Last name', 'First name', 'Email', 'Region', 'Date of birth']);
    sheet.addRow(['Smirnova', 'Anna', 'anna@example.ru', 'perm krai', new Date(Date.UTC(1979, 0, 2))]);
    sheet.addRow([{ formula: 'HYPERLINK("http://evil.example","x")', result: 'x' }, 'Oleg', 'oleg@example.ru', 'RU-KLU', '']);
    const response = await upload(staff, url, 'people.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ rowCount: 2, errorCount: 1, errors: [{ row: 3, field: 'last_name', code: 'field.formula' }] });
  });

  it('names a missing required column and lets an explicit mapping fix it', async () => {
    const file = Buffer.from('Фамилия;Имя;Адрес;Субъект\r\nИванов;Иван;ivan@example.ru;RU-PER\r\n', 'utf8');
    const first = (await upload(staff, url, 'people.csv', file)).json();
    expect(first).toMatchObject({ hasFileErrors: true, errors: [{ row: 1, field: 'email', code: 'field.missing_column', message: 'В файле нет обязательного столбца «E-mail»' }] });
    const refused = await staff.request({ method: 'POST', url: `/api/imports/${first.uploadId}/commit`, payload: { skipBadRows: true } });
    expect(refused.statusCode).toBe(422);
    const mapping = { Фамилия: 'last_name', Имя: 'first_name', Адрес: 'email', Субъект: 'region' };
    const remapped = await staff.request({ method: 'PUT', url: `/api/imports/${first.uploadId}/mapping`, payload: { mapping } });
    expect(remapped.statusCode).toBe(200);
    expect(remapped.json()).toMatchObject({ hasFileErrors: false, errorCount: 0, mapping });
    const wrong = await staffEn.request({ method: 'PUT', url: `/api/imports/${first.uploadId}/mapping`, payload: { mapping: { Нет: 'email' } } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: 'mapping.Нет', message: 'The file has no column "Нет"' }]);
  });
});

describe('bad input and access', () => {
  it('refuses an upload over 10 MB with 413 naming the file, translated, and stores nothing', async () => {
    // The multipart limit stops reading at 10 MB; a 50 MB file is refused by size in the unit tests.
    const big = Buffer.alloc(11 * 1024 * 1024, 0x41);
    const response = await upload(staffEn, url, 'big.csv', big);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', errors: [{ path: 'file', message: 'The file is larger than 10 MB' }] });
    expect(await t.db.select({ id: importUploads.id }).from(importUploads).where(eq(importUploads.fileName, 'big.csv'))).toHaveLength(0);
  });

  it('refuses a request without a file, and an unreadable workbook, with translated problems', async () => {
    const json = await staff.request({ method: 'POST', url, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().errors).toEqual([{ path: 'file', message: 'Приложите файл CSV или XLSX' }]);
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]);
    const response = await upload(staff, url, 'broken.xlsx', broken);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'file_unreadable', errors: [{ path: 'file' }] });
  });

  it('answers 403 to non-staff, 404 to staff of another organisation and for unknown streams', async () => {
    const participant = await buildUser(t.db, { grants: [{ role: 'participant', streamId }] });
    const asParticipant = await signIn(t.app, participant.email, TEST_PASSWORD);
    expect((await upload(asParticipant, url, 'p.csv', BAD_FILE)).statusCode).toBe(403);
    const other = await buildProgrammeTree(t.db);
    const foreignStaff = await buildUser(t.db, { grants: [{ role: 'staff', organisationId: other.organisation.id }] });
    const asForeign = await signIn(t.app, foreignStaff.email, TEST_PASSWORD);
    expect((await upload(asForeign, url, 'p.csv', BAD_FILE)).statusCode).toBe(404);
    expect((await upload(staff, '/api/streams/00000000-0000-4000-8000-000000000000/imports', 'p.csv', BAD_FILE)).statusCode).toBe(404);
    const mine = (await upload(staff, url, 'p.csv', BAD_FILE)).json();
    expect((await asForeign.request({ method: 'GET', url: `/api/imports/${mine.uploadId}/report` })).statusCode).toBe(404);
    expect((await asParticipant.request({ method: 'POST', url: `/api/imports/${mine.uploadId}/commit`, payload: {} })).statusCode).toBe(403);
  });

  it('refuses to commit a file with errors unless asked to skip bad rows, writing nothing', async () => {
    const { uploadId } = (await upload(staff, url, 'p.csv', BAD_FILE)).json();
    const response = await staff.request({ method: 'POST', url: `/api/imports/${uploadId}/commit`, payload: {} });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'import_invalid', title: 'Файл содержит ошибки: ничего не импортировано', errorCount: 4 });
    expect(await t.db.select().from(people)).toHaveLength(0);
  });
});
