import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';
import { SYSTEM_ACTOR } from '../../src/lib/access.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { streams } from '../../src/db/schema/index.ts';
import { createDocumentLoader } from '../../src/features/diplomas/diplomas.contexts.ts';
import { createVcIssuer } from '../../src/features/diplomas/diplomas.vc-issue.ts';
import { createSecretBox } from '../../src/lib/secret-box.ts';
import type { EligibilityRow } from '../../src/features/diplomas/diplomas.eligibility.ts';
import { createIssuance } from '../../src/features/diplomas/diplomas.issue.ts';
import { createKeyStore } from '../../src/features/diplomas/diplomas.keys.ts';
import { createDiplomasRepo } from '../../src/features/diplomas/diplomas.repo.ts';
import { createStatusLists } from '../../src/features/diplomas/diplomas.status-list.ts';
import { buildModule, buildPerson, buildScheduleSession, buildVenue, enrol } from '../factories.ts';
import type { AccessFixture } from './fixture.ts';
import type { RouteCase } from './route-table.ts';

const STAFF = ['staff', 'admin'] as const;
const ADMIN = ['admin'] as const;
/** The fixture participant (pSam) holds the diploma; staff of programme A manage it. */
const HOLDER = ['participant', 'staff', 'admin'] as const;
/** Same secret as buildTestApp, so the app opens the key this fixture creates. */
const TEST_APP_SECRET = 'test-secret-test-secret-test-secret-0123';
const PUBLIC_URL = 'http://localhost:3000';

/** Issues a diploma straight through the issuance core (no job) for a person of stream A3. */
async function issueFor(db: Database, fx: AccessFixture, personId: string): Promise<{ id: string; credential: Record<string, unknown> }> {
  const keys = createKeyStore({ db, secretBox: createSecretBox(TEST_APP_SECRET), clock: systemClock });
  const statusLists = createStatusLists({ db, keys, clock: systemClock, publicUrl: PUBLIC_URL });
  const issuance = createIssuance({ db, keys, statusLists, clock: systemClock, publicUrl: PUBLIC_URL });
  const repo = createDiplomasRepo(db);
  const stream = (await repo.streamContext(fx.a.a3.id))!;
  const person: EligibilityRow = { personId, enrolmentId: null as never, fullName: 'Самарин Сергей', email: null, regionCode: 'RU-SAM', attendancePct: 100, isEligibleByRules: true, override: null, isEligible: true };
  await issuance.issueOne({ stream, person, validFrom: new Date('2025-06-05T12:00:00Z'), actor: { userId: null, email: 'system', personId: null, grants: [], isSystem: true }, jobRunId: null });
  const [diploma] = (await repo.diplomasOfPerson(personId)).filter((d) => d.streamId === fx.a.a3.id);
  return { id: diploma!.id, credential: diploma!.credential };
}

let holderDiploma: Promise<{ id: string; credential: Record<string, unknown> }> | null = null;
const ownDiploma = (fx: AccessFixture, db: Database) => (holderDiploma ??= issueFor(db, fx, fx.people.pSam.id));
async function freshDiploma(fx: AccessFixture, db: Database) {
  const person = await buildPerson(db, { regionCode: 'RU-SAM' });
  await enrol(db, person.id, fx.a.a3.id);
  return issueFor(db, fx, person.id);
}
const reason = { reason: `Проверка доступа ${crypto.randomBytes(2).toString('hex')}` };

/** A new stream of programme A whose final module holds a ceremony in 2030 (scheduling is open). */
async function streamWithFutureCeremony(fx: AccessFixture, db: Database) {
  const [stream] = await db
    .insert(streams)
    .values({ intakeId: fx.a.intake.id, number: 2000 + crypto.randomInt(1_000_000), nameRu: 'Поток', nameEn: 'Stream', startsOn: '2030-01-01', endsOn: '2030-12-31' })
    .returning();
  const venue = await buildVenue(db, fx.a.programme.id);
  const module = await buildModule(db, stream!.id, venue.id, { number: 6, startsOn: '2030-06-03', endsOn: '2030-06-05' });
  const ceremony = await buildScheduleSession(db, module.id, { kind: 'ceremony', startsAt: new Date('2030-06-05T09:00:00Z'), endsAt: new Date('2030-06-05T11:00:00Z') });
  return { streamId: stream!.id, ceremonyId: ceremony.id };
}
let sharedCeremony: ReturnType<typeof streamWithFutureCeremony> | null = null;

/** A stream with issuance already scheduled: a job_runs row waiting for its time, as the service writes it. */
async function streamWithScheduledIssue(fx: AccessFixture, db: Database) {
  const { streamId } = await streamWithFutureCeremony(fx, db);
  await db.execute(sql`insert into job_runs (kind, input) values ('diplomas-issue', ${JSON.stringify({ streamId, validFrom: '2030-06-05T09:00:00Z', actorUserId: null, actorEmail: 'system', startAfter: '2030-06-05T09:00:00Z' })}::jsonb)`);
  return streamId;
}

/** A credential issued through the VC API core, so each call may revoke its own. */
async function freshVcCredential(db: Database): Promise<string> {
  const keys = createKeyStore({ db, secretBox: createSecretBox(TEST_APP_SECRET), clock: systemClock });
  const statusLists = createStatusLists({ db, keys, clock: systemClock, publicUrl: PUBLIC_URL });
  const issuer = createVcIssuer({ db, clock: systemClock, keys, statusLists, documentLoader: createDocumentLoader() });
  const { proof: _proof, credentialStatus: _status, ...credential } = vcTemplate!;
  const signed = await issuer.issue(SYSTEM_ACTOR, { ...credential, id: `urn:uuid:${crypto.randomUUID()}` });
  return signed.id as string;
}
let vcTemplate: Record<string, unknown> | null = null;

