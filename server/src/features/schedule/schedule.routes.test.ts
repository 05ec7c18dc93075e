import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildModule, buildPerson, buildProgrammeTree, buildScheduleSession, buildSpeaker, buildUser, buildVenue, TEST_PASSWORD } from '../../../test/factories.ts';

let t: TestApp;
let staff: TestAgent;
let participant: TestAgent;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let moduleId: string;
let speakerId: string;
let irkutskVenueId: string;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildProgrammeTree(t.db);
  const staffUser = await buildUser(t.db, { grants: [{ role: 'staff', organisationId: tree.organisation.id, programmeId: tree.programme.id }] });
  staff = await signIn(t.app, staffUser.email, TEST_PASSWORD);
  const person = await buildPerson(t.db, { regionCode: 'RU-SAM', streamIds: [tree.streams[0]!.id] });
  const participantUser = await buildUser(t.db, { personId: person.id, grants: [{ role: 'participant', organisationId: tree.organisation.id, programmeId: tree.programme.id, streamId: tree.streams[0]!.id }] });
  participant = await signIn(t.app, participantUser.email, TEST_PASSWORD);
  const senezh = await buildVenue(t.db, tree.programme.id);
  const irkutsk = await buildVenue(t.db, tree.programme.id, { nameRu: 'Иркутск', nameEn: 'Irkutsk', regionCode: 'RU-IRK', lat: 52.2869, lon: 104.305, timeZone: 'Asia/Irkutsk' });
  irkutskVenueId = irkutsk.id;
  moduleId = (await buildModule(t.db, tree.streams[0]!.id, senezh.id)).id;
  speakerId = (await buildSpeaker(t.db, tree.programme.id)).id;
});
afterAll(async () => t?.close());

const lecture = (over: Record<string, unknown> = {}) => ({
  moduleId,
  kind: 'lecture',
  titleRu: 'Национальные цели',
  titleEn: 'National goals',
  startsAt: '2025-06-03T10:00:00+03:00',
  endsAt: '2025-06-03T11:30:00+03:00',
  topics: ['national_goals'],
  speakerIds: [speakerId],
  ...over,
});

describe('sessions', () => {
  it('creates a session and shows it in UTC with its venue time zone and local date', async () => {
    const response = await staff.request({ method: 'POST', url: '/api/sessions', payload: lecture() });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ startsAt: '2025-06-03T07:00:00.000Z', timeZone: 'Europe/Moscow', localDate: '2025-06-03', speakers: [{ id: speakerId }] });
  });

  it('refuses a second session of the same stream at an overlapping time, naming the other one', async () => {
    const response = await staff.request({ method: 'POST', url: '/api/sessions', payload: lecture({ speakerIds: [], titleRu: 'Другое', startsAt: '2025-06-03T11:00:00+03:00', endsAt: '2025-06-03T12:00:00+03:00' }) });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors).toEqual([{ path: 'body.endsAt', message: 'Пересекается с другим занятием потока: «Национальные цели»' }]);
  });

  it('refuses a speaker in two places at once, even in another stream', async () => {
    const other = await buildModule(t.db, tree.streams[1]!.id, irkutskVenueId, { number: 3, startsOn: '2025-06-01', endsOn: '2025-06-05' });
    const response = await staff.request({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'accept-language': 'en' },
      payload: lecture({ moduleId: other.id, startsAt: '2025-06-03T07:30:00Z', endsAt: '2025-06-03T09:00:00Z' }),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors).toEqual([{ path: 'body.speakerIds', message: 'Петров Пётр в это время ведёт другое занятие' }]);
  });

  it('refuses a session outside its module dates in the venue time zone', async () => {
    const response = await staff.request({ method: 'POST', url: '/api/sessions', payload: lecture({ speakerIds: [], startsAt: '2025-06-05T21:30:00Z', endsAt: '2025-06-05T22:30:00Z' }) });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors[0]).toMatchObject({ path: 'body.startsAt', message: expect.stringContaining('2025-06-02 — 2025-06-05') });
  });

  it('refuses an end before the start as a field error', async () => {
    const response = await staff.request({ method: 'POST', url: '/api/sessions', payload: lecture({ startsAt: '2025-06-04T10:00:00Z', endsAt: '2025-06-04T09:00:00Z' }) });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.endsAt');
  });

  it('moves a session without tripping over itself', async () => {
    const created = await buildScheduleSession(t.db, moduleId, { startsAt: new Date('2025-06-04T07:00:00Z'), endsAt: new Date('2025-06-04T08:00:00Z') });
    const response = await staff.request({ method: 'PATCH', url: `/api/sessions/${created.id}`, payload: { endsAt: '2025-06-04T08:30:00Z', kind: 'workshop' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'workshop', endsAt: '2025-06-04T08:30:00.000Z' });
  });

  it('does not let a participant create sessions', async () => {
    const response = await participant.request({ method: 'POST', url: '/api/sessions', payload: lecture({ startsAt: '2025-06-05T07:00:00Z', endsAt: '2025-06-05T08:00:00Z' }) });
    expect(response.statusCode).toBe(403);
  });
});

