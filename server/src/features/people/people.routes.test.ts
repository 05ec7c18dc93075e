import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, enrolments, municipalities, people } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildPerson, buildProgrammeTree, buildUser, enrol, TEST_PASSWORD } from '../../../test/factories.ts';
import { ensureReferenceData } from '../reference/reference.repo.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let foreign: Awaited<ReturnType<typeof buildProgrammeTree>>;
let staff: TestAgent;
let streamId: string;
let permMunicipalityId: string;
let moscowMunicipalityId: string;

type Grants = NonNullable<NonNullable<Parameters<typeof buildUser>[1]>['grants']>;
type Problem = { errors: Array<{ path: string; message: string }> };

async function agentWith(grants: Grants, personId?: string) {
  const user = await buildUser(t.db, { grants, personId });
  return signIn(t.app, user.email, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await buildTestApp();
  await ensureReferenceData(t.db);
  tree = await buildProgrammeTree(t.db);
  foreign = await buildProgrammeTree(t.db);
  streamId = tree.streams[0]!.id;
  const created = await t.db
    .insert(municipalities)
    .values([
      { regionCode: 'RU-PER', name: 'Кунгурский муниципальный округ', kind: 'municipal_okrug' },
      { regionCode: 'RU-MOW', name: 'Тверской', kind: 'federal_city_area' },
    ])
    .returning();
  permMunicipalityId = created[0]!.id;
  moscowMunicipalityId = created[1]!.id;
  staff = await agentWith([{ role: 'staff', programmeId: tree.programme.id }]);
});
afterAll(async () => t?.close());

describe('reading a person', () => {
  it('shows staff the person with their visible enrolments and audits the read', async () => {
    const person = await buildPerson(t.db, { regionCode: 'RU-PER', municipalityId: permMunicipalityId });
    await enrol(t.db, person.id, streamId);
    await enrol(t.db, person.id, foreign.streams[0]!.id);
    const response = await staff.request({ method: 'GET', url: `/api/people/${person.id}` });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { enrolments: Array<{ streamId: string }> };
    expect(body).toMatchObject({ id: person.id, regionCode: 'RU-PER', regionNameRu: 'Пермский край', municipalityName: 'Кунгурский муниципальный округ', canEdit: true });
    // The enrolment in another operator's programme stays hidden.
    expect(body.enrolments.map((e) => e.streamId)).toEqual([streamId]);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'person.read'), eq(auditLog.entityId, person.id)));
    expect(entry).toBeDefined();
  });

  it('lets a person read themselves, but not another participant', async () => {
    const me = await buildPerson(t.db, { streamIds: [streamId] });
    const classmate = await buildPerson(t.db, { streamIds: [streamId] });
    const agent = await agentWith([{ role: 'participant', streamId }], me.id);
    const own = await agent.request({ method: 'GET', url: `/api/people/${me.id}` });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ canEdit: false });
    expect((await agent.request({ method: 'GET', url: `/api/people/${classmate.id}` })).statusCode).toBe(404);
  });

  it('shows a coordinator people of their region only', async () => {
    const local = await buildPerson(t.db, { regionCode: 'RU-PER', streamIds: [streamId] });
    const distant = await buildPerson(t.db, { regionCode: 'RU-MOW', streamIds: [streamId] });
    const coordinator = await agentWith([{ role: 'coordinator', programmeId: tree.programme.id, regionCode: 'RU-PER' }]);
    expect((await coordinator.request({ method: 'GET', url: `/api/people/${local.id}` })).json()).toMatchObject({ canEdit: false });
    expect((await coordinator.request({ method: 'GET', url: `/api/people/${distant.id}` })).statusCode).toBe(404);
  });

  it('answers 404 to staff for a person outside their programmes', async () => {
    const outsider = await buildPerson(t.db, { streamIds: [foreign.streams[1]!.id] });
    expect((await staff.request({ method: 'GET', url: `/api/people/${outsider.id}` })).statusCode).toBe(404);
  });
});

