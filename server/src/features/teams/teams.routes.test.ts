import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildPerson, buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { ensureReferenceData } from '../reference/reference.repo.ts';

const REGIONS = ['RU-SAM', 'RU-IRK', 'RU-MOW', 'RU-KLU', 'RU-ARK', 'RU-NGR', 'RU-MOS', 'RU-KHM', 'RU-CE', 'RU-SA', 'RU-PER', 'RU-TA'];

let t: TestApp;
let staff: TestAgent;
let samara: TestAgent;
let samaraPersonId: string;
let coordinator: TestAgent;
let expertId: string;
let participantUserId: string;
let streamId: string;
let otherStreamId: string;
let otherStreamPersonId: string;
const personIds: string[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  await ensureReferenceData(t.db);
  const tree = await buildProgrammeTree(t.db);
  const other = await buildProgrammeTree(t.db);
  streamId = tree.streams[0]!.id;
  otherStreamId = other.streams[0]!.id;
  const scope = { organisationId: tree.organisation.id, programmeId: tree.programme.id };
  for (let i = 0; i < 26; i++) {
    const person = await buildPerson(t.db, { regionCode: REGIONS[i % REGIONS.length], birthDate: `${1965 + (i % 30)}-05-01`, lastName: `Участник${i}`, streamIds: [streamId] });
    personIds.push(person.id);
  }
  samaraPersonId = personIds[0]!;
  otherStreamPersonId = (await buildPerson(t.db, { regionCode: 'RU-SAM', streamIds: [otherStreamId] })).id;
  const staffUser = await buildUser(t.db, { grants: [{ role: 'staff', ...scope }] });
  const samaraUser = await buildUser(t.db, { personId: samaraPersonId, grants: [{ role: 'participant', ...scope, streamId }] });
  const coordinatorUser = await buildUser(t.db, { grants: [{ role: 'coordinator', ...scope, regionCode: 'RU-IRK' }] });
  const expert = await buildUser(t.db, { displayName: 'Эксперт Тьютор', grants: [{ role: 'expert', ...scope }] });
  expertId = expert.id;
  participantUserId = samaraUser.id;
  [staff, samara, coordinator] = (await Promise.all([staffUser, samaraUser, coordinatorUser].map((u) => signIn(t.app, u.email, TEST_PASSWORD)))) as [TestAgent, TestAgent, TestAgent];
});
afterAll(async () => t?.close());

