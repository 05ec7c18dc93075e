import crypto from 'node:crypto';
import type { Database } from '../../src/db/client.ts';
import { buildCampaign } from '../admissions.ts';
import { buildPerson, buildUser, enrol } from '../factories.ts';
import type { AccessFixture, RoleUnderTest } from './fixture.ts';
import { SCHEDULE_ROUTE_CASES } from './schedule-routes.ts';
import { TEAMS_ROUTE_CASES } from './teams-routes.ts';
import { DIPLOMA_ROUTE_CASES } from './diplomas-routes.ts';
import { PRACTICES_ROUTE_CASES } from './practices-routes.ts';
import { ASSIGNMENT_ROUTE_CASES } from './assignments-routes.ts';
import { ADMISSIONS_ROUTE_CASES } from './admissions-routes.ts';

export interface RouteCase {
  /** The OpenAPI path, e.g. /api/streams/{id}/roster: every documented route must have a case. */
  key: string;
  /** Who gets in; everyone else is refused (401 when signed out, 403 or 404 when signed in). */
  allowed: readonly RoleUnderTest[] | 'everyone' | 'signed-in';
  build: (fx: AccessFixture, db: Database) => Promise<{ url: string; body?: unknown; multipart?: { fileName: string; bytes: Buffer } }>;
  /** Statuses that count as "let in" besides 2xx (e.g. a refused TOTP code is past the access check). */
  alsoAccepted?: number[];
  /** Sign in afresh before calling (the route ends the session). */
  needsFreshSession?: boolean;
}

const STAFF = ['staff', 'admin'] as const;
const ADMIN = ['admin'] as const;
const IN_PROGRAMME_A = ['participant', 'alumnus', 'expert', 'coordinator', 'staff', 'admin'] as const;
const uid = () => crypto.randomBytes(4).toString('hex');
const at = (url: string, body?: unknown) => async () => ({ url, body });
const csv = Buffer.from('Фамилия;Имя;E-mail;Регион\nПетров;Пётр;petrov@example.test;RU-SAM\n');

/** The expected access of every documented route, for the users of the access fixture. */
/**
 * Stream numbers for the allowed creations: unique within the intake and inside the contract's 1–9999 (a random
 * number up to 10,099 made one run in a dozen fail with 400 for a refused role, since validation comes first).
 */
let nextStreamNumber = 5000;

