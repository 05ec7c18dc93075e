import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { attendanceMarks, checkInRefusals } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildModule, buildPerson, buildProgrammeTree, buildScheduleSession, buildUser, buildVenue, TEST_PASSWORD } from '../../../test/factories.ts';

/** A clock the test moves: QR codes and check-in windows depend on "now". */
let now = new Date('2025-06-02T07:05:00Z');
const clock = { now: () => now };
let t: TestApp;
let staff: TestAgent;
let alice: TestAgent;
let bob: TestAgent;
let outsider: TestAgent;
let sessionId: string;
let otherStreamSessionId: string;
let aliceId: string;
let bobId: string;
const emails: Record<'staff' | 'alice' | 'bob' | 'outsider', string> = { staff: '', alice: '', bob: '', outsider: '' };

/** Moves the clock; a jump of hours ends sign-in sessions, so everyone signs in again. */
async function moveTo(iso: string): Promise<void> {
  now = new Date(iso);
  const agent = (email: string) => signIn(t.app, email, TEST_PASSWORD);
  [staff, alice, bob, outsider] = await Promise.all([agent(emails.staff), agent(emails.alice), agent(emails.bob), agent(emails.outsider)]);
}

async function qr(id = sessionId): Promise<string> {
  const response = await staff.request({ method: 'GET', url: `/api/sessions/${id}/qr` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().token as string;
}

beforeAll(async () => {
  t = await buildTestApp({ clock });
  const tree = await buildProgrammeTree(t.db);
  const [s3, s4] = tree.streams;
  const staffUser = await buildUser(t.db, { grants: [{ role: 'staff', organisationId: tree.organisation.id, programmeId: tree.programme.id }] });
  staff = await signIn(t.app, staffUser.email, TEST_PASSWORD);
  const participantOf = async (streamId: string) => {
    const person = await buildPerson(t.db, { streamIds: [streamId] });
    const user = await buildUser(t.db, { personId: person.id, grants: [{ role: 'participant', organisationId: tree.organisation.id, programmeId: tree.programme.id, streamId }] });
    return { person, email: user.email, agent: await signIn(t.app, user.email, TEST_PASSWORD) };
  };
  const a = await participantOf(s3!.id);
  const b = await participantOf(s3!.id);
  const c = await participantOf(s4!.id);
  [alice, bob, outsider, aliceId, bobId] = [a.agent, b.agent, c.agent, a.person.id, b.person.id];
  Object.assign(emails, { staff: staffUser.email, alice: a.email, bob: b.email, outsider: c.email });
  const venue = await buildVenue(t.db, tree.programme.id);
  const module3 = await buildModule(t.db, s3!.id, venue.id);
  const module4 = await buildModule(t.db, s4!.id, venue.id);
  sessionId = (await buildScheduleSession(t.db, module3.id)).id;
  otherStreamSessionId = (await buildScheduleSession(t.db, module4.id)).id;
});
afterAll(async () => t?.close());

describe('QR check-in', () => {
  it('checks a participant in once; a second scan changes nothing', async () => {
    const token = await qr();
    const first = await alice.request({ method: 'POST', url: '/api/check-ins', payload: { token } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ sessionId, status: 'present', wasAlreadyCheckedIn: false });
    const again = await alice.request({ method: 'POST', url: '/api/check-ins', payload: { token } });
    expect(again.json()).toMatchObject({ wasAlreadyCheckedIn: true });
    const rows = await t.db.select().from(attendanceMarks).where(eq(attendanceMarks.sessionId, sessionId));
    expect(rows).toHaveLength(1);
    const audits = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'attendance.check_in' and entity_id = ${sessionId}`);
    expect(audits.rows[0]!.n).toBe(1);
  });

  it('refuses an expired code with a clear reason and logs it', async () => {
    const token = await qr();
    now = new Date(now.getTime() + 60_000);
    const response = await bob.request({ method: 'POST', url: '/api/check-ins', payload: { token } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ reason: 'expired', errors: [{ path: 'body.token', message: expect.stringContaining('30 секунд') }] });
    const [logged] = await t.db.select().from(checkInRefusals).where(eq(checkInRefusals.personId, bobId));
    expect(logged).toMatchObject({ reason: 'expired', sessionId });
  });

  it('refuses a forged code', async () => {
    const token = (await qr()).replace(/.{4}$/, 'AAAA');
    const response = await bob.request({ method: 'POST', url: '/api/check-ins', payload: { token } });
    expect(response.json()).toMatchObject({ reason: 'forged' });
  });

  it('refuses a code of a session in a stream the person is not enrolled in', async () => {
    const response = await outsider.request({ method: 'POST', url: '/api/check-ins', payload: { token: await qr() } });
    expect(response.json()).toMatchObject({ reason: 'wrong_stream' });
    expect(await outsider.request({ method: 'POST', url: '/api/check-ins', payload: { token: await qr(otherStreamSessionId) } }).then((r) => r.statusCode)).toBe(200);
  });

  it('refuses a check-in outside the session time and its grace period, and marks a late arrival late', async () => {
    await moveTo('2025-06-02T07:25:00Z');
    const late = await bob.request({ method: 'POST', url: '/api/check-ins', payload: { token: await qr() } });
    expect(late.json()).toMatchObject({ status: 'late' });
    await moveTo('2025-06-02T09:00:00Z');
    const closed = await alice.request({ method: 'POST', url: '/api/check-ins', payload: { token: await qr() } });
    expect(closed.json()).toMatchObject({ reason: 'outside_window' });
    const refusals = await staff.request({ method: 'GET', url: `/api/sessions/${sessionId}/check-in-refusals` });
    expect(refusals.json().items.map((r: { reason: string }) => r.reason).sort()).toEqual(['expired', 'outside_window', 'wrong_stream']); // a forged code names no session it could be listed under
  });

  it('does not hand the code to a participant', async () => {
    expect((await alice.request({ method: 'GET', url: `/api/sessions/${sessionId}/qr` })).statusCode).toBe(403);
  });
});

describe('roll-call sheet and offline sync', () => {
  it('applies a batch once: syncing it twice changes nothing, the latest mark wins', async () => {
    const session = await buildScheduleSession(t.db, (await t.db.execute<{ module_id: string }>(sql`select module_id from schedule_sessions where id = ${sessionId}`)).rows[0]!.module_id, {
      startsAt: new Date('2025-06-03T07:00:00Z'),
      endsAt: new Date('2025-06-03T08:00:00Z'),
    });
    await moveTo('2025-06-03T09:00:00Z');
    const batch = {
      marks: [
        { clientMarkId: 'device1:0001', personId: aliceId, status: 'absent', markedAt: '2025-06-03T07:01:00Z' },
        { clientMarkId: 'device1:0002', personId: aliceId, status: 'late', markedAt: '2025-06-03T07:20:00Z' },
        { clientMarkId: 'device1:0003', personId: bobId, status: 'excused', markedAt: '2025-06-03T07:02:00Z' },
      ],
    };
    const first = await staff.request({ method: 'POST', url: `/api/sessions/${session.id}/marks`, payload: batch });
    expect(first.json()).toEqual({ applied: 2, unchanged: 1, rejected: [] });
    const second = await staff.request({ method: 'POST', url: `/api/sessions/${session.id}/marks`, payload: batch });
    expect(second.json()).toMatchObject({ applied: 0, rejected: [] });
    const sheet = await staff.request({ method: 'GET', url: `/api/sessions/${session.id}/marks` });
    const byPerson = Object.fromEntries(sheet.json().items.map((i: { personId: string; status: string }) => [i.personId, i.status]));
    expect(byPerson[aliceId]).toBe('late');
    expect(byPerson[bobId]).toBe('excused');
  });

  it('rejects a mark for someone outside the stream and keeps the rest', async () => {
    const stranger = await buildPerson(t.db);
    const response = await staff.request({ method: 'POST', url: `/api/sessions/${sessionId}/marks`, payload: { marks: [{ clientMarkId: 'device2:0001', personId: stranger.id, status: 'present', markedAt: '2025-06-02T07:10:00Z' }] } });
    expect(response.json().rejected).toEqual([{ clientMarkId: 'device2:0001', path: 'body.marks.0.personId', message: 'Человек не зачислен в поток этого занятия' }]);
  });
});

describe('percentages, CSV and the at-risk list', () => {
  it('counts present and late as attended, leaves excused out, and lists who is under the threshold', async () => {
    await moveTo('2025-06-10T00:00:00Z');
    const streamId = (await t.db.execute<{ stream_id: string }>(sql`select m.stream_id from schedule_sessions s join schedule_modules m on m.id = s.module_id where s.id = ${sessionId}`)).rows[0]!.stream_id;
    const report = await staff.request({ method: 'GET', url: `/api/streams/${streamId}/attendance` });
    expect(report.statusCode, report.body).toBe(200);
    const body = report.json();
    const alice1 = body.participants.find((p: { personId: string }) => p.personId === aliceId);
    const bob1 = body.participants.find((p: { personId: string }) => p.personId === bobId);
    expect(alice1).toMatchObject({ attended: 2, pct: 100, isAtRisk: false });
    expect(bob1).toMatchObject({ attended: 1, excused: 1, pct: 100 });
    expect(body.thresholdPct).toBe(80);

    const csv = await staff.request({ method: 'GET', url: `/api/streams/${streamId}/attendance/export` });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('session_id;session_starts_at');
    const text = csv.body.replace(/^\uFEFF/, '').replace(`${aliceId};`, `${aliceId};`).replaceAll(';late;', ';absent;');
    const dry = await staff.request({ method: 'POST', url: `/api/streams/${streamId}/attendance/import`, payload: { csv: text } });
    expect(dry.json()).toMatchObject({ isDryRun: true, applied: 0, errors: [] });
    const bad = await staff.request({ method: 'POST', url: `/api/streams/${streamId}/attendance/import`, payload: { csv: 'session_id;person_id;status;marked_at\nx;y;maybe;never\n', isDryRun: true } });
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['session_id', 'person_id', 'status', 'marked_at']);
  });
});
