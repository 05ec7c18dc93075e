import type { RouteCase } from './route-table.ts';

const STAFF = ['staff', 'admin'] as const;
const IN_PROGRAMME_A = ['participant', 'alumnus', 'expert', 'coordinator', 'staff', 'admin'] as const;
/** The module is hosted in RU-SAM: the fixture coordinator is its host. */
const HOST = ['coordinator', 'staff', 'admin'] as const;
/** The session's speaker is the fixture expert's account. */
const SPEAKER = ['expert', 'staff', 'admin'] as const;

/** Schedule, travel, calendars and attendance (issue 4). */
export const SCHEDULE_ROUTE_CASES: RouteCase[] = [
  { key: 'GET /api/venues', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/venues?programmeId=${fx.a.programme.id}` }) },
  {
    key: 'POST /api/venues',
    allowed: STAFF,
    build: async (fx) => ({ url: '/api/venues', body: { programmeId: fx.a.programme.id, nameRu: 'Калуга', nameEn: 'Kaluga', regionCode: 'RU-KLU', lat: 54.51, lon: 36.26, timeZone: 'Europe/Moscow' } }),
  },
  { key: 'PATCH /api/venues/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/venues/${fx.schedule.venue.id}`, body: { addressRu: 'ул. Ленина, 1' } }) },
  { key: 'DELETE /api/venues/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/venues/${(await fx.schedule.freshVenue()).id}` }) },
  { key: 'DELETE /api/modules/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/modules/${(await fx.schedule.freshModule()).module.id}` }) },
  { key: 'DELETE /api/speakers/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/speakers/${(await fx.schedule.freshSpeaker()).id}` }) },
  { key: 'GET /api/modules', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/modules?streamId=${fx.a.a3.id}` }) },
  { key: 'GET /api/modules/{id}', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/modules/${fx.schedule.module.id}` }) },
  {
    key: 'POST /api/modules',
    allowed: STAFF,
    build: async (fx) => {
      const { stream } = await fx.schedule.freshModule();
      return { url: '/api/modules', body: { streamId: stream.id, number: 5, themeRu: 'Тема', themeEn: 'Theme', startsOn: '2025-05-01', endsOn: '2025-05-04', venueId: fx.schedule.venue.id } };
    },
  },
  { key: 'PATCH /api/modules/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/modules/${fx.schedule.module.id}`, body: { themeEn: 'Municipal strategy' } }) },
  { key: 'GET /api/speakers', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/speakers?programmeId=${fx.a.programme.id}` }) },
  { key: 'GET /api/speakers/{id}', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/speakers/${fx.schedule.speaker.id}` }) },
  { key: 'POST /api/speakers', allowed: STAFF, build: async (fx) => ({ url: '/api/speakers', body: { programmeId: fx.a.programme.id, nameRu: 'Иванов Иван', nameEn: 'Ivan Ivanov', affiliationKind: 'business' } }) },
  { key: 'PATCH /api/speakers/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/speakers/${fx.schedule.speaker.id}`, body: { bioRu: 'Профессор' } }) },
  { key: 'GET /api/sessions/{id}', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/sessions/${fx.schedule.session.id}` }) },
  {
    key: 'POST /api/sessions',
    allowed: STAFF,
    build: async (fx) => {
      const { module } = await fx.schedule.freshModule();
      return { url: '/api/sessions', body: { moduleId: module.id, kind: 'workshop', titleRu: 'Практикум', titleEn: 'Workshop', startsAt: '2025-04-02T06:00:00Z', endsAt: '2025-04-02T07:00:00Z' } };
    },
  },
  { key: 'PATCH /api/sessions/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/sessions/${(await fx.schedule.freshSession()).id}`, body: { place: 'Зал 2' } }) },
  { key: 'DELETE /api/sessions/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/sessions/${(await fx.schedule.freshSession()).id}` }) },
  { key: 'GET /api/modules/{id}/travel-legs', allowed: HOST, build: async (fx) => ({ url: `/api/modules/${fx.schedule.module.id}/travel-legs` }) },
  { key: 'GET /api/me/travel-legs', allowed: 'signed-in', build: async () => ({ url: '/api/me/travel-legs' }) },
  {
    key: 'POST /api/travel-legs',
    allowed: STAFF,
    build: async (fx) => ({
      url: '/api/travel-legs',
      body: { personId: fx.people.pSam.id, moduleId: fx.schedule.module.id, direction: 'outbound', mode: 'air', departAt: '2025-02-14T15:00:00Z', arriveAt: '2025-02-14T17:00:00Z' },
    }),
  },
  { key: 'PATCH /api/travel-legs/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/travel-legs/${(await fx.schedule.freshLeg()).id}`, body: { bookingRef: 'ABC123' } }) },
  { key: 'DELETE /api/travel-legs/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/travel-legs/${(await fx.schedule.freshLeg()).id}` }) },
  { key: 'GET /api/streams/{id}/timetable', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/timetable` }) },
  { key: 'GET /api/me/timetable', allowed: 'signed-in', build: async () => ({ url: '/api/me/timetable' }) },
  { key: 'GET /api/speakers/{id}/timetable', allowed: SPEAKER, build: async (fx) => ({ url: `/api/speakers/${fx.schedule.speaker.id}/timetable` }) },
  { key: 'GET /api/streams/{id}/itinerary', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/itinerary` }) },
  { key: 'GET /api/programmes/{id}/itinerary', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/programmes/${fx.a.programme.id}/itinerary` }) },
  { key: 'GET /api/sessions/{id}/site-visit-attendees', allowed: HOST, build: async (fx) => ({ url: `/api/sessions/${fx.schedule.session.id}/site-visit-attendees` }) },
  {
    key: 'PUT /api/sessions/{id}/site-visit-attendees',
    allowed: STAFF,
    build: async (fx) => ({ url: `/api/sessions/${(await fx.schedule.freshVisit()).id}/site-visit-attendees`, body: { personIds: [] } }),
  },
  { key: 'POST /api/modules/{id}/site-visits/distribute', allowed: STAFF, build: async (fx) => ({ url: `/api/modules/${(await fx.schedule.freshModule()).module.id}/site-visits/distribute` }) },
  { key: 'GET /api/modules/{id}/host-view', allowed: HOST, build: async (fx) => ({ url: `/api/modules/${fx.schedule.module.id}/host-view` }) },
  // a personal calendar needs a person record: the participant's and the alumnus's accounts have one
  { key: 'GET /api/me/timetable.ics', allowed: ['participant', 'alumnus'], build: async () => ({ url: '/api/me/timetable.ics' }) },
  { key: 'GET /api/streams/{id}/timetable.ics', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/timetable.ics` }) },
  { key: 'GET /api/speakers/{id}/timetable.ics', allowed: SPEAKER, build: async (fx) => ({ url: `/api/speakers/${fx.schedule.speaker.id}/timetable.ics` }) },
  { key: 'GET /api/sessions/{id}/ics', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/sessions/${fx.schedule.session.id}/ics` }) },
  { key: 'GET /api/calendar-feeds', allowed: 'signed-in', build: async () => ({ url: '/api/calendar-feeds' }) },
  { key: 'POST /api/calendar-feeds', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: '/api/calendar-feeds', body: { kind: 'stream', subjectId: fx.a.a3.id } }) },
  { key: 'POST /api/calendar-feeds/{id}/revoke', allowed: ['participant', 'admin'], build: async (fx) => ({ url: `/api/calendar-feeds/${(await fx.schedule.freshFeed()).id}/revoke` }) },
  // the secret URL is the credential
  { key: 'GET /api/calendar/{token}', allowed: 'everyone', build: async (fx) => ({ url: `/api/calendar/${fx.schedule.feedToken}.ics` }) },
  { key: 'GET /api/sessions/{id}/qr', allowed: STAFF, build: async (fx) => ({ url: `/api/sessions/${fx.schedule.session.id}/qr` }) },
  // every signed-in user gets past the door; a bad code is then refused (400) and logged
  { key: 'POST /api/check-ins', allowed: 'signed-in', alsoAccepted: [400], build: async () => ({ url: '/api/check-ins', body: { token: 'not-a-code' } }) },
  { key: 'GET /api/sessions/{id}/check-in-refusals', allowed: STAFF, build: async (fx) => ({ url: `/api/sessions/${fx.schedule.session.id}/check-in-refusals` }) },
  { key: 'GET /api/sessions/{id}/marks', allowed: STAFF, build: async (fx) => ({ url: `/api/sessions/${fx.schedule.session.id}/marks` }) },
  {
    key: 'POST /api/sessions/{id}/marks',
    allowed: STAFF,
    build: async (fx) => ({
      url: `/api/sessions/${fx.schedule.session.id}/marks`,
      body: { marks: [{ clientMarkId: `access:${Math.random().toString(36).slice(2)}`, personId: fx.people.pSam.id, status: 'present', markedAt: '2025-02-10T06:05:00Z' }] },
    }),
  },
  { key: 'GET /api/streams/{id}/attendance', allowed: STAFF, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/attendance` }) },
  { key: 'GET /api/streams/{id}/attendance/export', allowed: STAFF, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/attendance/export` }) },
  {
    key: 'POST /api/streams/{id}/attendance/import',
    allowed: STAFF,
    build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/attendance/import`, body: { csv: `session_id;person_id;status;marked_at\n${fx.schedule.session.id};${fx.people.pSam.id};present;2025-02-10T06:01:00Z\n` } }),
  },
  { key: 'GET /api/me/attendance', allowed: 'signed-in', build: async () => ({ url: '/api/me/attendance' }) },
];