describe('changing a person', () => {
  it('lets staff change fields, lower-cases the e-mail and audits the field names', async () => {
    const person = await buildPerson(t.db, { streamIds: [streamId] });
    const response = await staff.request({
      method: 'PATCH',
      url: `/api/people/${person.id}`,
      payload: { position: 'Глава округа', email: 'New.Address@Example.TEST', municipalityId: permMunicipalityId },
    });
    expect(response.statusCode).toBe(200);
    // The region follows from the municipality when the person had none.
    expect(response.json()).toMatchObject({ position: 'Глава округа', email: 'new.address@example.test', regionCode: 'RU-PER' });
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'person.update'), eq(auditLog.entityId, person.id)));
    expect(entry?.details).toMatchObject({ fields: expect.arrayContaining(['position', 'email', 'municipalityId', 'regionCode']) });
  });

  it('drops a municipality that lies outside the new region', async () => {
    const person = await buildPerson(t.db, { regionCode: 'RU-PER', municipalityId: permMunicipalityId, streamIds: [streamId] });
    const response = await staff.request({ method: 'PATCH', url: `/api/people/${person.id}`, payload: { regionCode: 'RU-MOW' } });
    expect(response.json()).toMatchObject({ regionCode: 'RU-MOW', municipalityId: null });
  });

  it('names the field for unknown references, mismatched municipality, bad dates and duplicates', async () => {
    const person = await buildPerson(t.db, { regionCode: 'RU-PER', streamIds: [streamId] });
    const other = await buildPerson(t.db, { streamIds: [streamId] });
    const patch = (payload: object) => staff.request({ method: 'PATCH', url: `/api/people/${person.id}`, payload });
    const cases: Array<[object, number, string]> = [
      [{ regionCode: 'RU-XXX' }, 400, 'body.regionCode'],
      [{ municipalityId: moscowMunicipalityId }, 400, 'body.municipalityId'],
      [{ municipalityId: '00000000-0000-4000-8000-000000000000' }, 400, 'body.municipalityId'],
      [{ birthDate: '2999-01-01' }, 400, 'body.birthDate'],
      [{ birthDate: '14.03.1985' }, 400, 'body.birthDate'],
      [{ email: 'not-an-email' }, 400, 'body.email'],
      [{ lastName: '' }, 400, 'body.lastName'],
      [{ email: other.email }, 409, 'body.email'],
    ];
    for (const [payload, status, path] of cases) {
      const response = await patch(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect((response.json() as Problem).errors.map((e) => e.path), JSON.stringify(payload)).toContain(path);
    }
  });

  it('refuses coordinators and the person themselves (403), and hides strangers (404)', async () => {
    const person = await buildPerson(t.db, { regionCode: 'RU-PER', streamIds: [streamId] });
    const coordinator = await agentWith([{ role: 'coordinator', programmeId: tree.programme.id, regionCode: 'RU-PER' }]);
    expect((await coordinator.request({ method: 'PATCH', url: `/api/people/${person.id}`, payload: { position: 'X' } })).statusCode).toBe(403);
    const self = await agentWith([], person.id);
    expect((await self.request({ method: 'PATCH', url: `/api/people/${person.id}`, payload: { position: 'X' } })).statusCode).toBe(403);
    const foreignStaff = await agentWith([{ role: 'staff', programmeId: foreign.programme.id }]);
    expect((await foreignStaff.request({ method: 'PATCH', url: `/api/people/${person.id}`, payload: { position: 'X' } })).statusCode).toBe(404);
  });

  it('lets staff create a person record, and refuses participants', async () => {
    const created = await staff.request({ method: 'POST', url: '/api/people', payload: { lastName: 'Сидоров', firstName: 'Олег', regionCode: 'RU-MOW' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ fullName: 'Сидоров Олег', regionNameRu: expect.any(String), enrolments: [] });
    const participant = await agentWith([{ role: 'participant', streamId }]);
    expect((await participant.request({ method: 'POST', url: '/api/people', payload: { lastName: 'Х', firstName: 'Y' } })).statusCode).toBe(403);
  });
});

describe('enrolments', () => {
  it('enrols, refuses a second enrolment, withdraws and re-enrols, auditing each change', async () => {
    const person = await buildPerson(t.db);
    const url = `/api/streams/${streamId}/enrolments`;
    const first = await staff.request({ method: 'POST', url, payload: { personId: person.id } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ personId: person.id, streamId, status: 'enrolled' });
    const again = await staff.request({ method: 'POST', url, payload: { personId: person.id } });
    expect(again.statusCode).toBe(409);
    expect((again.json() as Problem).errors[0]?.path).toBe('body.personId');
    const withdrawn = await staff.request({ method: 'DELETE', url: `${url}/${person.id}` });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect((await staff.request({ method: 'DELETE', url: `${url}/${person.id}` })).json()).toMatchObject({ status: 'withdrawn' });
    expect((await staff.request({ method: 'POST', url, payload: { personId: person.id } })).json()).toMatchObject({ status: 'enrolled' });
    const rows = await t.db.select().from(enrolments).where(eq(enrolments.personId, person.id));
    expect(rows).toHaveLength(1);
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entity, 'enrolment'))).map((row) => row.action);
    expect(actions.filter((a) => a === 'enrolment.create')).toHaveLength(2);
    expect(actions.filter((a) => a === 'enrolment.withdraw')).toHaveLength(1);
  });

  it('answers 404 for an unknown person, a foreign stream and a missing enrolment', async () => {
    const person = await buildPerson(t.db);
    const unknownPerson = await staff.request({ method: 'POST', url: `/api/streams/${streamId}/enrolments`, payload: { personId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknownPerson.statusCode).toBe(404);
    const foreignStream = await staff.request({ method: 'POST', url: `/api/streams/${foreign.streams[0]!.id}/enrolments`, payload: { personId: person.id } });
    expect(foreignStream.statusCode).toBe(404);
    expect((await staff.request({ method: 'DELETE', url: `/api/streams/${streamId}/enrolments/${person.id}` })).statusCode).toBe(404);
  });

  it('refuses participants of the stream with 403 and validates the body', async () => {
    const participant = await agentWith([{ role: 'participant', streamId }]);
    const person = await buildPerson(t.db);
    expect((await participant.request({ method: 'POST', url: `/api/streams/${streamId}/enrolments`, payload: { personId: person.id } })).statusCode).toBe(403);
    const invalid = await staff.request({ method: 'POST', url: `/api/streams/${streamId}/enrolments`, payload: { personId: 'nope' } });
    expect(invalid.statusCode).toBe(400);
    expect((invalid.json() as Problem).errors[0]?.path).toBe('body.personId');
    expect(await t.db.select().from(people).where(eq(people.id, person.id))).toHaveLength(1);
  });
});