export const ROUTE_CASES: RouteCase[] = [
  // auth: public entry points answer their own refusals (wrong password, dead link) to everyone alike
  { key: 'POST /api/auth/sign-in', allowed: 'everyone', alsoAccepted: [401], build: at('/api/auth/sign-in', { email: 'nobody@example.test', password: 'wrong-password' }) },
  { key: 'POST /api/auth/sign-out', allowed: 'signed-in', needsFreshSession: true, build: at('/api/auth/sign-out') },
  { key: 'POST /api/auth/sign-out-all', allowed: 'signed-in', needsFreshSession: true, build: at('/api/auth/sign-out-all') },
  { key: 'GET /api/auth/me', allowed: 'signed-in', build: at('/api/auth/me') },
  { key: 'PUT /api/auth/me/locale', allowed: 'signed-in', build: at('/api/auth/me/locale', { locale: 'ru' }) },
  { key: 'GET /api/auth/invitations/{token}', allowed: 'everyone', alsoAccepted: [410], build: at(`/api/auth/invitations/${'x'.repeat(40)}`) },
  { key: 'POST /api/auth/invitations/accept', allowed: 'everyone', alsoAccepted: [410], build: at('/api/auth/invitations/accept', { token: 'x'.repeat(40), password: 'long-enough-password' }) },
  { key: 'POST /api/auth/password-reset', allowed: 'everyone', build: async () => ({ url: '/api/auth/password-reset', body: { email: `nobody-${uid()}@example.test` } }) },
  { key: 'POST /api/auth/password-reset/complete', allowed: 'everyone', alsoAccepted: [410], build: at('/api/auth/password-reset/complete', { token: 'x'.repeat(40), password: 'long-enough-password' }) },
  { key: 'POST /api/auth/totp/setup', allowed: 'signed-in', build: at('/api/auth/totp/setup') },
  { key: 'POST /api/auth/totp/confirm', allowed: 'signed-in', alsoAccepted: [401], build: at('/api/auth/totp/confirm', { code: '000000' }) },
  { key: 'POST /api/auth/totp/disable', allowed: 'signed-in', alsoAccepted: [401], build: at('/api/auth/totp/disable', { code: '000000' }) },
  // jobs: only who started the run (staff here) and admins
  { key: 'GET /api/jobs/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/jobs/${fx.jobId}` }) },
  // users
  { key: 'GET /api/users', allowed: STAFF, build: at('/api/users') },
  {
    key: 'POST /api/users',
    allowed: STAFF,
    build: async (fx) => ({
      url: '/api/users',
      body: { email: `new-${uid()}@example.test`, displayName: 'Новый Эксперт', grants: [{ role: 'expert', programmeId: fx.a.programme.id }], sendInvitation: false },
    }),
  },
  { key: 'GET /api/users/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/users/${fx.users.expert.id}` }) },
  { key: 'POST /api/users/{id}/invitation', allowed: STAFF, build: async (fx) => ({ url: `/api/users/${fx.users.expert.id}/invitation` }) },
  {
    key: 'PUT /api/users/{id}/grants',
    allowed: STAFF,
    build: async (fx) => ({ url: `/api/users/${fx.users.expert.id}/grants`, body: { grants: [{ role: 'expert', programmeId: fx.a.programme.id }] } }),
  },
  {
    key: 'POST /api/users/{id}/deactivate',
    allowed: STAFF,
    build: async (fx, db) => {
      const target = await buildUser(db, { grants: [{ role: 'expert', organisationId: fx.a.organisation.id, programmeId: fx.a.programme.id }] });
      return { url: `/api/users/${target.id}/deactivate` };
    },
  },
  // audit and outbox: admins only
  { key: 'GET /api/audit', allowed: ADMIN, build: at('/api/audit') },
  { key: 'GET /api/audit/export', allowed: ADMIN, build: at('/api/audit/export') },
  { key: 'GET /api/outbox', allowed: ADMIN, build: at('/api/outbox') },
  { key: 'GET /api/outbox/{id}', allowed: ADMIN, build: async (fx) => ({ url: `/api/outbox/${fx.mailId}` }) },
  // privacy: people without a person record are refused with 409 by the consent endpoints
  { key: 'GET /api/consent-documents/current', allowed: 'everyone', build: at('/api/consent-documents/current') },
  { key: 'POST /api/consent-documents', allowed: ADMIN, build: async () => ({ url: '/api/consent-documents', body: { version: `v-${uid()}`, textRu: 'Согласие на обработку данных', textEn: 'Consent to data processing' } }) },
  { key: 'GET /api/me/consents', allowed: 'signed-in', alsoAccepted: [409], build: at('/api/me/consents') },
  { key: 'POST /api/me/consents', allowed: 'signed-in', alsoAccepted: [409], build: async (fx) => ({ url: '/api/me/consents', body: { version: fx.consentVersion } }) },
  { key: 'POST /api/me/consents/{id}/withdraw', allowed: ['participant'], build: async (fx) => ({ url: `/api/me/consents/${fx.participantConsentId}/withdraw` }) },
  { key: 'GET /api/me/export', allowed: 'signed-in', build: at('/api/me/export') },
  {
    key: 'POST /api/people/{id}/erasure',
    allowed: STAFF,
    build: async (fx, db) => {
      const person = await buildPerson(db, { regionCode: 'RU-SAM', streamIds: [fx.a.a3.id] });
      return { url: `/api/people/${person.id}/erasure`, body: { reason: 'Запрос субъекта персональных данных' } };
    },
  },
  // programme structure: anyone with a grant in programme A sees it; staff of A manage below the organisation
  { key: 'GET /api/organisations', allowed: 'signed-in', build: at('/api/organisations') },
  { key: 'POST /api/organisations', allowed: ADMIN, build: async () => ({ url: '/api/organisations', body: { slug: `org-${uid()}`, nameRu: 'Орг', nameEn: 'Org' } }) },
  { key: 'GET /api/organisations/{id}', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/organisations/${fx.a.organisation.id}` }) },
  { key: 'PATCH /api/organisations/{id}', allowed: ADMIN, build: async (fx) => ({ url: `/api/organisations/${fx.a.organisation.id}`, body: { nameEn: 'Academy' } }) },
  { key: 'GET /api/programmes', allowed: 'signed-in', build: at('/api/programmes') },
  {
    key: 'POST /api/programmes',
    allowed: ADMIN,
    build: async (fx) => ({ url: '/api/programmes', body: { organisationId: fx.a.organisation.id, slug: `p-${uid()}`, nameRu: 'Программа', nameEn: 'Programme' } }),
  },
  { key: 'GET /api/programmes/{id}', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/programmes/${fx.a.programme.id}` }) },
  { key: 'PATCH /api/programmes/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/programmes/${fx.a.programme.id}`, body: { completionThresholdPct: 80 } }) },
  { key: 'GET /api/intakes', allowed: 'signed-in', build: at('/api/intakes') },
  {
    key: 'POST /api/intakes',
    allowed: STAFF,
    build: async (fx) => ({ url: '/api/intakes', body: { programmeId: fx.a.programme.id, nameRu: 'Набор', nameEn: 'Intake', startsOn: '2026-01-10', endsOn: '2026-06-01' } }),
  },
  { key: 'GET /api/intakes/{id}', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/intakes/${fx.a.intake.id}` }) },
  { key: 'PATCH /api/intakes/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/intakes/${fx.a.intake.id}`, body: { nameEn: 'Intake 2024–2025' } }) },
  { key: 'GET /api/streams', allowed: 'signed-in', build: at('/api/streams') },
  {
    key: 'POST /api/streams',
    allowed: STAFF,
    build: async (fx) => ({
      url: '/api/streams',
      body: { intakeId: fx.a.intake.id, number: nextStreamNumber++, nameRu: 'Поток', nameEn: 'Stream', startsOn: '2024-11-01', endsOn: '2025-05-01' },
    }),
  },
  { key: 'GET /api/streams/{id}', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}` }) },
  { key: 'PATCH /api/streams/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}`, body: { nameEn: 'Stream 3' } }) },
  // rosters hold personal data: staff, and coordinators for their regions
  { key: 'GET /api/streams/{id}/roster', allowed: ['coordinator', ...STAFF], build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/roster` }) },
  { key: 'GET /api/streams/{id}/roster/export', allowed: ['coordinator', ...STAFF], build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/roster/export?format=csv` }) },
  { key: 'GET /api/streams/{id}/regions-summary', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/regions-summary` }) },
  {
    key: 'POST /api/streams/{id}/enrolments',
    allowed: STAFF,
    build: async (fx, db) => ({ url: `/api/streams/${fx.a.a3.id}/enrolments`, body: { personId: (await buildPerson(db, { regionCode: 'RU-IRK' })).id } }),
  },
  {
    key: 'DELETE /api/streams/{id}/enrolments/{personId}',
    allowed: STAFF,
    build: async (fx, db) => {
      const person = await buildPerson(db, { regionCode: 'RU-IRK' });
      await enrol(db, person.id, fx.a.a3.id);
      return { url: `/api/streams/${fx.a.a3.id}/enrolments/${person.id}` };
    },
  },
  { key: 'POST /api/people', allowed: STAFF, build: async () => ({ url: '/api/people', body: { lastName: 'Сидоров', firstName: 'Олег', regionCode: 'RU-IRK' } }) },
  // a person's record: themselves, staff of their streams, a coordinator of their region (pIrk: not RU-SAM)
  { key: 'GET /api/people/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/people/${fx.people.pIrk.id}` }) },
  { key: 'PATCH /api/people/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/people/${fx.people.pIrk.id}`, body: { position: 'Глава округа' } }) },
  // reference data is public
  { key: 'GET /api/regions', allowed: 'everyone', build: at('/api/regions') },
  { key: 'GET /api/federal-districts', allowed: 'everyone', build: at('/api/federal-districts') },
  { key: 'GET /api/municipalities', allowed: 'everyone', build: at('/api/municipalities?region=RU-SAM') },
  { key: 'POST /api/municipalities', allowed: STAFF, build: async () => ({ url: '/api/municipalities', body: { regionCode: 'RU-SAM', name: `Посёлок ${uid()}`, kind: 'rural_settlement' } }) },
  // imports: staff of the stream's programme
  { key: 'POST /api/streams/{id}/imports', allowed: STAFF, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/imports`, multipart: { fileName: 'people.csv', bytes: csv } }) },
  {
    key: 'POST /api/municipalities/imports',
    allowed: STAFF,
    build: async () => ({ url: '/api/municipalities/imports', multipart: { fileName: 'm.csv', bytes: Buffer.from(`Регион;Название;Вид\nRU-SAM;Село ${uid()};rural_settlement\n`) } }),
  },
  // applications of a campaign run elsewhere: staff of the campaign's programme
  {
    key: 'POST /api/admissions/campaigns/{id}/imports',
    allowed: STAFF,
    build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await buildCampaign(db, fx.a.intake.id)).id}/imports`, multipart: { fileName: 'a.csv', bytes: csv } }),
  },
  ...SCHEDULE_ROUTE_CASES,
  ...TEAMS_ROUTE_CASES,
  ...DIPLOMA_ROUTE_CASES,
  ...PRACTICES_ROUTE_CASES,
  ...ASSIGNMENT_ROUTE_CASES,
  ...ADMISSIONS_ROUTE_CASES,
];

/** Cases that need an upload made by the staff user first; the matrix test fills in the id. */
export const UPLOAD_ROUTE_CASES: Array<Omit<RouteCase, 'build'> & { build: (uploadId: string) => { url: string; body?: unknown } }> = [
  { key: 'GET /api/imports/{id}', allowed: STAFF, build: (id) => ({ url: `/api/imports/${id}` }) },
  { key: 'PUT /api/imports/{id}/mapping', allowed: STAFF, build: (id) => ({ url: `/api/imports/${id}/mapping`, body: { mapping: { Фамилия: 'last_name', Имя: 'first_name', 'E-mail': 'email', Регион: 'region' } } }) },
  { key: 'GET /api/imports/{id}/report', allowed: STAFF, build: (id) => ({ url: `/api/imports/${id}/report?format=json` }) },
  { key: 'POST /api/imports/{id}/commit', allowed: STAFF, alsoAccepted: [409], build: (id) => ({ url: `/api/imports/${id}/commit`, body: {} }) },
];