describe('timetables and itineraries', () => {
  it("gives a participant their stream's sessions, and cuts a day agenda by local date", async () => {
    const all = await participant.request({ method: 'GET', url: '/api/me/timetable' });
    expect(all.statusCode).toBe(200);
    expect(all.json().items.length).toBeGreaterThanOrEqual(2);
    const day = await participant.request({ method: 'GET', url: '/api/me/timetable?from=2025-06-03&to=2025-06-03' });
    expect(day.json().items.map((s: { localDate: string }) => s.localDate)).toEqual(['2025-06-03']);
  });

  it('renders the participant timetable (built by SQL) exactly like the stream timetable (built in JS)', async () => {
    const mine = await participant.request({ method: 'GET', url: '/api/me/timetable' });
    const stream = await participant.request({ method: 'GET', url: `/api/streams/${tree.streams[0]!.id}/timetable` });
    expect(mine.headers['content-type']).toContain('application/json');
    expect(mine.json()).toEqual(stream.json());
  });

  it('sends the cached timetable gzipped to a client that accepts gzip, with the same content', async () => {
    const plain = await participant.request({ method: 'GET', url: '/api/me/timetable' });
    const zipped = await participant.request({ method: 'GET', url: '/api/me/timetable', headers: { 'accept-encoding': 'gzip, br' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(JSON.parse(zlib.gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('shows a new session at once, however it was written (the cached timetable follows the schedule revision)', async () => {
    const before = (await participant.request({ method: 'GET', url: '/api/me/timetable' })).json().items.length;
    await buildScheduleSession(t.db, moduleId, { startsAt: new Date('2025-06-05T12:00:00Z'), endsAt: new Date('2025-06-05T13:00:00Z') });
    const response = await participant.request({ method: 'GET', url: '/api/me/timetable' });
    expect(response.json().items.length).toBe(before + 1);
    const revalidated = await participant.request({ method: 'GET', url: '/api/me/timetable', headers: { 'if-none-match': String(response.headers.etag) } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
  });

  it("shows a speaker's sessions to staff and keeps them from a participant", async () => {
    expect((await staff.request({ method: 'GET', url: `/api/speakers/${speakerId}/timetable` })).json().items).toHaveLength(1);
    expect((await participant.request({ method: 'GET', url: `/api/speakers/${speakerId}/timetable` })).statusCode).toBe(404);
  });

  it('measures a stream itinerary leg by leg in great-circle km', async () => {
    await buildModule(t.db, tree.streams[0]!.id, irkutskVenueId, { number: 2, startsOn: '2024-12-02', endsOn: '2024-12-06', hostRegionCode: 'RU-IRK' });
    const response = await participant.request({ method: 'GET', url: `/api/streams/${tree.streams[0]!.id}/itinerary` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.stops.map((s: { number: number }) => s.number)).toEqual([2, 6]);
    expect(body.totalKm).toBeGreaterThan(4000);
    expect(body.totalKm).toBeLessThan(4300);
    const programme = await staff.request({ method: 'GET', url: `/api/programmes/${tree.programme.id}/itinerary` });
    expect(programme.json().totalKm).toBeCloseTo(body.totalKm, 1);
  });

  it('changes only the fields a PATCH names (omitted fields keep their values)', async () => {
    const module = await buildModule(t.db, tree.streams[0]!.id, irkutskVenueId, { number: 5, startsOn: '2025-04-01', endsOn: '2025-04-04', hostRegionCode: 'RU-IRK', topics: ['team_dynamics'] });
    const response = await staff.request({ method: 'PATCH', url: `/api/modules/${module.id}`, payload: { themeEn: 'Teams' } });
    expect(response.json()).toMatchObject({ themeEn: 'Teams', hostRegionCode: 'RU-IRK', topics: ['team_dynamics'] });
    const session = await buildScheduleSession(t.db, module.id, { startsAt: new Date('2025-04-01T02:00:00Z'), endsAt: new Date('2025-04-01T03:00:00Z'), speakerIds: [speakerId] });
    const patched = await staff.request({ method: 'PATCH', url: `/api/sessions/${session.id}`, payload: { place: 'Зал 1' } });
    expect(patched.json().speakers).toEqual([expect.objectContaining({ id: speakerId })]);
  });

  it('refuses a module whose venue belongs to another programme', async () => {
    const other = await buildProgrammeTree(t.db);
    const foreignVenue = await buildVenue(t.db, other.programme.id);
    const response = await staff.request({
      method: 'POST',
      url: '/api/modules',
      payload: { streamId: tree.streams[0]!.id, number: 4, themeRu: 'Т', themeEn: 'T', startsOn: '2025-03-01', endsOn: '2025-03-05', venueId: foreignVenue.id },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.venueId');
  });
});

describe('deleting venues, modules and speakers', () => {
  it('deletes what nothing uses, and refuses what is still in use with a translated reason, changing nothing', async () => {
    const venue = await buildVenue(t.db, tree.programme.id);
    const speaker = await buildSpeaker(t.db, tree.programme.id);
    const emptyModule = await buildModule(t.db, tree.streams[1]!.id, venue.id, { number: 6, startsOn: '2025-05-01', endsOn: '2025-05-03' });

    const venueInUse = await staff.request({ method: 'DELETE', url: `/api/venues/${venue.id}` });
    expect(venueInUse.statusCode).toBe(409);
    expect(venueInUse.json()).toMatchObject({ code: 'in_use', errors: [{ path: 'params.id', message: 'На этой площадке проходят модули: сначала перенесите их' }] });
    const moduleInUse = await staff.request({ method: 'DELETE', url: `/api/modules/${moduleId}` });
    expect(moduleInUse.json()).toMatchObject({ code: 'in_use' });
    const speakerInUse = await staff.request({ method: 'DELETE', url: `/api/speakers/${speakerId}` });
    expect(speakerInUse.json()).toMatchObject({ code: 'in_use' });
    expect((await staff.request({ method: 'GET', url: `/api/speakers/${speakerId}` })).statusCode).toBe(200);

    expect((await participant.request({ method: 'DELETE', url: `/api/speakers/${speaker.id}` })).statusCode).toBe(403);
    expect((await staff.request({ method: 'DELETE', url: `/api/speakers/${speaker.id}` })).statusCode).toBe(200);
    expect((await staff.request({ method: 'DELETE', url: `/api/modules/${emptyModule.id}` })).statusCode).toBe(200);
    expect((await staff.request({ method: 'DELETE', url: `/api/venues/${venue.id}` })).statusCode).toBe(200);
    expect((await staff.request({ method: 'GET', url: `/api/modules/${emptyModule.id}` })).statusCode).toBe(404);
    expect((await staff.request({ method: 'DELETE', url: `/api/venues/${venue.id}` })).statusCode).toBe(404);
  });
});
