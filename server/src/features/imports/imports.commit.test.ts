import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditLog, enrolments, importUploads, municipalities, outbox, people, roleGrants, users } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildPerson, buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { peopleCsv, seedImportReference, upload, waitForJob } from '../../../test/imports.ts';

let t: TestApp;
let staff: TestAgent;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;

beforeAll(async () => {
  t = await buildTestApp();
  await seedImportReference(t.db);
  tree = await buildProgrammeTree(t.db);
  const user = await buildUser(t.db, { grants: [{ role: 'staff', organisationId: tree.organisation.id }] });
  staff = await signIn(t.app, user.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

/** Uploads and commits a file into the stream, and waits for the job. */
async function importInto(streamId: string, file: Buffer, body: Record<string, unknown> = {}) {
  const uploaded = await upload(staff, `/api/streams/${streamId}/imports`, 'people.csv', file);
  expect(uploaded.statusCode).toBe(201);
  const { uploadId } = uploaded.json() as { uploadId: string };
  const commit = await staff.request({ method: 'POST', url: `/api/imports/${uploadId}/commit`, payload: body });
  expect(commit.statusCode).toBe(202);
  const { jobId } = commit.json() as { jobId: string };
  return { uploadId, jobId, job: await waitForJob(staff, jobId) };
}

const peopleWith = (emails: string[]) => t.db.select().from(people).where(inArray(people.email, emails));
const enrolmentsOf = (streamId: string, emails: string[]) =>
  t.db
    .select({ id: enrolments.id })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(and(eq(enrolments.streamId, streamId), inArray(people.email, emails)));

describe('commit', () => {
  it('imports the good rows when asked to skip bad ones, and reports counts in the job and the audit log', async () => {
    const stream = tree.streams[0]!.id;
    const file = peopleCsv([
      ['Орлова', 'Анна', 'orlova@example.ru', 'Пермский край', '12.03.1985'],
      ['Быков', 'Илья', 'bykov@example', 'RU-MOW', ''],
      ['Зайцев', 'Олег', 'zaitsev@example.ru', 'Калужская область', '1975-07-30'],
    ]);
    const { uploadId, job } = await importInto(stream, file, { skipBadRows: true });
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ created: 2, updated: 0, enrolled: 2, skipped: 1, usersCreated: 0, invited: 0 });
    expect(job.done).toBe(job.total);
    const imported = await peopleWith(['orlova@example.ru', 'zaitsev@example.ru', 'bykov@example']);
    expect(imported.map((p) => [p.email, p.lastName, p.birthDate, p.regionCode]).sort()).toEqual([
      ['orlova@example.ru', 'Орлова', '1985-03-12', 'RU-PER'],
      ['zaitsev@example.ru', 'Зайцев', '1975-07-30', 'RU-KLU'],
    ]);
    expect(await enrolmentsOf(stream, ['orlova@example.ru', 'zaitsev@example.ru'])).toHaveLength(2);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'import.people'));
    expect(entry!.details).toMatchObject({ uploadId, created: 2, updated: 0, enrolled: 2, skipped: 1 });
    const check = await staff.request({ method: 'GET', url: `/api/imports/${uploadId}` });
    expect(check.json()).toMatchObject({ status: 'imported', summary: { created: 2, enrolled: 2, skipped: 1 } });
  });

  it('imports the same file twice without duplicates, updating what changed', async () => {
    const stream = tree.streams[1]!.id;
    const emails = ['belova@example.ru', 'GROMOV@example.ru'];
    const rows = [
      ['Белова', 'Вера', emails[0]!, 'RU-PER', ''],
      ['Громов', 'Гордей', emails[1]!, 'RU-MOW', ''],
    ];
    const first = await importInto(stream, peopleCsv(rows));
    expect(first.job.result).toMatchObject({ created: 2, updated: 0, enrolled: 2 });
    const second = await importInto(stream, peopleCsv(rows));
    expect(second.job.result).toMatchObject({ created: 0, updated: 0, enrolled: 0 });
    const third = await importInto(stream, peopleCsv([['Белова-Смирнова', 'Вера', emails[0]!, 'RU-PER', '']]));
    expect(third.job.result).toMatchObject({ created: 0, updated: 1, enrolled: 0 });
    const stored = await peopleWith(['belova@example.ru', 'gromov@example.ru']);
    expect(stored).toHaveLength(2);
    expect(stored.find((p) => p.email === 'belova@example.ru')!.lastName).toBe('Белова-Смирнова');
    expect(await enrolmentsOf(stream, ['belova@example.ru', 'gromov@example.ru'])).toHaveLength(2);
  });

  it('with invite=true creates participant accounts for people without one and mails them invitations', async () => {
    const stream = tree.streams[0]!;
    const known = await buildPerson(t.db, { email: 'known@example.ru' });
    await buildUser(t.db, { email: 'known@example.ru', personId: known.id });
    const file = peopleCsv([
      ['Новикова', 'Нина', 'novikova@example.ru', 'RU-PER', ''],
      ['Известный', 'Кирилл', 'known@example.ru', 'RU-PER', ''],
    ]);
    const { job } = await importInto(stream.id, file, { invite: true });
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ created: 1, updated: 1, enrolled: 2, usersCreated: 1, invited: 1 });
    const [account] = await t.db.select().from(users).where(eq(users.email, 'novikova@example.ru'));
    expect(account).toMatchObject({ displayName: 'Нина Новикова', passwordHash: null });
    const grants = await t.db.select().from(roleGrants).where(and(eq(roleGrants.role, 'participant'), eq(roleGrants.streamId, stream.id)));
    expect(grants.map((g) => g.userId)).toContain(account!.id);
    expect(grants.find((g) => g.userId === account!.id)).toMatchObject({ organisationId: tree.organisation.id, programmeId: tree.programme.id });
    const mail = await t.db.select().from(outbox).where(eq(outbox.kind, 'invitation'));
    expect(mail.map((m) => m.toAddress)).toEqual(['novikova@example.ru']);
    expect(mail[0]!.textBody).toContain('/accept-invitation?token=');
    const again = await importInto(stream.id, file, { invite: true });
    expect(again.job.result).toMatchObject({ usersCreated: 0, invited: 0 });
    expect(await t.db.select().from(outbox).where(eq(outbox.kind, 'invitation'))).toHaveLength(1);
  });

  it('re-checks the file in the job and refuses it, writing nothing, when the reference data changed since the dry run', async () => {
    const [town] = await t.db
      .insert(municipalities)
      .values({ regionCode: 'RU-KLU', name: 'Обнинск', kind: 'urban_okrug' })
      .returning();
    const file = Buffer.from('Фамилия;Имя;E-mail;Регион;Муниципалитет\r\nЛебедев;Лев;lebedev@example.ru;RU-KLU;обнинск\r\n', 'utf8');
    const uploaded = (await upload(staff, `/api/streams/${tree.streams[0]!.id}/imports`, 'p.csv', file)).json() as { uploadId: string; errorCount: number };
    expect(uploaded.errorCount).toBe(0);
    await t.db.delete(municipalities).where(eq(municipalities.id, town!.id));
    const { jobId } = (await staff.request({ method: 'POST', url: `/api/imports/${uploaded.uploadId}/commit`, payload: {} })).json() as { jobId: string };
    expect(await waitForJob(staff, jobId, ['failed', 'succeeded'])).toMatchObject({ status: 'failed', error: 'import_invalid' });
    expect(await peopleWith(['lebedev@example.ru'])).toHaveLength(0);
    const report = await staff.request({ method: 'GET', url: `/api/imports/${uploaded.uploadId}/report` });
    expect(report.json().errors).toEqual([
      { row: 2, field: 'municipality', column: 'Муниципалитет', code: 'field.unknown_municipality', message: 'Муниципалитет не найден в справочнике' },
    ]);
  });

  it('rolls back everything when the database fails late in the import, and the retry finishes it', async () => {
    const stream = tree.streams[1]!.id;
    const emails = ['crash1@example.ru', 'crash2@example.ru', 'crash3@example.ru'];
    // The enrolment of the last row fails once, after every person has been upserted in the same transaction.
    await t.db.execute(sql.raw(`
      create sequence import_crash_seq;
      create function import_crash() returns trigger language plpgsql as $$
      begin
        if new.person_id = (select id from people where email = 'crash3@example.ru') and nextval('import_crash_seq') = 1 then
          raise exception 'simulated crash';
        end if;
        return new;
      end $$;
      create trigger import_crash before insert on enrolments for each row execute function import_crash();`));
    const file = peopleCsv(emails.map((email, i) => [`Фамилия${i}`, 'Имя', email, 'RU-PER', '']));
    const uploaded = (await upload(staff, `/api/streams/${stream}/imports`, 'people.csv', file)).json() as { uploadId: string };
    const { jobId } = (await staff.request({ method: 'POST', url: `/api/imports/${uploaded.uploadId}/commit`, payload: {} })).json() as { jobId: string };
    const failed = await waitForJob(staff, jobId, ['failed', 'succeeded']);
    expect(failed).toMatchObject({ status: 'failed', error: 'import_failed' });
    expect(await peopleWith(emails)).toHaveLength(0);
    const [afterCrash] = await t.db.select().from(importUploads).where(eq(importUploads.id, uploaded.uploadId));
    expect(afterCrash!.status).toBe('failed');
    // pg-boss retries the run; the handler starts over and now goes through.
    const retried = await waitForJob(staff, jobId, ['succeeded']);
    expect(retried.result).toMatchObject({ created: 3, enrolled: 3 });
    expect(await peopleWith(emails)).toHaveLength(3);
    expect(await enrolmentsOf(stream, emails)).toHaveLength(3);
    await t.db.execute(sql.raw('drop trigger import_crash on enrolments; drop function import_crash(); drop sequence import_crash_seq;'));
  });
});

