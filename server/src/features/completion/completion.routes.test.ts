import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildAssignment, buildModule, buildPerson, buildProgrammeTree, buildScheduleSession, buildUser, buildVenue, TEST_PASSWORD } from '../../../test/factories.ts';
import { attendanceMarks, auditLog, grades, projectMembers, projects, submissions } from '../../db/schema/index.ts';
import { evaluateCompletion } from './completion.service.ts';

const clock = { now: () => new Date('2025-07-01T09:00:00Z') };
let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let streamId: string;
let staff: TestAgent;
let participant: TestAgent;
const p = {} as Record<'good' | 'absent' | 'failed' | 'noProject', { id: string }>;

beforeAll(async () => {
  t = await buildTestApp({ clock });
  tree = await buildProgrammeTree(t.db);
  streamId = tree.streams[0]!.id;
  const scope = { organisationId: tree.organisation.id, programmeId: tree.programme.id };
  const venue = await buildVenue(t.db, tree.programme.id);
  const module = await buildModule(t.db, streamId, venue.id);
  const sessions = await Promise.all([7, 9, 11, 13, 15].map((h) => buildScheduleSession(t.db, module.id, { startsAt: new Date(`2025-06-02T${String(h).padStart(2, '0')}:00:00Z`), endsAt: new Date(`2025-06-02T${String(h + 1).padStart(2, '0')}:00:00Z`) })));
  const grader = await buildUser(t.db, { grants: [{ role: 'expert', ...scope }] });
  const required = await buildAssignment(t.db, module);
  await buildAssignment(t.db, module, { isRequired: false, titleRu: 'Необязательное' });
  for (const key of ['good', 'absent', 'failed', 'noProject'] as const) p[key] = await buildPerson(t.db, { lastName: key, streamIds: [streamId] });
  // Attendance: everyone at all five sessions but `absent`, who came to two (40 % < 80 %).
  await t.db.insert(attendanceMarks).values(
    Object.entries(p).flatMap(([key, person]) => sessions.map((s, i) => ({ sessionId: s.id, personId: person.id, status: key === 'absent' && i > 1 ? 'absent' : 'present', source: 'sheet', markedAt: s.startsAt }))),
  );
  for (const [key, person] of Object.entries(p)) {
    const [sub] = await t.db.insert(submissions).values({ assignmentId: required.id, ownerKey: `person:${person.id}`, personId: person.id, latestVersion: 1, graderUserId: grader.id }).returning();
    const score = key === 'failed' ? 40 : 90;
    await t.db.insert(grades).values({ submissionId: sub!.id, version: 1, graderUserId: grader.id, levels: {}, score, isPassed: score >= 60, gradedAt: clock.now(), releasedAt: clock.now() });
  }
  const [project] = await t.db.insert(projects).values({ streamId, title: 'Умный город', defenceResult: 'passed' }).returning();
  await t.db.insert(projectMembers).values(['good', 'absent', 'failed'].map((k) => ({ projectId: project!.id, personId: p[k as 'good'].id, streamId })));
  staff = await signIn(t.app, (await buildUser(t.db, { grants: [{ role: 'staff', ...scope }] })).email, TEST_PASSWORD);
  participant = await signIn(t.app, (await buildUser(t.db, { personId: p.absent.id, grants: [{ role: 'participant', ...scope, streamId }] })).email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

describe('completion rules', () => {
  it('makes eligible exactly those who meet every rule, and says what the others miss', async () => {
    const { items } = await evaluateCompletion(t.db, streamId, { now: clock.now() });
    const byId = new Map(items.map((i) => [i.personId, i]));
    expect(byId.get(p.good.id)).toMatchObject({ isEligible: true, missing: [], attendancePct: 100, assignmentsPassed: 1, assignmentsRequired: 1, projectResult: 'passed' });
    expect(byId.get(p.absent.id)).toMatchObject({ isEligible: false, missing: [{ kind: 'attendance', pct: 40, thresholdPct: 80 }] });
    expect(byId.get(p.failed.id)!.missing).toEqual([expect.objectContaining({ kind: 'assignment', status: 'failed' })]);
    expect(byId.get(p.noProject.id)!.missing).toEqual([{ kind: 'project', status: 'no_project', title: null }]);
  });

  it('lets staff switch a rule off for the programme', async () => {
    const off = await staff.request({ method: 'PUT', url: `/api/programmes/${tree.programme.id}/completion-rules`, payload: { isProjectRequired: false } });
    expect(off.json()).toMatchObject({ isAttendanceRequired: true, isAssignmentsRequired: true, isProjectRequired: false, thresholdPct: 80 });
    const progress = await staff.request({ method: 'GET', url: `/api/streams/${streamId}/progress?filter=eligible` });
    expect(progress.json().items.map((i: { personId: string }) => i.personId).sort()).toEqual([p.good.id, p.noProject.id].sort());
    await staff.request({ method: 'PUT', url: `/api/programmes/${tree.programme.id}/completion-rules`, payload: { isProjectRequired: true } });
  });

  it('filters the stream by what is missing', async () => {
    const response = await staff.request({ method: 'GET', url: `/api/streams/${streamId}/progress?filter=missing_attendance` });
    expect(response.json()).toMatchObject({ total: 1, counts: { total: 4, eligible: 1 }, items: [{ personId: p.absent.id }] });
  });

  it('records an exception with its reason, which makes the person eligible until revoked', async () => {
    const url = `/api/streams/${streamId}/participants/${p.absent.id}/completion-exception`;
    expect((await staff.request({ method: 'PUT', url, payload: { reason: 'ab' } })).statusCode).toBe(400);
    expect((await staff.request({ method: 'PUT', url, payload: { reason: 'Болезнь, справка от 12.03.2025' } })).statusCode).toBe(200);
    expect((await staff.request({ method: 'PUT', url, payload: { reason: 'Ещё раз' } })).statusCode).toBe(409);
    const mine = (await participant.request({ method: 'GET', url: '/api/me/progress' })).json();
    expect(mine.items[0]).toMatchObject({ isEligible: true, exception: { reason: 'Болезнь, справка от 12.03.2025' }, missing: [{ kind: 'attendance' }] });
    const audit = await t.db.select().from(auditLog);
    expect(audit.some((a) => a.action === 'completion.exception_grant' && a.entityId === p.absent.id)).toBe(true);
    expect((await staff.request({ method: 'DELETE', url })).statusCode).toBe(200);
    expect((await participant.request({ method: 'GET', url: '/api/me/progress' })).json().items[0]).toMatchObject({ isEligible: false, exception: null });
  });

  it('keeps the stream’s progress and exceptions from participants', async () => {
    expect((await participant.request({ method: 'GET', url: `/api/streams/${streamId}/progress` })).statusCode).toBe(403);
    const grant = await participant.request({ method: 'PUT', url: `/api/streams/${streamId}/participants/${p.absent.id}/completion-exception`, payload: { reason: 'Сам себе исключение' } });
    expect(grant.statusCode).toBe(403);
  });
});
