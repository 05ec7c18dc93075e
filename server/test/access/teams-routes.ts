import crypto from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';
import { enrolments, improvements, projectDocuments, projectGuests, projectMembers, projectMilestones } from '../../src/db/schema/index.ts';
import { findTeamOfPerson } from '../../src/features/teams/teams.membership.ts';
import { buildMunicipality, buildPerson, buildProject, buildTeam, enrol } from '../factories.ts';
import type { AccessFixture } from './fixture.ts';
import type { RouteCase } from './route-table.ts';

const STAFF = ['staff', 'admin'] as const;
/** Who belongs to stream A3: its participant (pSam), the programme's expert and coordinator, staff. */
const IN_A3 = ['participant', 'expert', 'coordinator', 'staff', 'admin'] as const;
/** pSam's project, supervised by the fixture expert: its member, supervisor and staff edit it. */
const PROJECT_EDITORS = ['participant', 'expert', 'staff', 'admin'] as const;
const uid = () => crypto.randomBytes(4).toString('hex');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/** pSam's team in A3 (pSam and pIrk, tutored by the fixture expert), created once. */
async function samTeam(fx: AccessFixture, db: Database): Promise<string> {
  const found = await findTeamOfPerson(db, fx.a.a3.id, fx.people.pSam.id);
  if (found) return found.teamId;
  const irk = await findTeamOfPerson(db, fx.a.a3.id, fx.people.pIrk.id);
  return (await buildTeam(db, fx.a.a3.id, { name: `Волга ${uid()}`, personIds: irk ? [fx.people.pSam.id] : [fx.people.pSam.id, fx.people.pIrk.id], tutorUserId: fx.users.expert.id })).id;
}

/** pSam's project in A3 (supervised and judged by the fixture expert), created once. */
async function samProject(fx: AccessFixture, db: Database): Promise<string> {
  const [row] = await db.select({ id: projectMembers.projectId }).from(projectMembers).where(and(eq(projectMembers.streamId, fx.a.a3.id), eq(projectMembers.personId, fx.people.pSam.id)));
  if (row) return row.id;
  return (await buildProject(db, fx.a.a3.id, { personIds: [fx.people.pSam.id], supervisorUserId: fx.users.expert.id, panelUserIds: [fx.users.expert.id] })).id;
}

/** The alumnus' project in A4, created once. */
async function alumnusProject(fx: AccessFixture, db: Database): Promise<string> {
  const [row] = await db.select({ id: projectMembers.projectId }).from(projectMembers).where(and(eq(projectMembers.streamId, fx.a.a4.id), eq(projectMembers.personId, fx.people.pAlumnus.id)));
  if (row) return row.id;
  return (await buildProject(db, fx.a.a4.id, { personIds: [fx.people.pAlumnus.id] })).id;
}

async function samImprovement(fx: AccessFixture, db: Database): Promise<string> {
  const municipality = await buildMunicipality(db, 'RU-SAM', { name: `Город ${uid()}` });
  const [row] = await db
    .insert(improvements)
    .values({ streamId: fx.a.a3.id, area: 'roads', municipalityId: municipality.id, personId: fx.people.pSam.id, createdByUserId: fx.users.participant.id, problem: 'Ямы', proposal: 'Ремонт', expectedEffect: 'Ровные дороги' })
    .returning({ id: improvements.id });
  return row!.id;
}