/** Diplomas, public verification and the VC API (issue 7). */
export const DIPLOMA_ROUTE_CASES: RouteCase[] = [
  { key: 'GET /api/streams/{id}/diplomas', allowed: STAFF, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/diplomas` }) },
  { key: 'PUT /api/streams/{id}/diplomas/overrides/{personId}', allowed: STAFF, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/diplomas/overrides/${fx.people.pIrk.id}`, body: { isEligible: true, ...reason } }) },
  { key: 'POST /api/streams/{id}/diplomas/issue', allowed: STAFF, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/diplomas/issue`, body: {} }) },
  { key: 'POST /api/streams/{id}/diplomas/schedule', allowed: STAFF, build: async (fx, db) => ({ url: `/api/streams/${(await streamWithFutureCeremony(fx, db)).streamId}/diplomas/schedule` }) },
  { key: 'DELETE /api/streams/{id}/diplomas/schedule', allowed: STAFF, build: async (fx, db) => ({ url: `/api/streams/${await streamWithScheduledIssue(fx, db)}/diplomas/schedule` }) },
  { key: 'GET /api/sessions/{id}/graduates', allowed: STAFF, build: async (fx, db) => ({ url: `/api/sessions/${(await (sharedCeremony ??= streamWithFutureCeremony(fx, db))).ceremonyId}/graduates` }) },
  { key: 'GET /api/streams/{id}/diplomas/zip', allowed: STAFF, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/diplomas/zip` }) },
  { key: 'GET /api/me/diplomas', allowed: 'signed-in', build: async () => ({ url: '/api/me/diplomas' }) },
  { key: 'GET /api/diplomas/{id}', allowed: HOLDER, build: async (fx, db) => ({ url: `/api/diplomas/${(await ownDiploma(fx, db)).id}` }) },
  { key: 'GET /api/diplomas/{id}/credential', allowed: HOLDER, build: async (fx, db) => ({ url: `/api/diplomas/${(await ownDiploma(fx, db)).id}/credential` }) },
  { key: 'GET /api/diplomas/{id}/pdf', allowed: HOLDER, build: async (fx, db) => ({ url: `/api/diplomas/${(await ownDiploma(fx, db)).id}/pdf` }) },
  { key: 'POST /api/diplomas/{id}/revoke', allowed: STAFF, build: async (fx, db) => ({ url: `/api/diplomas/${(await freshDiploma(fx, db)).id}/revoke`, body: reason }) },
  // A diploma that is not revoked: the allowed get past the access check to a 409; the others a 404.
  { key: 'POST /api/diplomas/{id}/reinstate', allowed: STAFF, alsoAccepted: [409], build: async (fx, db) => ({ url: `/api/diplomas/${(await ownDiploma(fx, db)).id}/reinstate`, body: reason }) },
  { key: 'POST /api/diplomas/keys/rotate', allowed: ADMIN, build: async () => ({ url: '/api/diplomas/keys/rotate' }) },
  { key: 'GET /api/public/diplomas/{id}', allowed: 'everyone', build: async (fx, db) => ({ url: `/api/public/diplomas/${(await ownDiploma(fx, db)).id}` }) },
  { key: 'POST /api/public/diplomas/verify', allowed: 'everyone', build: async (fx, db) => ({ url: '/api/public/diplomas/verify', body: (await ownDiploma(fx, db)).credential }) },
  {
    key: 'GET /api/public/status-lists/{id}',
    allowed: 'everyone',
    build: async (fx, db) => {
      const status = (await ownDiploma(fx, db)).credential.credentialStatus as { statusListCredential: string };
      return { url: new URL(status.statusListCredential).pathname };
    },
  },
  { key: 'GET /.well-known/did.json', allowed: 'everyone', build: async () => ({ url: '/.well-known/did.json' }) },
  // Verification outcome (200 valid, 422 not) is not an access decision: a rotated key still verifies.
  { key: 'POST /api/vc/credentials/verify', allowed: 'everyone', alsoAccepted: [422], build: async (fx, db) => ({ url: '/api/vc/credentials/verify', body: { verifiableCredential: (await ownDiploma(fx, db)).credential } }) },
  {
    key: 'POST /api/vc/presentations/verify',
    allowed: 'everyone',
    alsoAccepted: [422],
    build: async (fx, db) => ({ url: '/api/vc/presentations/verify', body: { verifiablePresentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [(await ownDiploma(fx, db)).credential] } } }),
  },
  {
    key: 'POST /api/vc/credentials/issue',
    allowed: STAFF,
    build: async (fx, db) => {
      const { proof: _proof, credentialStatus: _status, ...credential } = (await ownDiploma(fx, db)).credential;
      // A fresh id each call: the registry refuses a second credential with the same id.
      return { url: '/api/vc/credentials/issue', body: { credential: { ...credential, id: `urn:uuid:${crypto.randomUUID()}` } } };
    },
  },
  {
    key: 'POST /api/vc/credentials/status',
    allowed: STAFF,
    build: async (fx, db) => {
      vcTemplate ??= (await ownDiploma(fx, db)).credential;
      const credentialId = await freshVcCredential(db);
      return { url: '/api/vc/credentials/status', body: { credentialId, credentialStatus: [{ type: 'BitstringStatusListEntry', status: 'revoked' }], ...reason } };
    },
  },
];
