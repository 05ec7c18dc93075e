import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { admissionApplications } from '../../db/schema/index.ts';
import { anonymousAgent, buildTestApp, signIn, type TestAgent, type TestApp, signInWithRole } from '../../../test/app.ts';
import { buildCampaign } from '../../../test/admissions.ts';
import { buildPerson, buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let staff: TestAgent;
let panel: string[];

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildProgrammeTree(t.db);
  staff = await signInWithRole(t, tree, 'staff');
  const expert = () => buildUser(t.db, { displayName: 'Эксперт Секретный', grants: [{ role: 'expert', organisationId: tree.organisation.id, programmeId: tree.programme.id }] });
  panel = [(await expert()).id, (await expert()).id];
});
afterAll(async () => t?.close());

async function applicant(campaignId: string) {
  const person = await buildPerson(t.db, { regionCode: 'RU-SAM' });
  const user = await buildUser(t.db, { personId: person.id, email: person.email! });
  const [application] = await t.db
    .insert(admissionApplications)
    .values({ campaignId, personId: person.id, userId: user.id, status: 'submitted', regionCode: 'RU-SAM', birthDate: '1980-05-05', isEligible: true, submittedAt: new Date() })
    .returning();
  return { application: application!, agent: await signIn(t.app, user.email, TEST_PASSWORD) };
}

async function bookedApplicant() {
  const campaign = await buildCampaign(t.db, tree.intake.id);
  const body = { startsAt: '2031-03-01T07:00:00Z', durationMinutes: 45, place: 'Москва, пр. Вернадского, 82, ауд. 401', onlineUrl: 'https://meet.example.test/som', capacity: 4, panel };
  const slot = (await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/interviews/slots`, payload: body })).json().slots[0] as { id: string };
  const me = await applicant(campaign.id);
  const booked = await staff.request({ method: 'PUT', url: `/api/admissions/campaigns/${campaign.id}/interviews/slots/${slot.id}/bookings`, payload: { applicationId: me.application.id } });
  expect(booked.statusCode).toBe(200);
  return { campaign, slot, ...me };
}

describe('the applicant’s own interview', () => {
  it('is null before a booking, then shows the slot with the panel only as a size', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const me = await applicant(campaign.id);
    const before = await me.agent.request({ method: 'GET', url: `/api/me/applications/${me.application.id}/interview` });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ interview: null });
    expect((await me.agent.request({ method: 'GET', url: `/api/me/applications/${me.application.id}/interview.ics` })).statusCode).toBe(404);

    const { slot, application, agent } = await bookedApplicant();
    const response = await agent.request({ method: 'GET', url: `/api/me/applications/${application.id}/interview` });
    expect(response.json()).toEqual({
      interview: {
        slotId: slot.id,
        startsAt: '2031-03-01T07:00:00.000Z',
        endsAt: '2031-03-01T07:45:00.000Z',
        durationMinutes: 45,
        place: 'Москва, пр. Вернадского, 82, ауд. 401',
        onlineUrl: 'https://meet.example.test/som',
        panelSize: 2,
        timeZone: 'Europe/Moscow',
      },
    });
    expect(response.body).not.toContain('Секретный');
  });

  it('downloads the slot as one iCalendar event in the programme’s time zone', async () => {
    const { application, agent } = await bookedApplicant();
    const response = await agent.request({ method: 'GET', url: `/api/me/applications/${application.id}/interview.ics?lang=en` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    expect(response.headers['content-disposition']).toBe('attachment; filename="interview.ics"');
    expect(response.body).toContain('DTSTART;TZID=Europe/Moscow:20310301T100000');
    expect(response.body).toContain('BEGIN:VTIMEZONE');
    const events = new ICAL.Component(ICAL.parse(response.body)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toBe('Interview — School of Mayors — 2026 intake');
    expect(events[0]!.location).toBe('Москва, пр. Вернадского, 82, ауд. 401');
    expect(events[0]!.description).toContain('Online meeting: https://meet.example.test/som');
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2031-03-01T07:45:00.000Z');
    expect(events[0]!.uid).toBe(`interview-${application.id}@mayors-school`);
  });

  it('answers 404 for someone else’s application and for staff, 401 without a session', async () => {
    const { application } = await bookedApplicant();
    const other = await bookedApplicant();
    for (const suffix of ['interview', 'interview.ics']) {
      const url = `/api/me/applications/${application.id}/${suffix}`;
      expect((await other.agent.request({ method: 'GET', url })).statusCode, suffix).toBe(404);
      expect((await staff.request({ method: 'GET', url })).statusCode, suffix).toBe(404);
      expect((await anonymousAgent(t.app).request({ method: 'GET', url })).statusCode, suffix).toBe(401);
    }
    expect((await other.agent.request({ method: 'GET', url: '/api/me/applications/00000000-0000-4000-8000-000000000000/interview' })).statusCode).toBe(404);
  });
});
