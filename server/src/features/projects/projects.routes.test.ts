import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolments } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildModule, buildPerson, buildProgrammeTree, buildProject, buildScheduleSession, buildTeam, buildUser, buildVenue, TEST_PASSWORD } from '../../../test/factories.ts';
import { upload } from '../../../test/imports.ts';
import { ensureReferenceData } from '../reference/reference.repo.ts';
import { findDefenceResults } from './projects.completion.ts';

let t: TestApp;
let staff: TestAgent;
let alice: TestAgent;
let bob: TestAgent;
let panelist: TestAgent;
let supervisor: TestAgent;
let coordinator: TestAgent;
let streamId: string;
let otherStreamId: string;
let teamId: string;
let aliceId: string;
let bobId: string;
let carolId: string;
let strangerId: string;
let defenceId: string;
let lectureId: string;
let supervisorId: string;
let panelistId: string;
let projectId = '';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

beforeAll(async () => {
  t = await buildTestApp();
  await ensureReferenceData(t.db);
  const tree = await buildProgrammeTree(t.db);
  [streamId, otherStreamId] = [tree.streams[0]!.id, tree.streams[1]!.id];
  const scope = { organisationId: tree.organisation.id, programmeId: tree.programme.id };
  const a = await buildPerson(t.db, { regionCode: 'RU-SAM', streamIds: [streamId] });
  const b = await buildPerson(t.db, { regionCode: 'RU-IRK', streamIds: [streamId] });
  const c = await buildPerson(t.db, { regionCode: 'RU-KLU', streamIds: [streamId] });
  const stranger = await buildPerson(t.db, { regionCode: 'RU-KLU', streamIds: [otherStreamId] });
  [aliceId, bobId, carolId, strangerId] = [a.id, b.id, c.id, stranger.id];
  teamId = (await buildTeam(t.db, streamId, { name: 'Волга', personIds: [a.id, c.id] })).id;
  const venue = await buildVenue(t.db, tree.programme.id);
  const module = await buildModule(t.db, streamId, venue.id);
  defenceId = (await buildScheduleSession(t.db, module.id, { kind: 'project_defence', titleRu: 'Защита проектов', titleEn: 'Project defence' })).id;
  lectureId = (await buildScheduleSession(t.db, module.id, { startsAt: new Date('2025-06-03T07:00:00Z'), endsAt: new Date('2025-06-03T08:00:00Z') })).id;
  const users = await Promise.all([
    buildUser(t.db, { grants: [{ role: 'staff', ...scope }] }),
    buildUser(t.db, { personId: a.id, grants: [{ role: 'participant', ...scope, streamId }] }),
    buildUser(t.db, { personId: b.id, grants: [{ role: 'participant', ...scope, streamId }] }),
    buildUser(t.db, { displayName: 'Член Комиссии', grants: [{ role: 'expert', ...scope }] }),
    buildUser(t.db, { displayName: 'Руководитель Проекта', grants: [{ role: 'expert', ...scope }] }),
    buildUser(t.db, { grants: [{ role: 'coordinator', ...scope, regionCode: 'RU-PER' }] }),
  ]);
  panelistId = users[3]!.id;
  supervisorId = users[4]!.id;
  [staff, alice, bob, panelist, supervisor, coordinator] = (await Promise.all(users.map((u) => signIn(t.app, u.email, TEST_PASSWORD)))) as [TestAgent, TestAgent, TestAgent, TestAgent, TestAgent, TestAgent];
});
afterAll(async () => t?.close());

