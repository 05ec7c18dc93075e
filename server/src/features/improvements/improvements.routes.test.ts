import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildModule, buildMunicipality, buildPerson, buildProgrammeTree, buildScheduleSession, buildTeam, buildUser, buildVenue, TEST_PASSWORD } from '../../../test/factories.ts';
import { ensureReferenceData } from '../reference/reference.repo.ts';

let t: TestApp;
let staff: TestAgent;
let alice: TestAgent;
let bob: TestAgent;
let outsider: TestAgent;
let irkutskCoordinator: TestAgent;
let streamId: string;
let otherStreamId: string;
let municipalityId: string;
let strategicId: string;
let lectureId: string;
let aliceTeamId: string;
let bobTeamId: string;

beforeAll(async () => {
  t = await buildTestApp();
  await ensureReferenceData(t.db);
  const tree = await buildProgrammeTree(t.db);
  [streamId, otherStreamId] = [tree.streams[0]!.id, tree.streams[1]!.id];
  const scope = { organisationId: tree.organisation.id, programmeId: tree.programme.id };
  municipalityId = (await buildMunicipality(t.db, 'RU-SAM', { name: 'Сызрань' })).id;
  const a = await buildPerson(t.db, { regionCode: 'RU-SAM', municipalityId, streamIds: [streamId] });
  const b = await buildPerson(t.db, { regionCode: 'RU-IRK', streamIds: [streamId] });
  const c = await buildPerson(t.db, { regionCode: 'RU-IRK', streamIds: [otherStreamId] });
  aliceTeamId = (await buildTeam(t.db, streamId, { name: 'Волга', personIds: [a.id] })).id;
  bobTeamId = (await buildTeam(t.db, streamId, { name: 'Байкал', personIds: [b.id] })).id;
  const venue = await buildVenue(t.db, tree.programme.id);
  const module = await buildModule(t.db, streamId, venue.id, { number: 2 });
  strategicId = (await buildScheduleSession(t.db, module.id, { kind: 'strategic_session', titleRu: 'Стратегическая сессия', titleEn: 'Strategic session' })).id;
  lectureId = (await buildScheduleSession(t.db, module.id, { kind: 'lecture', startsAt: new Date('2025-06-03T07:00:00Z'), endsAt: new Date('2025-06-03T08:00:00Z') })).id;
  const users = await Promise.all([
    buildUser(t.db, { grants: [{ role: 'staff', ...scope }] }),
    buildUser(t.db, { personId: a.id, grants: [{ role: 'participant', ...scope, streamId }] }),
    buildUser(t.db, { personId: b.id, grants: [{ role: 'participant', ...scope, streamId }] }),
    buildUser(t.db, { personId: c.id, grants: [{ role: 'participant', ...scope, streamId: otherStreamId }] }),
  ]);
  [staff, alice, bob, outsider] = (await Promise.all(users.map((u) => signIn(t.app, u.email, TEST_PASSWORD)))) as [TestAgent, TestAgent, TestAgent, TestAgent];
  const coordinatorUser = await buildUser(t.db, { grants: [{ role: 'coordinator', ...scope, regionCode: 'RU-IRK' }] });
  irkutskCoordinator = await signIn(t.app, coordinatorUser.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

const improvement = (overrides: Record<string, unknown> = {}) => ({
  area: 'roads',
  municipalityId,
  problem: 'Ямы на дорогах к сёлам',
  proposal: 'Народный контроль ремонта через приложение',
  expectedEffect: 'Доля дорог в норме +10 п.п.',
  sessionId: strategicId,
  teamId: aliceTeamId,
  ...overrides,
});

describe('recording improvements', () => {
  let aliceImprovementId = '';

  it('records a participant’s improvement for their team, linked to the strategic session', async () => {
    const response = await alice.request({ method: 'POST', url: `/api/streams/${streamId}/improvements`, payload: improvement() });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ area: 'roads', municipalityName: 'Сызрань', teamName: 'Волга', sessionTitle: 'Стратегическая сессия', canEdit: true });
    aliceImprovementId = response.json().id;
  });

  it('refuses another team, a lecture as the session, an unknown area, wrong types and control characters', async () => {
    const cases = [
      improvement({ teamId: bobTeamId }),
      improvement({ sessionId: lectureId }),
      improvement({ area: 'moon' }),
      improvement({ municipalityId: 42 }),
      improvement({ problem: 'abc\u0000def' }),
      improvement({ municipalityId: '00000000-0000-4000-8000-000000000000' }),
    ];
    for (const payload of cases) {
      const response = await alice.request({ method: 'POST', url: `/api/streams/${streamId}/improvements`, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('lets the author edit and keeps others out (another participant 403, another stream 404)', async () => {
    const edited = await alice.request({ method: 'PATCH', url: `/api/improvements/${aliceImprovementId}`, payload: { expectedEffect: 'Ремонт вдвое быстрее' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await bob.request({ method: 'PATCH', url: `/api/improvements/${aliceImprovementId}`, payload: { problem: 'Чужое' } })).statusCode).toBe(403);
    expect((await outsider.request({ method: 'DELETE', url: `/api/improvements/${aliceImprovementId}` })).statusCode).toBe(404);
    expect((await outsider.request({ method: 'GET', url: `/api/streams/${streamId}/improvements` })).statusCode).toBe(404);
  });
});

describe('the board', () => {
  beforeAll(async () => {
    await staff.request({ method: 'POST', url: `/api/streams/${streamId}/improvements`, payload: improvement({ area: 'digital', problem: '=HYPERLINK("http://evil")', teamId: bobTeamId }) });
    await bob.request({ method: 'POST', url: `/api/streams/${streamId}/improvements`, payload: improvement({ area: 'tourism', teamId: null, sessionId: null }) });
  });

  it('filters by area, sorts and pages', async () => {
    const all = await bob.request({ method: 'GET', url: `/api/streams/${streamId}/improvements?sort=area&order=asc&pageSize=2` });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(3);
    expect(all.json().items.map((i: { area: string }) => i.area)).toEqual(['digital', 'roads']);
    const roads = await bob.request({ method: 'GET', url: `/api/streams/${streamId}/improvements?area=roads` });
    expect(roads.json().items).toHaveLength(1);
    expect(roads.json().items[0].canEdit).toBe(false);
    const bad = await bob.request({ method: 'GET', url: `/api/streams/${streamId}/improvements?area=%00` });
    expect(bad.statusCode).toBe(400);
  });

  it('reports coverage of the 30 areas with the missing ones', async () => {
    const response = await alice.request({ method: 'GET', url: `/api/streams/${streamId}/improvements/coverage` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(30);
    expect(body.covered).toBe(3);
    expect(body.missing).toHaveLength(27);
    expect(body.missing).not.toContain('roads');
  });

  it('exports CSV for Excel with formulas neutralised', async () => {
    const response = await alice.request({ method: 'GET', url: `/api/streams/${streamId}/improvements.csv` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.body).toContain('Направление;Муниципалитет');
    expect(response.body).toContain("'=HYPERLINK");
    expect(response.body).toContain('Цифровые муниципальные услуги');
  });

  it('shows a coordinator only the improvements in municipalities of their regions', async () => {
    const board = await irkutskCoordinator.request({ method: 'GET', url: `/api/streams/${streamId}/improvements` });
    expect(board.statusCode).toBe(200);
    expect(board.json().total).toBe(0);
    const coverage = await irkutskCoordinator.request({ method: 'GET', url: `/api/streams/${streamId}/improvements/coverage` });
    expect(coverage.json().covered).toBe(0);
    const samara = (await staff.request({ method: 'GET', url: `/api/streams/${streamId}/improvements?area=roads` })).json().items[0].id;
    expect((await irkutskCoordinator.request({ method: 'DELETE', url: `/api/improvements/${samara}` })).statusCode).toBe(404);
  });

  it('lets staff delete any improvement', async () => {
    const list = await staff.request({ method: 'GET', url: `/api/streams/${streamId}/improvements?area=tourism` });
    const id = list.json().items[0].id;
    expect((await staff.request({ method: 'DELETE', url: `/api/improvements/${id}` })).statusCode).toBe(200);
    expect((await staff.request({ method: 'DELETE', url: `/api/improvements/${id}` })).statusCode).toBe(404);
  });
});
