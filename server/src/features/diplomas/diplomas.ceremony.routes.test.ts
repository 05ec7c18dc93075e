import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousAgent, buildTestApp, signIn, type TestAgent, type TestApp, signInWithRole } from '../../../test/app.ts';
import { buildModule, buildPerson, buildProgrammeTree, buildScheduleSession, buildUser, buildVenue, enrol, TEST_PASSWORD } from '../../../test/factories.ts';
import { waitForJob } from '../../../test/imports.ts';

let t: TestApp;
let staff: TestAgent;
let foreignStaff: TestAgent;
let participant: TestAgent;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let people: Array<{ id: string }>;
let sessions: { finalCeremony: string; earlyCeremony: string; lecture: string };

/** A new stream of the tree whose final module (6) has a ceremony at `startsAt`, with two eligible participants. */
async function streamWithCeremony(startsAt: Date) {
  const [stream] = await t.db.execute<{ id: string }>(sql`
    insert into streams (intake_id, number, name_ru, name_en, starts_on, ends_on)
    values (${tree.intake.id}, ${100 + Math.floor(Math.random() * 1_000_000)}, 'Поток', 'Stream', '2025-01-01', '2030-12-31') returning id`).then((r) => r.rows);
  const venue = await buildVenue(t.db, tree.programme.id);
  const final = await buildModule(t.db, stream!.id, venue.id, { number: 6 });
  await buildScheduleSession(t.db, final.id, { kind: 'ceremony', startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) });
  for (let i = 0; i < 2; i += 1) {
    const person = await buildPerson(t.db);
    await enrol(t.db, person.id, stream!.id);
    await staff.request({ method: 'PUT', url: `/api/streams/${stream!.id}/diplomas/overrides/${person.id}`, payload: { isEligible: true, reason: 'Решение комиссии' } });
  }
  return stream!.id;
}

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildProgrammeTree(t.db);
  const foreignTree = await buildProgrammeTree(t.db);
  const stream = tree.streams[0]!;
  const venue = await buildVenue(t.db, tree.programme.id);
  const first = await buildModule(t.db, stream.id, venue.id, { number: 1, startsOn: '2024-10-08', endsOn: '2024-10-12' });
  const final = await buildModule(t.db, stream.id, venue.id, { number: 6 });
  sessions = {
    earlyCeremony: (await buildScheduleSession(t.db, first.id, { kind: 'ceremony', startsAt: new Date('2024-10-08T07:00:00Z'), endsAt: new Date('2024-10-08T08:00:00Z') })).id,
    lecture: (await buildScheduleSession(t.db, final.id)).id,
    finalCeremony: (await buildScheduleSession(t.db, final.id, { kind: 'ceremony', titleRu: 'Вручение дипломов', startsAt: new Date('2025-06-05T09:00:00Z'), endsAt: new Date('2025-06-05T11:00:00Z') })).id,
  };
  people = [];
  for (const lastName of ['Абрамов', 'Борисова', 'Власов']) {
    const person = await buildPerson(t.db, { lastName, firstName: 'Тест' });
    await enrol(t.db, person.id, stream.id);
    people.push(person);
  }
  const scope = { organisationId: tree.organisation.id, programmeId: tree.programme.id };
  staff = await signIn(t.app, (await buildUser(t.db, { grants: [{ role: 'staff', ...scope }] })).email, TEST_PASSWORD);
  foreignStaff = await signInWithRole(t, foreignTree, 'staff');
  participant = await signIn(t.app, (await buildUser(t.db, { personId: people[0]!.id, grants: [{ role: 'participant', ...scope, streamId: stream.id }] })).email, TEST_PASSWORD);
  for (const person of people.slice(0, 2)) {
    await staff.request({ method: 'PUT', url: `/api/streams/${stream.id}/diplomas/overrides/${person.id}`, payload: { isEligible: true, reason: 'Решение комиссии' } });
  }
});
afterAll(async () => t?.close());

