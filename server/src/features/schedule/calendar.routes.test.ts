import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousAgent, buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildModule, buildPerson, buildProgrammeTree, buildScheduleSession, buildSpeaker, buildUser, buildVenue, TEST_PASSWORD } from '../../../test/factories.ts';

let t: TestApp;
let participant: TestAgent;
let staff: TestAgent;
let streamId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const tree = await buildProgrammeTree(t.db);
  streamId = tree.streams[0]!.id;
  const person = await buildPerson(t.db, { streamIds: [streamId] });
  const user = await buildUser(t.db, { personId: person.id, grants: [{ role: 'participant', organisationId: tree.organisation.id, programmeId: tree.programme.id, streamId }] });
  participant = await signIn(t.app, user.email, TEST_PASSWORD);
  const staffUser = await buildUser(t.db, { grants: [{ role: 'staff', organisationId: tree.organisation.id, programmeId: tree.programme.id }] });
  staff = await signIn(t.app, staffUser.email, TEST_PASSWORD);
  const senezh = await buildVenue(t.db, tree.programme.id);
  const yakutsk = await buildVenue(t.db, tree.programme.id, { nameRu: 'Якутск', nameEn: 'Yakutsk', regionCode: 'RU-SA', lat: 62.03, lon: 129.73, timeZone: 'Asia/Yakutsk' });
  const speaker = await buildSpeaker(t.db, tree.programme.id, { nameRu: 'Сидорова Анна', nameEn: 'Anna Sidorova' });
  const m1 = await buildModule(t.db, streamId, senezh.id, { number: 1, startsOn: '2024-10-08', endsOn: '2024-10-12' });
  const m4 = await buildModule(t.db, streamId, yakutsk.id, { number: 4, startsOn: '2025-03-10', endsOn: '2025-03-14', hostRegionCode: 'RU-SA' });
  await buildScheduleSession(t.db, m1.id, { titleRu: 'Открытие', titleEn: 'Opening', startsAt: new Date('2024-10-08T07:00:00Z'), endsAt: new Date('2024-10-08T08:00:00Z'), speakerIds: [speaker.id] });
  await buildScheduleSession(t.db, m4.id, { kind: 'site_visit', titleRu: 'Выезд на объект', titleEn: 'Site visit', startsAt: new Date('2025-03-11T01:00:00Z'), endsAt: new Date('2025-03-11T04:00:00Z') });
});
afterAll(async () => t?.close());

/** Parses with ical.js (a real RFC 5545 parser) and answers the events with their TZID and UTC times. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const zones = calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return { summary: event.summary, tzid: component.getFirstProperty('dtstart')!.getParameter('tzid'), startUtc: event.startDate.toJSDate().toISOString(), endUtc: event.endDate.toJSDate().toISOString(), uid: event.uid };
  });
  return { zones, events };
}

describe('iCalendar', () => {
  it('answers a stream calendar that a real parser reads, with VTIMEZONEs and the right instants', async () => {
    const response = await participant.request({ method: 'GET', url: `/api/streams/${streamId}/timetable.ics` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    const { zones, events } = parse(response.body);
    expect(zones.sort()).toEqual(['Asia/Yakutsk', 'Europe/Moscow']);
    expect(events).toEqual([
      expect.objectContaining({ summary: 'Открытие', tzid: 'Europe/Moscow', startUtc: '2024-10-08T07:00:00.000Z', endUtc: '2024-10-08T08:00:00.000Z' }),
      expect.objectContaining({ summary: 'Выезд на объект', tzid: 'Asia/Yakutsk', startUtc: '2025-03-11T01:00:00.000Z' }),
    ]);
    // Local wall-clock time in the file: 10:00 in Yakutsk (UTC+9).
    expect(response.body).toMatch(/DTSTART;TZID=Asia\/Yakutsk:20250311T100000/);
  });

  it('serves a subscription feed at a secret URL without a session, in English on request, until revoked', async () => {
    const created = await participant.request({ method: 'POST', url: '/api/calendar-feeds', payload: { kind: 'stream', subjectId: streamId } });
    expect(created.statusCode, created.body).toBe(201);
    const { url, id } = created.json() as { url: string; id: string };
    const path = new URL(url).pathname;
    const anonymous = anonymousAgent(t.app);
    const feed = await anonymous.request({ method: 'GET', url: `${path}?lang=en` });
    expect(feed.statusCode).toBe(200);
    expect(parse(feed.body).events.map((e) => e.summary)).toEqual(['Opening', 'Site visit']);
    const revoked = await participant.request({ method: 'POST', url: `/api/calendar-feeds/${id}/revoke` });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await anonymous.request({ method: 'GET', url: path })).statusCode).toBe(404);
  });

  it("answers a participant's own timetable file and refuses a feed of someone else", async () => {
    const mine = await participant.request({ method: 'GET', url: '/api/me/timetable.ics' });
    expect(parse(mine.body).events).toHaveLength(2);
    const stranger = await buildPerson(t.db);
    const response = await participant.request({ method: 'POST', url: '/api/calendar-feeds', payload: { kind: 'participant', subjectId: stranger.id } });
    expect(response.statusCode).toBe(404);
    expect((await staff.request({ method: 'GET', url: '/api/calendar/not-a-real-token-at-all-000000' })).statusCode).toBe(404);
  });
});
