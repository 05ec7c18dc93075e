import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildModule, buildPerson, buildProgrammeTree, buildScheduleSession, buildUser, buildVenue, enrol, TEST_PASSWORD } from '../../../test/factories.ts';
import { auditLog } from '../../db/schema/index.ts';
import { ensureReferenceData } from '../reference/reference.repo.ts';

let t: TestApp;
let staff: TestAgent;
let participant: TestAgent;
let moduleId: string;
let factory: string;
let school: string;
let lecture: string;
const personIds: string[] = [];
let stranger: string;

const at = (h: number) => new Date(Date.UTC(2025, 1, 11, h));
type Attendees = { items: Array<{ personId: string; personName: string }>; capacity: number | null };

beforeAll(async () => {
  t = await buildTestApp();
  await ensureReferenceData(t.db);
  const tree = await buildProgrammeTree(t.db);
  const stream = tree.streams[0]!;
  const venue = await buildVenue(t.db, tree.programme.id);
  moduleId = (await buildModule(t.db, stream.id, venue.id, { startsOn: '2025-02-10', endsOn: '2025-02-14' })).id;
  factory = (await buildScheduleSession(t.db, moduleId, { kind: 'site_visit', titleRu: 'Завод', capacity: 4, startsAt: at(6), endsAt: at(9) })).id;
  school = (await buildScheduleSession(t.db, moduleId, { kind: 'site_visit', titleRu: 'Школа', capacity: 8, startsAt: at(6), endsAt: at(9) })).id;
  lecture = (await buildScheduleSession(t.db, moduleId, { kind: 'lecture', startsAt: at(11), endsAt: at(12) })).id;
  for (let i = 0; i < 9; i += 1) {
    const person = await buildPerson(t.db, { lastName: `Участник${i}`, regionCode: i % 2 ? 'RU-PER' : 'RU-SAM' });
    await enrol(t.db, person.id, stream.id);
    personIds.push(person.id);
  }
  stranger = (await buildPerson(t.db, { lastName: 'Чужой' })).id;
  staff = await signIn(t.app, (await buildUser(t.db, { grants: [{ role: 'staff', programmeId: tree.programme.id }] })).email, TEST_PASSWORD);
  participant = await signIn(t.app, (await buildUser(t.db, { personId: personIds[0] })).email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

const attendees = async (sessionId: string) => (await staff.request({ method: 'GET', url: `/api/sessions/${sessionId}/site-visit-attendees` })).json() as Attendees;

describe('site visit groups', () => {
  it('splits the stream across parallel visits by capacity, each person on one visit', async () => {
    const response = await staff.request({ method: 'POST', url: `/api/modules/${moduleId}/site-visits/distribute` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ groups: [{ unplaced: 0 }] });
    const [a, b] = [await attendees(factory), await attendees(school)];
    expect(a.items.length + b.items.length).toBe(9);
    expect(a.items.length).toBeLessThanOrEqual(4);
    expect(new Set([...a.items, ...b.items].map((i) => i.personId)).size).toBe(9);
  });

  it('moves people to a visit and takes them off the parallel one', async () => {
    const chosen = personIds.slice(0, 3);
    const response = await staff.request({ method: 'PUT', url: `/api/sessions/${factory}/site-visit-attendees`, payload: { personIds: chosen } });
    expect(response.statusCode).toBe(200);
    expect((response.json() as Attendees).items.map((i) => i.personId).sort()).toEqual([...chosen].sort());
    const others = (await attendees(school)).items.map((i) => i.personId);
    expect(others.some((id) => chosen.includes(id))).toBe(false);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'site_visit.assign'), eq(auditLog.entityId, factory)));
    expect(audit).toHaveLength(1);
  });

  it('shows the host view who goes on each visit', async () => {
    const view = (await staff.request({ method: 'GET', url: `/api/modules/${moduleId}/host-view` })).json() as { siteVisits: Array<{ session: { id: string }; expectedAttendees: number; attendees: unknown[] }> };
    const visit = view.siteVisits.find((v) => v.session.id === factory)!;
    expect(visit.attendees).toHaveLength(3);
    expect(visit.expectedAttendees).toBe(3);
  });

  it('refuses more people than the visit takes, someone outside the stream, and a lecture, changing nothing', async () => {
    const over = await staff.request({ method: 'PUT', url: `/api/sessions/${factory}/site-visit-attendees`, payload: { personIds: personIds.slice(0, 5) } });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0]).toMatchObject({ path: 'body.personIds' });
    const foreign = await staff.request({ method: 'PUT', url: `/api/sessions/${factory}/site-visit-attendees`, payload: { personIds: [personIds[0], stranger] } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0]).toMatchObject({ path: 'body.personIds.1' });
    const notVisit = await staff.request({ method: 'PUT', url: `/api/sessions/${lecture}/site-visit-attendees`, payload: { personIds: [] } });
    expect(notVisit.statusCode).toBe(400);
    expect((await attendees(factory)).items).toHaveLength(3);
  });

  it('keeps the names from a participant', async () => {
    expect((await participant.request({ method: 'GET', url: `/api/sessions/${factory}/site-visit-attendees` })).statusCode).toBe(403);
    expect((await participant.request({ method: 'PUT', url: `/api/sessions/${factory}/site-visit-attendees`, payload: { personIds: [] } })).statusCode).toBe(403);
  });
});