describe('creating and reading projects', () => {
  it('creates a team project whose members are the team; members see it, others get 404', async () => {
    const created = await staff.request({ method: 'POST', url: `/api/streams/${streamId}/projects`, payload: { title: 'Народный бюджет', areas: ['initiatives', 'feedback'], teamId } });
    expect(created.statusCode, created.body).toBe(201);
    projectId = created.json().id;
    expect(created.json().members.map((m: { personId: string }) => m.personId).sort()).toEqual([aliceId, carolId].sort());
    expect((await alice.request({ method: 'GET', url: `/api/projects/${projectId}` })).statusCode).toBe(200);
    expect((await bob.request({ method: 'GET', url: `/api/projects/${projectId}` })).statusCode).toBe(404);
    expect((await coordinator.request({ method: 'GET', url: `/api/projects/${projectId}` })).statusCode).toBe(404);
    expect((await bob.request({ method: 'GET', url: `/api/streams/${streamId}/projects` })).json().items).toEqual([]);
    expect((await alice.request({ method: 'GET', url: '/api/me/projects' })).json().items).toEqual([expect.objectContaining({ projectId, defenceResult: 'pending' })]);
  });

  it('refuses a participant already on a project, someone from another stream, an unknown area, and non-staff', async () => {
    const payloads = [
      { title: 'Второй проект', areas: ['roads'], personIds: [aliceId] },
      { title: 'Чужой', areas: ['roads'], personIds: [strangerId] },
      { title: 'Луна', areas: ['moon'], personIds: [bobId] },
      { title: 'x', areas: ['roads'], personIds: [bobId] },
    ];
    for (const payload of payloads) expect((await staff.request({ method: 'POST', url: `/api/streams/${streamId}/projects`, payload })).statusCode, JSON.stringify(payload)).toBe(400);
    const byParticipant = await bob.request({ method: 'POST', url: `/api/streams/${streamId}/projects`, payload: { title: 'Мой проект', areas: ['roads'], personIds: [bobId] } });
    expect(byParticipant.statusCode).toBe(403);
  });

  it('lets members edit the content but not the supervisor; staff set supervisor and defence session', async () => {
    expect((await alice.request({ method: 'PATCH', url: `/api/projects/${projectId}`, payload: { summary: 'Бюджет, который выбирают жители' } })).statusCode).toBe(200);
    expect((await alice.request({ method: 'PATCH', url: `/api/projects/${projectId}`, payload: { supervisorUserId: supervisorId } })).statusCode).toBe(403);
    const lecture = await staff.request({ method: 'PATCH', url: `/api/projects/${projectId}`, payload: { defenceSessionId: lectureId } });
    expect(lecture.statusCode).toBe(400);
    const set = await staff.request({ method: 'PATCH', url: `/api/projects/${projectId}`, payload: { supervisorUserId: supervisorId, defenceSessionId: defenceId } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ supervisorName: 'Руководитель Проекта', defence: { sessionTitle: 'Защита проектов' } });
    expect((await supervisor.request({ method: 'GET', url: `/api/projects/${projectId}` })).statusCode).toBe(200);
  });
});