describe('ceremony graduates', () => {
  it("lists the stream's graduates on the final module's ceremony session, with their diplomas once issued", async () => {
    const before = await staff.request({ method: 'GET', url: `/api/sessions/${sessions.finalCeremony}/graduates` });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({ streamId: tree.streams[0]!.id, startsAt: '2025-06-05T09:00:00.000Z', counts: { graduates: 2, issued: 0 }, scheduledIssue: null });
    expect(before.json().graduates.map((g: { fullName: string }) => g.fullName.split(' ')[0])).toEqual(['Абрамов', 'Борисова']);

    const started = await staff.request({ method: 'POST', url: `/api/streams/${tree.streams[0]!.id}/diplomas/issue`, payload: {} });
    expect((await waitForJob(staff, started.json().jobId)).status).toBe('succeeded');
    const after = (await staff.request({ method: 'GET', url: `/api/sessions/${sessions.finalCeremony}/graduates` })).json();
    expect(after.counts).toEqual({ graduates: 2, issued: 2 });
    expect(after.graduates[0].diploma).toMatchObject({ registryNumber: expect.stringMatching(/^ШМ-2025-\d{6}$/), status: 'valid' });
  });

  it('answers 404 for any other session, for staff of another programme and for participants; 401 signed out', async () => {
    for (const id of [sessions.earlyCeremony, sessions.lecture, '00000000-0000-4000-8000-000000000000']) {
      expect((await staff.request({ method: 'GET', url: `/api/sessions/${id}/graduates` })).statusCode).toBe(404);
    }
    expect((await foreignStaff.request({ method: 'GET', url: `/api/sessions/${sessions.finalCeremony}/graduates` })).statusCode).toBe(404);
    expect((await participant.request({ method: 'GET', url: `/api/sessions/${sessions.finalCeremony}/graduates` })).statusCode).toBe(404);
    expect((await anonymousAgent(t.app).request({ method: 'GET', url: `/api/sessions/${sessions.finalCeremony}/graduates` })).statusCode).toBe(401);
  });

  it("names the final ceremony on the stream's diplomas tab", async () => {
    expect((await staff.request({ method: 'GET', url: `/api/streams/${tree.streams[0]!.id}/diplomas` })).json()).toMatchObject({ ceremonySessionId: sessions.finalCeremony, ceremonyAt: '2025-06-05T09:00:00.000Z' });
  });
});

describe('issuance scheduled for the ceremony', () => {
  it('schedules the run for the ceremony start, shows it, answers the same run when asked again, and cancels it', async () => {
    const streamId = await streamWithCeremony(new Date('2030-06-05T09:00:00Z'));
    const scheduled = await staff.request({ method: 'POST', url: `/api/streams/${streamId}/diplomas/schedule` });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json()).toEqual({ runId: expect.any(String), startAfter: '2030-06-05T09:00:00Z' });
    const { runId } = scheduled.json();
    const job = await t.db.execute<{ state: string; start_after: string }>(sql`select state, start_after from pgboss.job where id = ${runId}`);
    expect(job.rows[0]!.state).toBe('created');
    expect(new Date(job.rows[0]!.start_after).toISOString()).toBe('2030-06-05T09:00:00.000Z');
    expect((await staff.request({ method: 'GET', url: `/api/streams/${streamId}/diplomas` })).json()).toMatchObject({ scheduledIssue: { runId, startAfter: '2030-06-05T09:00:00Z' }, lastRunId: null });
    expect((await staff.request({ method: 'POST', url: `/api/streams/${streamId}/diplomas/schedule` })).json().runId).toBe(runId);

    expect((await participant.request({ method: 'DELETE', url: `/api/streams/${streamId}/diplomas/schedule` })).statusCode).toBe(404);
    const cancelled = await staff.request({ method: 'DELETE', url: `/api/streams/${streamId}/diplomas/schedule` });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await t.db.execute<{ state: string }>(sql`select state from pgboss.job where id = ${runId}`)).rows[0]!.state).toBe('cancelled');
    expect((await staff.request({ method: 'GET', url: `/api/streams/${streamId}/diplomas` })).json()).toMatchObject({ scheduledIssue: null, lastRunId: null });
    expect((await staff.request({ method: 'DELETE', url: `/api/streams/${streamId}/diplomas/schedule` })).statusCode).toBe(404);
    const audit = await t.db.execute<{ action: string }>(sql`select action from audit_log where entity_id = ${streamId} and action like 'diploma.issue%' order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['diploma.issue_scheduled', 'diploma.issue_schedule_cancelled']);
  });

  it('issues at the ceremony time, dated then', async () => {
    const startsAt = new Date(Math.ceil((Date.now() + 2_000) / 1000) * 1000);
    const streamId = await streamWithCeremony(startsAt);
    const { runId } = (await staff.request({ method: 'POST', url: `/api/streams/${streamId}/diplomas/schedule` })).json();
    const early = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from diplomas where stream_id = ${streamId}`);
    expect(early.rows[0]!.n).toBe(0);
    const job = await waitForJob(staff, runId);
    expect(job).toMatchObject({ status: 'succeeded', result: { issued: 2 } });
    const issued = await t.db.execute<{ valid_from: Date }>(sql`select valid_from from diplomas where stream_id = ${streamId}`);
    expect(issued.rows.map((r) => new Date(r.valid_from).toISOString())).toEqual([startsAt.toISOString(), startsAt.toISOString()]);
  }, 30_000);

  it('refuses to schedule without a final ceremony or after it, with a translated reason', async () => {
    const past = await staff.request({ method: 'POST', url: `/api/streams/${tree.streams[0]!.id}/diplomas/schedule` });
    expect(past.statusCode).toBe(409);
    expect(past.json().errors[0].message).toBe('Церемония уже прошла: выдайте дипломы сейчас');
    const other = await buildProgrammeTree(t.db);
    const otherStaff = await signInWithRole(t, other, 'staff');
    expect((await otherStaff.request({ method: 'POST', url: `/api/streams/${other.streams[0]!.id}/diplomas/schedule` })).statusCode).toBe(409);
    expect((await foreignStaff.request({ method: 'POST', url: `/api/streams/${tree.streams[0]!.id}/diplomas/schedule` })).statusCode).toBe(404);
  });
});
