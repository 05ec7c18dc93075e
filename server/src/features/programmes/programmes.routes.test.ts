import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import { anonymousAgent, buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildPerson, buildProgrammeTree, buildUser, enrol, TEST_PASSWORD } from '../../../test/factories.ts';

let t: TestApp;
let treeA: Awaited<ReturnType<typeof buildProgrammeTree>>;
let treeB: Awaited<ReturnType<typeof buildProgrammeTree>>;
let admin: TestAgent;

type Page = { items: Array<{ id: string; canManage: boolean }>; total: number };

type Grants = NonNullable<NonNullable<Parameters<typeof buildUser>[1]>['grants']>;

async function agentWith(grants: Grants, personId?: string) {
  const user = await buildUser(t.db, { grants, personId });
  return signIn(t.app, user.email, TEST_PASSWORD);
}

const ids = (response: { json: () => unknown }) => (response.json() as Page).items.map((item) => item.id).sort();

beforeAll(async () => {
  t = await buildTestApp();
  treeA = await buildProgrammeTree(t.db);
  treeB = await buildProgrammeTree(t.db);
  admin = await agentWith([{ role: 'admin' }]);
});
afterAll(async () => t?.close());

describe('programme structure for admins', () => {
  it('lists every organisation, programme and stream, each marked manageable', async () => {
    const programmes = await admin.request({ method: 'GET', url: '/api/programmes?pageSize=500' });
    expect(programmes.statusCode).toBe(200);
    expect(ids(programmes)).toEqual(expect.arrayContaining([treeA.programme.id, treeB.programme.id]));
    expect((programmes.json() as Page).items.every((p) => p.canManage)).toBe(true);
    const streams = await admin.request({ method: 'GET', url: `/api/streams?programmeId=${treeA.programme.id}` });
    expect(ids(streams)).toEqual(treeA.streams.map((s) => s.id).sort());
    const orgs = await admin.request({ method: 'GET', url: '/api/organisations?pageSize=1' });
    expect(orgs.json()).toMatchObject({ page: 1, pageSize: 1 });
    expect((orgs.json() as Page).items).toHaveLength(1);
    expect((orgs.json() as Page).total).toBeGreaterThanOrEqual(2);
  });

  it('creates an organisation, programme, intake and stream, auditing each write', async () => {
    const org = await admin.request({ method: 'POST', url: '/api/organisations', payload: { slug: 'perm-school', nameRu: 'Пермская школа', nameEn: 'Perm school' } });
    expect(org.statusCode).toBe(201);
    const orgId = (org.json() as { id: string }).id;
    const programme = await admin.request({
      method: 'POST',
      url: '/api/programmes',
      payload: { organisationId: orgId, slug: 'perm-mayors', nameRu: 'Школа глав', nameEn: 'Heads school', completionThresholdPct: 75 },
    });
    expect(programme.statusCode).toBe(201);
    expect(programme.json()).toMatchObject({ completionThresholdPct: 75, descriptionRu: '', canManage: true });
    const programmeId = (programme.json() as { id: string }).id;
    const intake = await admin.request({
      method: 'POST',
      url: '/api/intakes',
      payload: { programmeId, nameRu: 'Набор 2025', nameEn: 'Intake 2025', startsOn: '2025-02-01', endsOn: '2025-05-01' },
    });
    expect(intake.statusCode).toBe(201);
    const stream = await admin.request({
      method: 'POST',
      url: '/api/streams',
      payload: { intakeId: (intake.json() as { id: string }).id, number: 1, nameRu: 'Поток 1', nameEn: 'Stream 1', startsOn: '2025-02-01', endsOn: '2025-05-01' },
    });
    expect(stream.statusCode).toBe(201);
    expect(stream.json()).toMatchObject({ programmeId, organisationId: orgId, number: 1, participantCount: 0 });
    const actions = (await t.db.select().from(auditLog)).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['organisation.create', 'programme.create', 'intake.create', 'stream.create']));
  });

  it('changes only the fields a PATCH sends: a partner stays a partner when its name is edited', async () => {
    const created = await admin.request({ method: 'POST', url: '/api/organisations', payload: { slug: 'varmsu-test', nameRu: 'ВАРМСУ', nameEn: 'VARMSU', kind: 'partner' } });
    const id = (created.json() as { id: string }).id;
    const patched = await admin.request({ method: 'PATCH', url: `/api/organisations/${id}`, payload: { nameEn: 'All-Russian Association' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ nameEn: 'All-Russian Association', kind: 'partner' });
  });

  it('updates a stream and records which fields changed', async () => {
    const response = await admin.request({ method: 'PATCH', url: `/api/streams/${treeB.streams[0]!.id}`, payload: { nameEn: 'Stream Three' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ nameEn: 'Stream Three', nameRu: 'Поток 3' });
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'stream.update'), eq(auditLog.entityId, treeB.streams[0]!.id)));
    expect(entry?.details).toEqual({ fields: ['nameEn'] });
  });
});