describe('the work on a project', () => {
  it('adds a guest from the municipal team; only editors see the guest’s e-mail', async () => {
    const added = await alice.request({ method: 'POST', url: `/api/projects/${projectId}/guests`, payload: { fullName: 'Сидоров Олег', position: 'Зам. главы', email: 'Oleg@Example.test' } });
    expect(added.statusCode, added.body).toBe(200);
    expect((await alice.request({ method: 'POST', url: `/api/projects/${projectId}/guests`, payload: { fullName: 'X Y', email: 'not-an-email' } })).statusCode).toBe(400);
    expect((await alice.request({ method: 'POST', url: `/api/projects/${projectId}/guests`, payload: { fullName: 'X Y', hostPersonId: bobId } })).statusCode).toBe(400);
    const page = (await alice.request({ method: 'GET', url: `/api/projects/${projectId}` })).json();
    expect(page.guests).toEqual([expect.objectContaining({ fullName: 'Сидоров Олег', email: 'oleg@example.test', hostPersonId: aliceId })]);
  });

  it('adds milestones and marks them done', async () => {
    expect((await alice.request({ method: 'POST', url: `/api/projects/${projectId}/milestones`, payload: { title: 'Паспорт проекта', dueOn: '2025-03-01' } })).statusCode).toBe(200);
    expect((await alice.request({ method: 'POST', url: `/api/projects/${projectId}/milestones`, payload: { title: 'Дата', dueOn: '01.03.2025' } })).statusCode).toBe(400);
    const [milestone] = (await alice.request({ method: 'GET', url: `/api/projects/${projectId}` })).json().milestones;
    expect((await alice.request({ method: 'PATCH', url: `/api/projects/${projectId}/milestones/${milestone.id}`, payload: { isDone: true } })).statusCode).toBe(200);
    expect((await alice.request({ method: 'GET', url: `/api/projects/${projectId}` })).json().milestones[0].doneAt).not.toBeNull();
  });

  it('stores a real PDF and refuses a file lying about its type', async () => {
    const stored = await upload(alice, `/api/projects/${projectId}/documents`, 'Паспорт проекта.pdf', PDF);
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json()).toMatchObject({ kind: 'pdf', sizeBytes: PDF.length });
    const download = await alice.request({ method: 'GET', url: `/api/projects/${projectId}/documents/${stored.json().id}` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const lying = await upload(alice, `/api/projects/${projectId}/documents`, 'report.pdf', PNG);
    expect(lying.statusCode).toBe(415);
    const exe = await upload(alice, `/api/projects/${projectId}/documents`, 'setup.pdf', Buffer.from('MZ\x90\x00\x03\x00'));
    expect(exe.statusCode).toBe(415);
    const outsiderUpload = await upload(bob, `/api/projects/${projectId}/documents`, 'x.pdf', PDF);
    expect(outsiderUpload.statusCode).toBe(404);
  });
});

describe('defence and implementation', () => {
  it('lets only panel members score, 1–10 per criterion', async () => {
    expect((await staff.request({ method: 'PUT', url: `/api/projects/${projectId}/panel`, payload: { userIds: [panelistId] } })).statusCode).toBe(200);
    const scores = { scores: [{ criterion: 'relevance', score: 9 }, { criterion: 'feasibility', score: 7, comment: 'Реалистично' }] };
    expect((await panelist.request({ method: 'PUT', url: `/api/projects/${projectId}/scores`, payload: scores })).statusCode).toBe(200);
    expect((await supervisor.request({ method: 'PUT', url: `/api/projects/${projectId}/scores`, payload: scores })).statusCode).toBe(403);
    expect((await panelist.request({ method: 'PUT', url: `/api/projects/${projectId}/scores`, payload: { scores: [{ criterion: 'relevance', score: 11 }] } })).statusCode).toBe(400);
    const memberView = (await alice.request({ method: 'GET', url: `/api/projects/${projectId}` })).json();
    expect(memberView.defence.scores).toEqual([]);
    expect(memberView.defence.averages.find((a: { criterion: string }) => a.criterion === 'relevance').mean).toBe(9);
    expect((await staff.request({ method: 'GET', url: `/api/projects/${projectId}` })).json().defence.scores).toHaveLength(2);
  });

  it('records the result, which completion reads per participant', async () => {
    expect((await panelist.request({ method: 'POST', url: `/api/projects/${projectId}/result`, payload: { result: 'passed' } })).statusCode).toBe(403);
    expect((await staff.request({ method: 'POST', url: `/api/projects/${projectId}/result`, payload: { result: 'passed' } })).statusCode).toBe(200);
    const results = await findDefenceResults(t.db, streamId);
    expect(results.get(aliceId)).toEqual({ projectId, title: 'Народный бюджет', result: 'passed' });
    expect(results.has(bobId)).toBe(false);
  });

  it('lets the project’s alumni (not current participants) update the implementation, keeping history', async () => {
    const body = { status: 'in_progress', note: 'Первый конкурс проектов объявлен' };
    expect((await alice.request({ method: 'POST', url: `/api/projects/${projectId}/implementation`, payload: body })).statusCode).toBe(403);
    await t.db.update(enrolments).set({ status: 'graduated' }).where(eq(enrolments.personId, aliceId));
    expect((await alice.request({ method: 'POST', url: `/api/projects/${projectId}/implementation`, payload: body })).statusCode).toBe(200);
    expect((await alice.request({ method: 'POST', url: `/api/projects/${projectId}/implementation`, payload: { status: 'implemented' } })).statusCode).toBe(200);
    expect((await alice.request({ method: 'POST', url: `/api/projects/${projectId}/implementation`, payload: { status: 'done!' } })).statusCode).toBe(400);
    const history = (await alice.request({ method: 'GET', url: `/api/projects/${projectId}` })).json().implementation;
    expect(history.map((h: { status: string }) => h.status)).toEqual(['implemented', 'in_progress']);
    const listResponse = await staff.request({ method: "GET", url: `/api/streams/${streamId}/projects` });
    expect(listResponse.statusCode, listResponse.body).toBe(200);
    const list = listResponse.json();
    expect(list.items[0]).toMatchObject({ implementationStatus: 'implemented', defenceResult: 'passed', guestCount: 1, memberCount: 2 });
  });

  it('answers 404 for a foreign project id and someone else’s document', async () => {
    const other = await buildProject(t.db, otherStreamId, { personIds: [strangerId] });
    expect((await alice.request({ method: 'GET', url: `/api/projects/${other.id}` })).statusCode).toBe(404);
    expect((await alice.request({ method: 'GET', url: `/api/projects/${projectId}/documents/00000000-0000-4000-8000-000000000000` })).statusCode).toBe(404);
    expect((await alice.request({ method: 'GET', url: '/api/projects/not-a-uuid' })).statusCode).toBe(400);
  });
});
