import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { enrolments, municipalities, people, rosterRevision } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { buildPerson, buildProgrammeTree } from '../../../test/factories.ts';
import { seedImportReference } from '../../../test/imports.ts';
import { withCopyTransaction } from './imports.copy.ts';
import type { PersonImportRow } from './parse/people-rows.ts';
import { commitPeopleRows } from './people-commit.repo.ts';
import { canCheckReferencesSetBased } from './row-checks.repo.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let townId: string;

beforeAll(async () => {
  t = await buildTestApp();
  await seedImportReference(t.db);
  tree = await buildProgrammeTree(t.db);
  const [town] = await t.db.select().from(municipalities).where(eq(municipalities.regionCode, 'RU-PER'));
  townId = town!.id;
});
afterAll(async () => t?.close());

const row = (n: number, tag: string, overrides: Partial<PersonImportRow> = {}): PersonImportRow => ({
  rowNumber: n + 1,
  email: `${tag}${n}@example.ru`,
  lastName: `Фамилия${n}`,
  firstName: 'Имя',
  middleName: n % 2 ? 'Отчество' : null,
  birthDate: n % 3 ? '1980-05-0' + ((n % 9) + 1) : null,
  gender: n % 2 ? 'female' : null,
  position: 'Глава',
  phone: null,
  regionCode: n % 2 ? 'RU-PER' : 'RU-KLU',
  municipalityId: n % 2 ? townId : null,
  ...overrides,
});

/** Commits rows into the stream in one transaction, as the import job does. */
function commit(streamIndex: number, rows: PersonImportRow[], isCheckingRowByRow = false) {
  const stream = tree.streams[streamIndex]!;
  const scope = { organisationId: tree.organisation.id, programmeId: tree.programme.id, streamId: stream.id };
  return withCopyTransaction(t.db, (tx, client) => commitPeopleRows(tx, client, { scope, rows, isInviting: false, isCheckingRowByRow }));
}

/** What the import wrote for these e-mails, without generated ids and times. */
async function written(emails: string[], streamIndex: number) {
  const stored = await t.db.select().from(people).where(inArray(people.email, emails)).orderBy(people.email);
  const enrolled = await t.db
    .select({ email: people.email })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(sql`${enrolments.streamId} = ${tree.streams[streamIndex]!.id} and ${people.email} in ${emails}`);
  return {
    people: stored.map((p) => ({ ...p, email: p.email!.replace(/^[a-z]+/, ''), id: undefined, createdAt: undefined, updatedAt: undefined })),
    enrolled: enrolled.length,
  };
}

const revision = async () => (await t.db.select().from(rosterRevision))[0]?.revision ?? 0;