describe('validation', () => {
  it('names the field when a stream ends before it starts', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/streams',
      payload: { intakeId: treeA.intake.id, number: 9, nameRu: 'Поток 9', nameEn: 'Stream 9', startsOn: '2025-02-01', endsOn: '2025-01-01' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ path: 'body.endsOn', message: 'Дата окончания раньше даты начала' }] });
  });

  it('answers 409 naming the field for a duplicate stream number and a duplicate slug', async () => {
    const stream = await admin.request({
      method: 'POST',
      url: '/api/streams',
      payload: { intakeId: treeA.intake.id, number: 3, nameRu: 'Поток 3', nameEn: 'Stream 3', startsOn: '2024-10-08', endsOn: '2025-06-05' },
    });
    expect(stream.statusCode).toBe(409);
    expect((stream.json() as { errors: Array<{ path: string }> }).errors[0]?.path).toBe('body.number');
    const programme = await admin.request({
      method: 'POST',
      url: '/api/programmes',
      payload: { organisationId: treeA.organisation.id, slug: treeA.programme.slug, nameRu: 'Копия', nameEn: 'Copy' },
    });
    expect(programme.statusCode).toBe(409);
    expect((programme.json() as { errors: Array<{ path: string }> }).errors[0]?.path).toBe('body.slug');
  });

  it('rejects a malformed slug, an unknown field and a percentage above 100', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/programmes',
      payload: { organisationId: treeA.organisation.id, slug: 'Bad Slug!', nameRu: 'Х', nameEn: 'X', completionThresholdPct: 150, extra: 1 },
    });
    expect(response.statusCode).toBe(400);
    const paths = (response.json() as { errors: Array<{ path: string }> }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.slug', 'body.completionThresholdPct']));
  });

  it('answers 404 for an unknown parent id and for a malformed id', async () => {
    const unknown = await admin.request({
      method: 'POST',
      url: '/api/streams',
      payload: { intakeId: '00000000-0000-4000-8000-000000000000', number: 1, nameRu: 'П', nameEn: 'S', startsOn: '2025-01-01', endsOn: '2025-02-01' },
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await admin.request({ method: 'GET', url: '/api/streams/not-a-uuid' });
    expect(malformed.statusCode).toBe(400);
    expect((malformed.json() as { errors: Array<{ path: string }> }).errors[0]?.path).toBe('params.id');
  });
});

