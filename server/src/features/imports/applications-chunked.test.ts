import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like, sql } from 'drizzle-orm';
import { admissionApplications, municipalities, people } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildCampaign } from '../../../test/admissions.ts';
import { buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { seedImportReference, upload, waitForJob } from '../../../test/imports.ts';
import { CHUNK_ROWS } from './imports.check.ts';

// Files of more than two chunks: what happens in a later chunk must undo or spare the earlier ones.
const ROWS = 2 * CHUNK_ROWS + 2_000;
const HEADER = 'Фамилия;Имя;E-mail;Регион;Муниципалитет;Дата рождения;Образование;Стаж на руководящих должностях;Вид службы;Стаж службы;Балл за тест';

let t: TestApp;
let staff: TestAgent;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;

beforeAll(async () => {
  t = await buildTestApp();
  await seedImportReference(t.db);
  tree = await buildProgrammeTree(t.db);
  const user = await buildUser(t.db, { grants: [{ role: 'staff', programmeId: tree.programme.id }] });
  staff = await signIn(t.app, user.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

/** An applications CSV of ROWS applicants at `domain`; `special` may replace the cells of some rows (1-based). */
function bigCsv(domain: string, special: Record<number, (cells: string[]) => string[]> = {}): Buffer {
  const lines = [HEADER];
  for (let i = 1; i <= ROWS; i++) {
    const cells = [`Фамилия${i}`, 'Имя', `a${i}@${domain}`, 'RU-PER', '', '1980-05-05', 'master', '5', 'municipal', '7', String(i % 100)];
    lines.push((special[i]?.(cells) ?? cells).join(';'));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

const countOf = async (campaignId: string, domain: string) => {
  const [applications] = await t.db
    .select({ count: sql<number>`count(*)::int` })
    .from(admissionApplications)
    .where(eq(admissionApplications.campaignId, campaignId));
  const [applicants] = await t.db.select({ count: sql<number>`count(*)::int` }).from(people).where(like(people.email, `%@${domain}`));
  return { applications: applications!.count, people: applicants!.count };
};

async function uploadFile(campaignId: string, file: Buffer) {
  const response = await upload(staff, `/api/admissions/campaigns/${campaignId}/imports`, 'applications.csv', file);
  expect(response.statusCode).toBe(201);
  return response.json() as { uploadId: string; rowCount: number; errorCount: number; badRowCount: number; errors: Array<{ row: number; field: string; code: string }> };
}

const commit = (uploadId: string, body: Record<string, unknown> = {}) =>
  staff.request({ method: 'POST', url: `/api/imports/${uploadId}/commit`, payload: body });

const runJob = async (uploadId: string, body: Record<string, unknown> = {}, states?: string[]) => {
  const response = await commit(uploadId, body);
  expect(response.statusCode).toBe(202);
  return waitForJob(staff, response.json().jobId, states, 60_000);
};

describe('applications import of a file larger than one chunk', () => {
  it('names a bad row of a later chunk in the dry run, imports nothing without skipBadRows, and the rest with it', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const badRow = ROWS - 10;
    const checked = await uploadFile(campaign.id, bigCsv('dry.example', { [badRow]: (c) => [c[0]!, c[1]!, 'not-an-email', ...c.slice(3)] }));
    expect(checked).toMatchObject({ rowCount: ROWS, errorCount: 1, badRowCount: 1 });
    // Row numbers as the spreadsheet shows them: the header is row 1.
    expect(checked.errors.map((e) => [e.row, e.field, e.code])).toEqual([[badRow + 1, 'email', 'field.invalid_email']]);
    expect((await commit(checked.uploadId)).statusCode).toBe(422);
    expect(await countOf(campaign.id, 'dry.example')).toEqual({ applications: 0, people: 0 });

    const job = await runJob(checked.uploadId, { skipBadRows: true });
    expect(job).toMatchObject({ status: 'succeeded', result: { created: ROWS - 1, skipped: 1, peopleCreated: ROWS - 1 } });
    expect(job.done).toBe(job.total);
    expect(await countOf(campaign.id, 'dry.example')).toEqual({ applications: ROWS - 1, people: ROWS - 1 });
  }, 60_000);

  it('refuses in the job, writing nothing, a row of a later chunk that went bad after the dry run; skipping it imports the rest, and again adds nothing', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const [town] = await t.db.insert(municipalities).values({ regionCode: 'RU-KLU', name: 'Малоярославец', kind: 'urban_okrug' }).returning();
    const lateRow = ROWS - 100;
    const file = bigCsv('job.example', { [lateRow]: (c) => [...c.slice(0, 3), 'RU-KLU', 'малоярославец', ...c.slice(5)] });
    const checked = await uploadFile(campaign.id, file);
    expect(checked).toMatchObject({ rowCount: ROWS, errorCount: 0 });
    // The town is gone by the time the job re-checks the file: its row now fails, two chunks after the first was staged.
    await t.db.delete(municipalities).where(eq(municipalities.id, town!.id));

    const refused = await runJob(checked.uploadId, {}, ['failed', 'succeeded']);
    expect(refused).toMatchObject({ status: 'failed', error: 'import_invalid' });
    expect(await countOf(campaign.id, 'job.example')).toEqual({ applications: 0, people: 0 });
    const report = (await staff.request({ method: 'GET', url: `/api/imports/${checked.uploadId}/report` })).json();
    expect(report).toMatchObject({ status: 'checked', rowCount: ROWS, errorCount: 1, badRowCount: 1 });
    expect(report.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
      [lateRow + 1, 'municipality', 'field.unknown_municipality'],
    ]);

    const skipped = await runJob(checked.uploadId, { skipBadRows: true });
    expect(skipped).toMatchObject({ status: 'succeeded', result: { created: ROWS - 1, updated: 0, skipped: 1 } });
    expect(await countOf(campaign.id, 'job.example')).toEqual({ applications: ROWS - 1, people: ROWS - 1 });

    const again = await runJob((await uploadFile(campaign.id, file)).uploadId, { skipBadRows: true });
    expect(again).toMatchObject({ status: 'succeeded', result: { created: 0, updated: 0, skipped: 1, peopleCreated: 0, peopleUpdated: 0 } });
    expect(await countOf(campaign.id, 'job.example')).toEqual({ applications: ROWS - 1, people: ROWS - 1 });
  }, 60_000);

  it('rolls back everything when the database fails late in the job, and the retry ends with exactly the file rows', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id);
    // The application of a row in the last chunk fails once, after every chunk was staged and the applicants upserted.
    await t.db.execute(sql.raw(`
      create sequence chunked_crash_seq;
      create function chunked_crash() returns trigger language plpgsql as $$
      begin
        if new.person_id = (select id from people where email = 'a${ROWS - 1}@crash.example') and nextval('chunked_crash_seq') = 1 then
          raise exception 'simulated crash';
        end if;
        return new;
      end $$;
      create trigger chunked_crash before insert on admission_applications for each row execute function chunked_crash();`));
    try {
      const checked = await uploadFile(campaign.id, bigCsv('crash.example'));
      const response = await commit(checked.uploadId);
      const jobId = response.json().jobId as string;
      expect(await waitForJob(staff, jobId, ['failed', 'succeeded'], 60_000)).toMatchObject({ status: 'failed', error: 'import_failed' });
      expect(await countOf(campaign.id, 'crash.example')).toEqual({ applications: 0, people: 0 });
      // pg-boss retries the run; the handler reads and checks the file again and now goes through.
      const retried = await waitForJob(staff, jobId, ['succeeded'], 60_000);
      expect(retried.result).toMatchObject({ created: ROWS, updated: 0, skipped: 0 });
      expect(await countOf(campaign.id, 'crash.example')).toEqual({ applications: ROWS, people: ROWS });
    } finally {
      await t.db.execute(sql.raw('drop trigger chunked_crash on admission_applications; drop function chunked_crash(); drop sequence chunked_crash_seq;'));
    }
  }, 90_000);
});