/** Teams, improvements and final projects (issue 5, items 1, 3, 4). */
export const TEAMS_ROUTE_CASES: RouteCase[] = [
  { key: 'GET /api/streams/{id}/teams', allowed: IN_A3, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/teams` }) },
  { key: 'POST /api/streams/{id}/teams/preview', allowed: STAFF, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/teams/preview`, body: { seed: 1 } }) },
  {
    key: 'POST /api/streams/{id}/teams/commit',
    allowed: STAFF,
    build: async (fx, db) => {
      const rows = await db.select({ personId: enrolments.personId }).from(enrolments).where(and(eq(enrolments.streamId, fx.a.a4.id), ne(enrolments.status, 'withdrawn')));
      return { url: `/api/streams/${fx.a.a4.id}/teams/commit`, body: { seed: 1, teams: [{ name: 'Команда 1', personIds: rows.map((r) => r.personId) }] } };
    },
  },
  { key: 'GET /api/streams/{id}/tutors', allowed: STAFF, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/tutors` }) },
  { key: 'GET /api/teams/{id}', allowed: IN_A3, build: async (fx, db) => ({ url: `/api/teams/${await samTeam(fx, db)}` }) },
  { key: 'PATCH /api/teams/{id}', allowed: STAFF, build: async (fx, db) => ({ url: `/api/teams/${await samTeam(fx, db)}`, body: { name: `Волга ${uid()}` } }) },
  {
    key: 'POST /api/teams/{id}/members',
    allowed: STAFF,
    build: async (fx, db) => {
      const person = await buildPerson(db, { regionCode: 'RU-KLU' });
      await enrol(db, person.id, fx.a.a3.id);
      return { url: `/api/teams/${await samTeam(fx, db)}/members`, body: { personId: person.id } };
    },
  },
  { key: 'GET /api/me/teams', allowed: 'signed-in', build: async () => ({ url: '/api/me/teams' }) },

  { key: 'GET /api/streams/{id}/improvements', allowed: IN_A3, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/improvements?area=roads` }) },
  { key: 'GET /api/streams/{id}/improvements.csv', allowed: IN_A3, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/improvements.csv` }) },
  { key: 'GET /api/streams/{id}/improvements/coverage', allowed: IN_A3, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/improvements/coverage` }) },
  {
    key: 'POST /api/streams/{id}/improvements',
    allowed: ['participant', 'staff', 'admin'],
    build: async (fx, db) => {
      const municipality = await buildMunicipality(db, 'RU-SAM', { name: `Село ${uid()}` });
      return { url: `/api/streams/${fx.a.a3.id}/improvements`, body: { area: 'tourism', municipalityId: municipality.id, problem: 'Нет маршрутов', proposal: 'Эко-тропа', expectedEffect: '+20% туристов' } };
    },
  },
  { key: 'PATCH /api/improvements/{id}', allowed: ['participant', 'staff', 'admin'], build: async (fx, db) => ({ url: `/api/improvements/${await samImprovement(fx, db)}`, body: { proposal: 'Ремонт по графику' } }) },
  { key: 'DELETE /api/improvements/{id}', allowed: ['participant', 'staff', 'admin'], build: async (fx, db) => ({ url: `/api/improvements/${await samImprovement(fx, db)}` }) },

  { key: 'GET /api/streams/{id}/projects', allowed: IN_A3, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/projects` }) },
  {
    key: 'POST /api/streams/{id}/projects',
    allowed: STAFF,
    build: async (fx, db) => {
      const person = await buildPerson(db, { regionCode: 'RU-KLU' });
      await enrol(db, person.id, fx.a.a3.id);
      return { url: `/api/streams/${fx.a.a3.id}/projects`, body: { title: 'Умный двор', areas: ['urban'], personIds: [person.id] } };
    },
  },
  { key: 'GET /api/me/projects', allowed: 'signed-in', build: async () => ({ url: '/api/me/projects' }) },
  { key: 'GET /api/projects/{id}', allowed: IN_A3, build: async (fx, db) => ({ url: `/api/projects/${await samProject(fx, db)}` }) },
  { key: 'PATCH /api/projects/{id}', allowed: PROJECT_EDITORS, build: async (fx, db) => ({ url: `/api/projects/${await samProject(fx, db)}`, body: { summary: 'Дворы, которые выбирают жители' } }) },
  { key: 'PUT /api/projects/{id}/members', allowed: STAFF, build: async (fx, db) => ({ url: `/api/projects/${await samProject(fx, db)}/members`, body: { personIds: [fx.people.pSam.id] } }) },
  { key: 'POST /api/projects/{id}/guests', allowed: PROJECT_EDITORS, build: async (fx, db) => ({ url: `/api/projects/${await samProject(fx, db)}/guests`, body: { fullName: 'Сидоров Олег', position: 'Зам. главы' } }) },
  {
    key: 'DELETE /api/projects/{id}/guests/{childId}',
    allowed: PROJECT_EDITORS,
    build: async (fx, db) => {
      const projectId = await samProject(fx, db);
      const [guest] = await db.insert(projectGuests).values({ projectId, fullName: 'Гость' }).returning();
      return { url: `/api/projects/${projectId}/guests/${guest!.id}` };
    },
  },
  { key: 'POST /api/projects/{id}/milestones', allowed: PROJECT_EDITORS, build: async (fx, db) => ({ url: `/api/projects/${await samProject(fx, db)}/milestones`, body: { title: 'Паспорт', dueOn: '2025-03-01' } }) },
  {
    key: 'PATCH /api/projects/{id}/milestones/{childId}',
    allowed: PROJECT_EDITORS,
    build: async (fx, db) => {
      const projectId = await samProject(fx, db);
      const [milestone] = await db.insert(projectMilestones).values({ projectId, title: 'Этап', dueOn: '2025-04-01' }).returning();
      return { url: `/api/projects/${projectId}/milestones/${milestone!.id}`, body: { isDone: true } };
    },
  },
  { key: 'POST /api/projects/{id}/documents', allowed: PROJECT_EDITORS, build: async (fx, db) => ({ url: `/api/projects/${await samProject(fx, db)}/documents`, multipart: { fileName: 'project.pdf', bytes: PDF } }) },
  {
    key: 'GET /api/projects/{id}/documents/{childId}',
    allowed: IN_A3,
    build: async (fx, db) => {
      const projectId = await samProject(fx, db);
      const [doc] = await db.insert(projectDocuments).values({ projectId, fileName: 'p.pdf', kind: 'pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: 'x', content: PDF }).returning();
      return { url: `/api/projects/${projectId}/documents/${doc!.id}` };
    },
  },
  { key: 'PUT /api/projects/{id}/panel', allowed: STAFF, build: async (fx, db) => ({ url: `/api/projects/${await samProject(fx, db)}/panel`, body: { userIds: [fx.users.expert.id] } }) },
  { key: 'PUT /api/projects/{id}/scores', allowed: ['expert'], build: async (fx, db) => ({ url: `/api/projects/${await samProject(fx, db)}/scores`, body: { scores: [{ criterion: 'impact', score: 8 }] } }) },
  { key: 'POST /api/projects/{id}/result', allowed: STAFF, build: async (fx, db) => ({ url: `/api/projects/${await samProject(fx, db)}/result`, body: { result: 'passed' } }) },
  { key: 'POST /api/projects/{id}/implementation', allowed: ['alumnus', 'staff', 'admin'], build: async (fx, db) => ({ url: `/api/projects/${await alumnusProject(fx, db)}/implementation`, body: { status: 'in_progress' } }) },
];