describe('scoping', () => {
  it('asks for sign-in', async () => {
    expect((await anonymousAgent(t.app).request({ method: 'GET', url: '/api/programmes' })).statusCode).toBe(401);
  });

  it('shows programme staff only their programme and lets them manage it, not a foreign one', async () => {
    const staff = await agentWith([{ role: 'staff', programmeId: treeA.programme.id }]);
    expect(ids(await staff.request({ method: 'GET', url: '/api/programmes' }))).toEqual([treeA.programme.id]);
    expect(ids(await staff.request({ method: 'GET', url: '/api/organisations' }))).toEqual([treeA.organisation.id]);
    expect(ids(await staff.request({ method: 'GET', url: '/api/streams' }))).toEqual(treeA.streams.map((s) => s.id).sort());
    const own = await staff.request({ method: 'PATCH', url: `/api/programmes/${treeA.programme.id}`, payload: { descriptionRu: 'Описание' } });
    expect(own.statusCode).toBe(200);
    expect((await staff.request({ method: 'GET', url: `/api/programmes/${treeB.programme.id}` })).statusCode).toBe(404);
    expect((await staff.request({ method: 'PATCH', url: `/api/programmes/${treeB.programme.id}`, payload: { nameEn: 'X' } })).statusCode).toBe(404);
    expect((await staff.request({ method: 'GET', url: `/api/streams/${treeB.streams[0]!.id}` })).statusCode).toBe(404);
  });

  it('lets programme staff see the organisation but not change it or add programmes to it', async () => {
    const staff = await agentWith([{ role: 'staff', programmeId: treeA.programme.id }]);
    const org = await staff.request({ method: 'GET', url: `/api/organisations/${treeA.organisation.id}` });
    expect(org.json()).toMatchObject({ canManage: false });
    expect((await staff.request({ method: 'PATCH', url: `/api/organisations/${treeA.organisation.id}`, payload: { nameEn: 'X' } })).statusCode).toBe(403);
    const created = await staff.request({
      method: 'POST',
      url: '/api/programmes',
      payload: { organisationId: treeA.organisation.id, slug: 'sneaky', nameRu: 'Х', nameEn: 'X' },
    });
    expect(created.statusCode).toBe(403);
    expect((await staff.request({ method: 'POST', url: '/api/organisations', payload: { slug: 'mine', nameRu: 'Х', nameEn: 'X' } })).statusCode).toBe(403);
  });

  it('lets stream staff manage their stream but not its intake or sibling streams', async () => {
    const [mine, sibling] = treeA.streams;
    const staff = await agentWith([{ role: 'staff', streamId: mine!.id }]);
    expect(ids(await staff.request({ method: 'GET', url: '/api/streams' }))).toEqual([mine!.id]);
    expect(ids(await staff.request({ method: 'GET', url: '/api/programmes' }))).toEqual([treeA.programme.id]);
    expect((await staff.request({ method: 'PATCH', url: `/api/streams/${mine!.id}`, payload: { nameRu: 'Поток 3а' } })).statusCode).toBe(200);
    expect((await staff.request({ method: 'PATCH', url: `/api/intakes/${treeA.intake.id}`, payload: { nameRu: 'Х' } })).statusCode).toBe(403);
    expect((await staff.request({ method: 'GET', url: `/api/streams/${sibling!.id}` })).statusCode).toBe(404);
  });

  it('shows a participant the stream they are enrolled in, read-only', async () => {
    const person = await buildPerson(t.db);
    await enrol(t.db, person.id, treeB.streams[1]!.id);
    const participant = await agentWith([], person.id);
    const streams = await participant.request({ method: 'GET', url: '/api/streams' });
    expect(ids(streams)).toEqual([treeB.streams[1]!.id]);
    expect((streams.json() as Page).items[0]?.canManage).toBe(false);
    expect(ids(await participant.request({ method: 'GET', url: '/api/programmes' }))).toEqual([treeB.programme.id]);
    expect((await participant.request({ method: 'PATCH', url: `/api/streams/${treeB.streams[1]!.id}`, payload: { nameRu: 'Х' } })).statusCode).toBe(403);
    expect((await participant.request({ method: 'GET', url: `/api/streams/${treeB.streams[0]!.id}` })).statusCode).toBe(404);
  });

  it('shows a withdrawn participant nothing', async () => {
    const person = await buildPerson(t.db);
    await enrol(t.db, person.id, treeB.streams[0]!.id, { status: 'withdrawn' });
    const former = await agentWith([], person.id);
    expect((await former.request({ method: 'GET', url: '/api/streams' })).json()).toMatchObject({ items: [], total: 0 });
  });

  it('shows a coordinator and an expert the programme their grant names, read-only', async () => {
    const coordinator = await agentWith([{ role: 'coordinator', programmeId: treeB.programme.id }]);
    const programmes = await coordinator.request({ method: 'GET', url: '/api/programmes' });
    expect(ids(programmes)).toEqual([treeB.programme.id]);
    expect((programmes.json() as Page).items[0]?.canManage).toBe(false);
    const expert = await agentWith([{ role: 'expert', streamId: treeA.streams[0]!.id }]);
    expect(ids(await expert.request({ method: 'GET', url: '/api/intakes' }))).toEqual([treeA.intake.id]);
    expect((await expert.request({ method: 'GET', url: `/api/programmes/${treeB.programme.id}` })).statusCode).toBe(404);
  });
});