describe('municipalities import', () => {
  it('upserts municipalities on region, name and kind', async () => {
    const csv = (population: string) =>
      Buffer.from(
        `Регион;Название;Тип;Население;Широта;Долгота\r\n` +
          `Пермский край;Пермский городской округ;Городской округ;${population};58,01;56,25\r\n` +
          `RU-PER;Чусовской городской округ;urban_okrug;;;\r\n` +
          `RU-XX;Нигде;urban_okrug;;;\r\n`,
        'utf8',
      );
    const run = async (file: Buffer) => {
      const uploaded = await upload(staff, '/api/municipalities/imports', 'm.csv', file);
      expect(uploaded.statusCode).toBe(201);
      const { uploadId, errorCount } = uploaded.json() as { uploadId: string; errorCount: number };
      expect(errorCount).toBe(1);
      const commit = await staff.request({ method: 'POST', url: `/api/imports/${uploadId}/commit`, payload: { skipBadRows: true } });
      return waitForJob(staff, (commit.json() as { jobId: string }).jobId);
    };
    expect((await run(csv('1 034 002'))).result).toMatchObject({ created: 1, updated: 1, skipped: 1 });
    expect((await run(csv('1 040 000'))).result).toMatchObject({ created: 0, updated: 1, skipped: 1 });
    const perm = await t.db.select().from(municipalities).where(eq(municipalities.regionCode, 'RU-PER'));
    expect(perm.map((m) => [m.name, m.kind, m.population]).sort()).toEqual([
      ['Пермский городской округ', 'urban_okrug', 1_040_000],
      ['Чусовской городской округ', 'urban_okrug', null],
    ]);
  });
});