async function preview(seed = 7) {
  const response = await staff.request({ method: 'POST', url: `/api/streams/${streamId}/teams/preview`, payload: { seed } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { teams: { name: string; members: { personId: string }[]; regionClashes: number }[]; diversity: { score: number; randomScore: number; percentile: number; regionClashes: number; minimumRegionClashes: number } };
}

describe('team generation', () => {
  it('previews teams of 5–8 with everyone placed once, no avoidable region clash, and a score above random splits', async () => {
    const body = await preview();
    const placed = body.teams.flatMap((team) => team.members.map((m) => m.personId));
    expect(placed.sort()).toEqual([...personIds].sort());
    for (const team of body.teams) expect(team.members.length).toBeGreaterThanOrEqual(5);
    for (const team of body.teams) expect(team.members.length).toBeLessThanOrEqual(8);
    expect(body.diversity.regionClashes).toBe(body.diversity.minimumRegionClashes);
    expect(body.diversity.score).toBeGreaterThan(body.diversity.randomScore);
  });

  it('gives the same preview for the same seed and saves nothing', async () => {
    expect((await preview(11)).teams).toEqual((await preview(11)).teams);
    const list = await staff.request({ method: 'GET', url: `/api/streams/${streamId}/teams` });
    expect(list.json().items).toEqual([]);
    expect(list.json().unassigned).toHaveLength(personIds.length);
  });

  it('refuses a commit that leaves someone out, places someone twice or names an outsider', async () => {
    const { teams } = await preview();
    const split = teams.map((team) => ({ name: team.name, personIds: team.members.map((m) => m.personId) }));
    const missing = split.map((team, i) => (i === 0 ? { ...team, personIds: team.personIds.slice(1) } : team));
    const response = await staff.request({ method: 'POST', url: `/api/streams/${streamId}/teams/commit`, payload: { seed: 7, teams: missing } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.teams');
    const twice = split.map((team, i) => (i === 1 ? { ...team, personIds: [...team.personIds, split[0]!.personIds[0]!] } : team));
    const outsider = split.map((team, i) => (i === 0 ? { ...team, personIds: [...team.personIds, otherStreamPersonId] } : team));
    for (const teamsBody of [twice, outsider]) {
      const refused = await staff.request({ method: 'POST', url: `/api/streams/${streamId}/teams/commit`, payload: { seed: 7, teams: teamsBody } });
      expect(refused.statusCode, refused.body).toBe(400);
    }
  });

  it('refuses wrong types and hostile names', async () => {
    const wrong = await staff.request({ method: 'POST', url: `/api/streams/${streamId}/teams/preview`, payload: { seed: 'seven' } });
    expect(wrong.statusCode).toBe(400);
    const nul = await staff.request({ method: 'POST', url: `/api/streams/${streamId}/teams/commit`, payload: { seed: 1, teams: [{ name: 'A\u0000B', personIds }] } });
    expect(nul.statusCode).toBe(400);
    const bounds = await staff.request({ method: 'POST', url: `/api/streams/${streamId}/teams/preview`, payload: { seed: 1, minSize: 9, maxSize: 5 } });
    expect(bounds.statusCode).toBe(400);
  });

  it('lets only staff generate; a foreign stream answers 404', async () => {
    const participant = await samara.request({ method: 'POST', url: `/api/streams/${streamId}/teams/preview`, payload: { seed: 1 } });
    expect(participant.statusCode).toBe(403);
    const foreign = await samara.request({ method: 'GET', url: `/api/streams/${otherStreamId}/teams` });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('committed teams', () => {
  let teamIds: string[] = [];
  let myTeamId = '';

  beforeAll(async () => {
    const { teams } = await preview(3);
    const response = await staff.request({
      method: 'POST',
      url: `/api/streams/${streamId}/teams/commit`,
      payload: { seed: 3, teams: teams.map((team) => ({ name: team.name, personIds: team.members.map((m) => m.personId) })) },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.diversity.score).toBeGreaterThan(0);
    teamIds = body.items.map((team: { id: string }) => team.id);
    myTeamId = body.items.find((team: { members: { personId: string }[] }) => team.members.some((m) => m.personId === samaraPersonId)).id;
  });

  it('shows a participant only their own team, and 404 for another team', async () => {
    const list = await samara.request({ method: 'GET', url: `/api/streams/${streamId}/teams` });
    expect(list.json().items.map((team: { id: string }) => team.id)).toEqual([myTeamId]);
    expect(list.json().unassigned).toEqual([]);
    expect(list.json().diversity).toBeNull();
    const otherTeam = teamIds.find((id) => id !== myTeamId)!;
    expect((await samara.request({ method: 'GET', url: `/api/teams/${otherTeam}` })).statusCode).toBe(404);
    const own = await samara.request({ method: 'GET', url: `/api/teams/${myTeamId}` });
    expect(own.statusCode).toBe(200);
    expect(own.json().members.every((m: { age: number | null }) => m.age === null)).toBe(true);
    const mine = await samara.request({ method: 'GET', url: '/api/me/teams' });
    expect(mine.json().items).toEqual([expect.objectContaining({ teamId: myTeamId, streamId })]);
  });

  it('shows a coordinator the teams with members from their region', async () => {
    const list = await coordinator.request({ method: 'GET', url: `/api/streams/${streamId}/teams` });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { members: { regionCode: string }[] }[];
    expect(items.length).toBeGreaterThan(0);
    for (const team of items) expect(team.members.some((m) => m.regionCode === 'RU-IRK')).toBe(true);
  });

  it('renames a team and sets an expert as tutor, but refuses a participant as tutor', async () => {
    const renamed = await staff.request({ method: 'PATCH', url: `/api/teams/${myTeamId}`, payload: { name: 'Волга <b>', tutorUserId: expertId } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Волга <b>', tutorUserId: expertId, tutorName: 'Эксперт Тьютор' });
    const refused = await staff.request({ method: 'PATCH', url: `/api/teams/${myTeamId}`, payload: { tutorUserId: participantUserId } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('body.tutorUserId');
    const byParticipant = await samara.request({ method: 'PATCH', url: `/api/teams/${myTeamId}`, payload: { name: 'Наша' } });
    expect(byParticipant.statusCode).toBe(403);
  });

  it('moves a participant to another team by hand', async () => {
    const target = teamIds.find((id) => id !== myTeamId)!;
    const moved = await staff.request({ method: 'POST', url: `/api/teams/${target}/members`, payload: { personId: samaraPersonId } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().members.map((m: { personId: string }) => m.personId)).toContain(samaraPersonId);
    expect((await samara.request({ method: 'GET', url: `/api/teams/${myTeamId}` })).statusCode).toBe(404);
    const outsider = await staff.request({ method: 'POST', url: `/api/teams/${target}/members`, payload: { personId: otherStreamPersonId } });
    expect(outsider.statusCode).toBe(400);
  });
});
