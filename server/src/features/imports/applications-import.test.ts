import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { and, eq } from 'drizzle-orm';
import { admissionApplications, auditLog, people } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildCampaign } from '../../../test/admissions.ts';
import { buildPerson, buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { seedImportReference, upload, waitForJob } from '../../../test/imports.ts';

let t: TestApp;
let staff: TestAgent;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;

const HEADER = 'Фамилия;Имя;E-mail;Регион;Дата рождения;Образование;Стаж на руководящих должностях;Вид службы;Стаж службы;Балл за тест;Статус';

/** An applications CSV (';', UTF-8) from rows of cells in HEADER's order. */
function applicationsCsv(rows: string[][]): Buffer {
  return Buffer.from(`${[HEADER, ...rows.map((r) => r.join(';'))].join('\r\n')}\r\n`, 'utf8');
}

const GOOD = ['Орлова', 'Анна', 'orlova@example.ru', 'Пермский край', '12.03.1985', 'магистр', '5', 'муниципальная', '7', '81,5', ''];
const NOT_ELIGIBLE = ['Зайцев', 'Олег', 'zaitsev@example.ru', 'RU-KLU', '1975-07-30', 'среднее', '1', '', '', '', 'резерв'];
const BAD = ['Быков', 'Илья', 'bykov@example.ru', 'RU-MOW', '1980-01-01', 'кандидат', '-2', 'военная', '3', '130', 'черновик'];

beforeAll(async () => {
  t = await buildTestApp();
  await seedImportReference(t.db);
  tree = await buildProgrammeTree(t.db);
  const user = await buildUser(t.db, { grants: [{ role: 'staff', programmeId: tree.programme.id }] });
  staff = await signIn(t.app, user.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

async function commit(uploadId: string, body: Record<string, unknown> = {}) {
  const response = await staff.request({ method: 'POST', url: `/api/imports/${uploadId}/commit`, payload: body });
  return response;
}

const applicationsOf = (campaignId: string) =>
  t.db
    .select({ email: people.email, status: admissionApplications.status, isEligible: admissionApplications.isEligible, testScore: admissionApplications.testScore, education: admissionApplications.education, submittedAt: admissionApplications.submittedAt, decision: admissionApplications.decision })
    .from(admissionApplications)
    .innerJoin(people, eq(people.id, admissionApplications.personId))
    .where(eq(admissionApplications.campaignId, campaignId))
    .orderBy(people.email);

describe('applications import', () => {
  it('dry-runs a file with row-level errors, refuses it whole, and imports the good rows when asked to skip bad ones', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const url = `/api/admissions/campaigns/${campaign.id}/imports`;
    const checked = await upload(staff, url, 'applications.csv', applicationsCsv([GOOD, NOT_ELIGIBLE, BAD]));
    expect(checked.statusCode).toBe(201);
    const body = checked.json();
    expect(body).toMatchObject({ kind: 'applications', status: 'checked', rowCount: 3, badRowCount: 1, hasFileErrors: false });
    expect(body.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
      [4, 'education', 'field.one_of'],
      [4, 'management_years', 'field.too_small'],
      [4, 'service_kind', 'field.one_of'],
      [4, 'test_score', 'field.too_big'],
      [4, 'status', 'field.one_of'],
    ]);
    expect(body.errors[3].message).toBe('Значение больше допустимого (100)');
    expect(await applicationsOf(campaign.id)).toHaveLength(0);

    const refused = await commit(body.uploadId);
    expect(refused.statusCode).toBe(422);
    expect(await applicationsOf(campaign.id)).toHaveLength(0);

    const accepted = await commit(body.uploadId, { skipBadRows: true });
    expect(accepted.statusCode).toBe(202);
    const job = await waitForJob(staff, accepted.json().jobId);
    expect(job).toMatchObject({ status: 'succeeded', result: { created: 2, updated: 0, skipped: 1, peopleCreated: 2 } });
    expect(job.done).toBe(job.total);
    const imported = await applicationsOf(campaign.id);
    expect(imported.map((a) => [a.email, a.status, a.isEligible, a.testScore, a.education, a.decision])).toEqual([
      ['orlova@example.ru', 'submitted', true, 81.5, 'master', null],
      ['zaitsev@example.ru', 'reserve', false, null, 'secondary', 'reserve'],
    ]);
    expect(imported.every((a) => a.submittedAt !== null)).toBe(true);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'import.applications'), eq(auditLog.entityId, campaign.id)));
    expect(entry!.details).toMatchObject({ uploadId: body.uploadId, created: 2, skipped: 1 });
  });

  it('finds applicants among people by e-mail, creates no duplicates on a second run, and updates what changed', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const url = `/api/admissions/campaigns/${campaign.id}/imports`;
    const known = await buildPerson(t.db, { email: 'known.applicant@example.ru', regionCode: 'RU-PER' });
    const row = ['Известная', 'Ольга', 'Known.Applicant@example.ru', 'RU-PER', '1979-02-02', 'bachelor', '3', 'state', '4', '70', ''];
    const run = async (file: Buffer) => {
      const { uploadId } = (await upload(staff, url, 'a.csv', file)).json();
      return waitForJob(staff, (await commit(uploadId)).json().jobId);
    };
    expect((await run(applicationsCsv([row]))).result).toMatchObject({ created: 1, updated: 0, peopleCreated: 0 });
    expect((await run(applicationsCsv([row]))).result).toMatchObject({ created: 0, updated: 0, peopleCreated: 0, peopleUpdated: 0 });
    const changed = [...row.slice(0, 9), '75', 'nominated'];
    expect((await run(applicationsCsv([changed]))).result).toMatchObject({ created: 0, updated: 1 });
    const rows = await t.db.select().from(admissionApplications).where(eq(admissionApplications.campaignId, campaign.id));
    expect(rows.map((a) => [a.personId, a.testScore, a.status, a.nominatedAt === null])).toEqual([[known.id, 75, 'nominated', false]]);
  });

  it('reads a Windows-1251 file and refuses formulas, NUL bytes and a broken quote with translated errors', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const url = `/api/admissions/campaigns/${campaign.id}/imports`;
    const win = iconv.encode(applicationsCsv([GOOD]).toString('utf8'), 'win1251');
    expect((await upload(staff, url, 'win.csv', win)).json()).toMatchObject({ rowCount: 1, errorCount: 0, sample: [{ Фамилия: 'Орлова' }] });
    const hostile = applicationsCsv([
      ['=HYPERLINK("http://evil.example")', 'Анна', 'a1@example.ru', 'RU-PER', '', '', '', '', '', '', ''],
      ['Петров', 'Пётр\u0000', 'a2@example.ru', 'RU-PER', '', '', '', '', '', '', ''],
    ]);
    const hostileCheck = (await upload(staff, url, 'hostile.csv', hostile, { 'accept-language': 'en' })).json();
    expect(hostileCheck.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [2, 'field.formula'],
      [3, 'field.control_chars'],
    ]);
    const broken = Buffer.from(`${HEADER}\r\n"Орлова;Анна;x@example.ru;RU-PER\r\n`, 'utf8');
    const response = await upload(staff, url, 'broken.csv', broken);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'file_unreadable', errors: [{ path: 'file' }] });
  });

  it('answers 403 to non-staff, 404 to foreign staff and for an unknown campaign, and 400 for a malformed id', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const url = `/api/admissions/campaigns/${campaign.id}/imports`;
    const file = applicationsCsv([GOOD]);
    const participant = await buildUser(t.db, { grants: [{ role: 'participant', streamId: tree.streams[0]!.id }] });
    const asParticipant = await signIn(t.app, participant.email, TEST_PASSWORD);
    expect((await upload(asParticipant, url, 'a.csv', file)).statusCode).toBe(403);
    const other = await buildProgrammeTree(t.db);
    const foreign = await buildUser(t.db, { grants: [{ role: 'staff', organisationId: other.organisation.id }] });
    const asForeign = await signIn(t.app, foreign.email, TEST_PASSWORD);
    expect((await upload(asForeign, url, 'a.csv', file)).statusCode).toBe(404);
    const unknown = await upload(staff, '/api/admissions/campaigns/00000000-0000-4000-8000-000000000000/imports', 'a.csv', file);
    expect(unknown.statusCode).toBe(404);
    const mine = (await upload(staff, url, 'a.csv', file)).json();
    expect((await asForeign.request({ method: 'GET', url: `/api/imports/${mine.uploadId}` })).statusCode).toBe(404);
    expect((await asParticipant.request({ method: 'POST', url: `/api/imports/${mine.uploadId}/commit`, payload: {} })).statusCode).toBe(403);
    expect((await upload(staff, '/api/admissions/campaigns/not-a-uuid/imports', 'a.csv', file)).statusCode).toBe(400);
  });
});