describe('commitPeopleRows', () => {
  it('checks foreign keys set-based when the database allows it, and not with a row trigger of its own', async () => {
    expect(await withCopyTransaction(t.db, (tx) => canCheckReferencesSetBased(tx))).toBe(true);
    await t.db.execute(sql.raw(`
      create function people_commit_noop() returns trigger language plpgsql as $$ begin return new; end $$;
      create trigger people_commit_noop before insert on enrolments for each row execute function people_commit_noop();`));
    expect(await withCopyTransaction(t.db, (tx) => canCheckReferencesSetBased(tx))).toBe(false);
    expect(await commit(0, [row(1, 'guarded')])).toMatchObject({ created: 1, enrolled: 1, checks: 'row-by-row' });
    await t.db.execute(sql.raw('drop trigger people_commit_noop on enrolments; drop function people_commit_noop();'));
  });

  it('writes the same people, enrolments and counts set-based as row by row, first time and again, and bumps the roster revision', async () => {
    const existing = await buildPerson(t.db, { email: 'fast5@example.ru', lastName: 'Старая', regionCode: 'RU-MOW' });
    await buildPerson(t.db, { email: 'slow5@example.ru', lastName: 'Старая', regionCode: 'RU-MOW' });
    const rows = (tag: string) => Array.from({ length: 40 }, (_, i) => row(i, tag));
    // Each statement on people and enrolments bumps the roster revision (statement triggers): the
    // set-based path fires them itself, as many times as the row-by-row path's statements do.
    const before = await revision();
    const fast = await commit(0, rows('fast'));
    const between = await revision();
    const slow = await commit(0, rows('slow'), true);
    expect(between - before).toBe((await revision()) - between);
    expect(between - before).toBeGreaterThanOrEqual(2);
    expect(fast).toEqual({ ...slow, checks: 'set-based' });
    expect(slow.checks).toBe('row-by-row');
    expect(fast).toMatchObject({ created: 39, updated: 1, enrolled: 40 });
    const emailsOf = (tag: string) => rows(tag).map((r) => r.email);
    expect(await written(emailsOf('fast'), 0)).toEqual(await written(emailsOf('slow'), 0));
    const [kept] = await t.db.select().from(people).where(eq(people.email, 'fast5@example.ru'));
    expect(kept).toMatchObject({ id: existing.id, lastName: 'Фамилия5', regionCode: 'RU-PER', municipalityId: townId });

    // The same rows again change nothing; a changed row is updated; both paths agree.
    expect(await commit(0, rows('fast'))).toMatchObject({ created: 0, updated: 0, enrolled: 0 });
    const changed = (tag: string) => [row(7, tag, { lastName: 'Новая' }), ...rows(tag).slice(0, 3)];
    const again = await commit(1, changed('fast'));
    expect(again).toEqual({ ...(await commit(1, changed('slow'), true)), checks: 'set-based' });
    expect(again).toMatchObject({ created: 0, updated: 1, enrolled: 4 });
    expect(await written(emailsOf('fast'), 1)).toEqual(await written(emailsOf('slow'), 1));
  });

  it('COPYs a file of people none of whom is known straight in, writing what the staged paths write', async () => {
    const rows = (tag: string) => Array.from({ length: 30 }, (_, i) => row(i, tag));
    const before = await revision();
    const direct = await commit(1, rows('new'));
    expect(direct).toEqual({ created: 30, updated: 0, enrolled: 30, usersCreated: 0, newUserIds: [], checks: 'direct' });
    expect(await revision()).toBeGreaterThanOrEqual(before + 2);
    expect(await commit(1, rows('old'), true)).toMatchObject({ created: 30, updated: 0, enrolled: 30, checks: 'row-by-row' });
    const emailsOf = (tag: string) => rows(tag).map((r) => r.email);
    expect(await written(emailsOf('new'), 1)).toEqual(await written(emailsOf('old'), 1));
    // The same file again finds everyone known: the staged path, which changes nothing.
    expect(await commit(1, rows('new'))).toMatchObject({ created: 0, updated: 0, enrolled: 0, checks: 'set-based' });
  });

  it('writes nothing when a municipality the rows point to is gone by the time they are written', async () => {
    const [gone] = await t.db.insert(municipalities).values({ regionCode: 'RU-KLU', name: 'Исчезнувший', kind: 'urban_okrug' }).returning();
    await t.db.delete(municipalities).where(eq(municipalities.id, gone!.id));
    const rows = [row(1, 'gone', { regionCode: 'RU-KLU', municipalityId: gone!.id }), row(2, 'gone')];
    await expect(commit(0, rows)).rejects.toThrow(/reference data changed/);
    expect(await t.db.select().from(people).where(inArray(people.email, rows.map((r) => r.email)))).toHaveLength(0);
    // Also when one of them is known already (the staged path).
    await buildPerson(t.db, { email: rows[1]!.email });
    await expect(commit(0, rows)).rejects.toThrow(/reference data changed/);
    await expect(commit(0, rows, true)).rejects.toThrow();
    expect(await t.db.select().from(people).where(eq(people.email, rows[0]!.email))).toHaveLength(0);
  });
});
