import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousAgent, buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildPerson, buildProgrammeTree, buildUser, enrol, TEST_PASSWORD } from '../../../test/factories.ts';
import { waitForJob } from '../../../test/imports.ts';
import { diplomaKeys } from '../../db/schema/index.ts';
import { createSecretBox } from '../../lib/secret-box.ts';
import { createDocumentLoader } from './diplomas.contexts.ts';
import { didKeyFor, verificationMethodFor } from './diplomas.did.ts';
import { importSigningKey, signCredential } from './diplomas.sign.ts';

const schema = JSON.parse(readFileSync(new URL('./fixtures/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2019.default({ strict: false, allErrors: true });
addFormats.default(ajv);
const validateOb = ajv.compile(schema);

let t: TestApp;
let staff: TestAgent;
let admin: TestAgent;
let holder: TestAgent;
let otherParticipant: TestAgent;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let foreignTree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let people: Array<{ id: string }>;
let diplomaIds: string[] = [];

async function issueAll(): Promise<{ issued: number }> {
  const started = await staff.request({ method: 'POST', url: `/api/streams/${tree.streams[0]!.id}/diplomas/issue`, payload: { validFrom: '2025-06-05T12:00:00Z' } });
  expect(started.statusCode, started.body).toBe(200);
  const job = await waitForJob(staff, started.json().jobId);
  expect(job.status).toBe('succeeded');
  return job.result as { issued: number };
}

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildProgrammeTree(t.db);
  foreignTree = await buildProgrammeTree(t.db);
  const stream = tree.streams[0]!;
  people = [];
  for (const [lastName, email] of [['Иванов', 'ivanov@example.test'], ['Петрова', 'petrova@example.test'], ['Сидоров', null]] as const) {
    const person = await buildPerson(t.db, { lastName, firstName: 'Тест', email });
    await enrol(t.db, person.id, stream.id);
    people.push(person);
  }
  const scope = { organisationId: tree.organisation.id, programmeId: tree.programme.id };
  const staffUser = await buildUser(t.db, { grants: [{ role: 'staff', ...scope }] });
  const adminUser = await buildUser(t.db, { grants: [{ role: 'admin' }] });
  const holderUser = await buildUser(t.db, { personId: people[0]!.id, grants: [{ role: 'participant', ...scope, streamId: stream.id }] });
  const otherUser = await buildUser(t.db, { personId: people[1]!.id, grants: [{ role: 'participant', ...scope, streamId: stream.id }] });
  staff = await signIn(t.app, staffUser.email, TEST_PASSWORD);
  admin = await signIn(t.app, adminUser.email, TEST_PASSWORD);
  holder = await signIn(t.app, holderUser.email, TEST_PASSWORD);
  otherParticipant = await signIn(t.app, otherUser.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

describe('eligibility and bulk issuance', () => {
  it('shows staff every participant with their eligibility, and hides the tab from others', async () => {
    const response = await staff.request({ method: 'GET', url: `/api/streams/${tree.streams[0]!.id}/diplomas` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ counts: { participants: 3, issued: 0 }, rulesSource: 'completion' });
    expect((await holder.request({ method: 'GET', url: `/api/streams/${tree.streams[0]!.id}/diplomas` })).statusCode).toBe(404);
    expect((await anonymousAgent(t.app).request({ method: 'GET', url: `/api/streams/${tree.streams[0]!.id}/diplomas` })).statusCode).toBe(401);
    expect((await staff.request({ method: 'GET', url: `/api/streams/${foreignTree.streams[0]!.id}/diplomas` })).statusCode).toBe(404);
  });

  it('records a manual eligibility override only with a reason, and only for a participant of the stream', async () => {
    const url = (personId: string) => `/api/streams/${tree.streams[0]!.id}/diplomas/overrides/${personId}`;
    const noReason = await staff.request({ method: 'PUT', url: url(people[0]!.id), payload: { isEligible: true, reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    const stranger = await buildPerson(t.db);
    expect((await staff.request({ method: 'PUT', url: url(stranger.id), payload: { isEligible: true, reason: 'Решение комиссии' } })).statusCode).toBe(404);
    for (const person of people.slice(0, 2)) {
      const ok = await staff.request({ method: 'PUT', url: url(person.id), payload: { isEligible: true, reason: 'Решение учёного совета' } });
      expect(ok.statusCode, ok.body).toBe(200);
    }
    const view = (await staff.request({ method: 'GET', url: `/api/streams/${tree.streams[0]!.id}/diplomas` })).json();
    expect(view.counts.eligible).toBe(2);
    expect(view.rows.find((r: { personId: string }) => r.personId === people[0]!.id).override.reason).toBe('Решение учёного совета');
  });

  it('issues to the eligible in a background job, and a rerun issues nothing twice', async () => {
    expect((await issueAll()).issued).toBe(2);
    expect((await issueAll()).issued).toBe(0);
    const view = (await staff.request({ method: 'GET', url: `/api/streams/${tree.streams[0]!.id}/diplomas` })).json();
    expect(view.counts.issued).toBe(2);
    diplomaIds = view.rows.filter((r: { diploma: unknown }) => r.diploma).map((r: { diploma: { id: string } }) => r.diploma.id);
    for (const row of view.rows.filter((r: { diploma: unknown }) => r.diploma)) {
      expect(row.diploma.registryNumber).toMatch(/^ШМ-2025-\d{6}$/);
      expect(row.diploma.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    }
  });
});

describe('the credential', () => {
  it('is an OB 3.0 OpenBadgeCredential that passes the OB 3.0 JSON Schema, with an eddsa-rdfc-2022 proof array', async () => {
    const response = await holder.request({ method: 'GET', url: `/api/diplomas/${diplomaIds[0]}/credential` });
    expect(response.statusCode).toBe(200);
    const credential = JSON.parse(response.body);
    expect(validateOb(credential), JSON.stringify(validateOb.errors)).toBe(true);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.issuer.id).toMatch(/^did:key:z6Mk/);
    expect(credential.proof).toEqual([expect.objectContaining({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' })]);
    expect(credential.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });
    expect(credential.validFrom).toBe('2025-06-05T12:00:00Z');
    // The e-mail is only there hashed and salted.
    expect(response.body).not.toContain('@example.test');
  });

  it('lets the holder list and download their diploma as PDF, and nobody else but staff', async () => {
    const mine = (await holder.request({ method: 'GET', url: '/api/me/diplomas' })).json();
    expect(mine.items).toHaveLength(1);
    const own = mine.items[0].id;
    const pdf = await holder.request({ method: 'GET', url: `/api/diplomas/${own}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await otherParticipant.request({ method: 'GET', url: `/api/diplomas/${own}/pdf` })).statusCode).toBe(404);
    expect((await otherParticipant.request({ method: 'GET', url: `/api/diplomas/${own}/credential` })).statusCode).toBe(404);
    expect((await staff.request({ method: 'GET', url: `/api/diplomas/${own}` })).statusCode).toBe(200);
  });

  it('zips the stream diplomas for staff', async () => {
    const zip = await staff.request({ method: 'GET', url: `/api/streams/${tree.streams[0]!.id}/diplomas/zip` });
    expect(zip.statusCode).toBe(200);
    expect(zip.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await holder.request({ method: 'GET', url: `/api/streams/${tree.streams[0]!.id}/diplomas/zip` })).statusCode).toBe(404);
  });
});

describe('public verification', () => {
  const anonymous = () => anonymousAgent(t.app);

  it('shows a valid diploma with only what a verifier needs', async () => {
    const response = await anonymous().request({ method: 'GET', url: `/api/public/diplomas/${diplomaIds[0]}`, headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ isVerified: true, status: 'valid', isSignatureValid: true, achievementName: 'Школа мэров' });
    expect(body.checks.map((c: { check: string }) => c.check)).toEqual(['format', 'signature', 'issuer', 'status', 'dates']);
    expect(response.body).not.toMatch(/example\.test|revocationReason/);
  });

  it('answers 404 to an unknown id and 400 to a malformed one', async () => {
    expect((await anonymous().request({ method: 'GET', url: '/api/public/diplomas/AAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(404);
    expect((await anonymous().request({ method: 'GET', url: "/api/public/diplomas/'%20or%201=1" })).statusCode).toBe(400);
  });

  it('revokes with a reason: the public page says revoked though the signature is still valid; reinstating restores it', async () => {
    const id = diplomaIds[1]!;
    expect((await holder.request({ method: 'POST', url: `/api/diplomas/${id}/revoke`, payload: { reason: 'Ошибка в данных' } })).statusCode).toBe(404);
    const revoked = await staff.request({ method: 'POST', url: `/api/diplomas/${id}/revoke`, payload: { reason: 'Ошибка в данных' } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revocationReason: 'Ошибка в данных' });
    expect((await staff.request({ method: 'POST', url: `/api/diplomas/${id}/revoke`, payload: { reason: 'Ещё раз' } })).statusCode).toBe(409);
    const view = (await anonymous().request({ method: 'GET', url: `/api/public/diplomas/${id}` })).json();
    expect(view).toMatchObject({ isVerified: false, status: 'revoked', isSignatureValid: true });
    // The uploaded credential is judged by the signed status list alone.
    const credential = (await staff.request({ method: 'GET', url: `/api/diplomas/${id}/credential` })).json();
    const upload = (await anonymous().request({ method: 'POST', url: '/api/public/diplomas/verify', payload: credential })).json();
    expect(upload).toMatchObject({ isVerified: false, status: 'revoked', isSignatureValid: true });
    expect((await staff.request({ method: 'POST', url: `/api/diplomas/${id}/reinstate`, payload: { reason: 'Данные исправлены' } })).json().status).toBe('valid');
    expect((await anonymous().request({ method: 'POST', url: '/api/public/diplomas/verify', payload: credential })).json()).toMatchObject({ isVerified: true, status: 'valid' });
  });

  it('reports a tampered credential invalid, with the reason', async () => {
    const credential = (await staff.request({ method: 'GET', url: `/api/diplomas/${diplomaIds[0]}/credential` })).json();
    const renamed = structuredClone(credential);
    renamed.credentialSubject.identifier[0].identityHash = 'Подставной Человек';
    const redated = { ...structuredClone(credential), validFrom: '2020-01-01T00:00:00Z' };
    const truncated = structuredClone(credential);
    truncated.proof[0].proofValue = truncated.proof[0].proofValue.slice(0, 40);
    for (const tampered of [renamed, redated, truncated]) {
      const response = await anonymous().request({ method: 'POST', url: '/api/public/diplomas/verify', payload: tampered, headers: { 'accept-language': 'ru' } });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.isVerified).toBe(false);
      expect(body.isSignatureValid).toBe(false);
      expect(body.checks.find((c: { check: string }) => c.check === 'signature').message).toMatch(/подпись недействительна/i);
    }
    const notABadge = (await anonymous().request({ method: 'POST', url: '/api/public/diplomas/verify', payload: { hello: 'world' } })).json();
    expect(notABadge.checks[0]).toMatchObject({ check: 'format', isPassed: false });
  });

  it('reports a credential signed with a foreign key as not issued by this platform', async () => {
    const credential = (await staff.request({ method: 'GET', url: `/api/diplomas/${diplomaIds[0]}/credential` })).json();
    const pair = await Ed25519Multikey.generate();
    const foreignDid = didKeyFor(pair.publicKeyMultibase);
    const key = await importSigningKey(pair.publicKeyMultibase, pair.secretKeyMultibase, verificationMethodFor(pair.publicKeyMultibase), foreignDid);
    const unsigned = { ...credential, issuer: { ...credential.issuer, id: foreignDid } };
    delete unsigned.proof;
    delete unsigned.credentialStatus;
    const forged = await signCredential({ credential: unsigned, key, documentLoader: createDocumentLoader(), now: new Date() });
    const body = (await anonymous().request({ method: 'POST', url: '/api/public/diplomas/verify', payload: forged })).json();
    expect(body).toMatchObject({ isVerified: false, isSignatureValid: true });
    expect(body.checks.find((c: { check: string }) => c.check === 'issuer').isPassed).toBe(false);
  });

  it('answers malformed JSON with a translated 400, and an oversized body with 413', async () => {
    const malformed = await anonymous().request({ method: 'POST', url: '/api/public/diplomas/verify', payload: '{"@context": [', headers: { 'content-type': 'application/json', 'accept-language': 'ru' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0]).toMatchObject({ path: 'body', message: 'Файл не является корректным JSON-документом' });
    const huge = await anonymous().request({ method: 'POST', url: '/api/public/diplomas/verify', payload: { padding: 'x'.repeat(70_000) } });
    expect(huge.statusCode).toBe(413);
  });

  it('serves the signed status list and the did:web document with every key; rotation keeps old diplomas valid', async () => {
    const credential = (await staff.request({ method: 'GET', url: `/api/diplomas/${diplomaIds[0]}/credential` })).json();
    const listUrl = new URL(credential.credentialStatus.statusListCredential);
    const list = (await anonymous().request({ method: 'GET', url: listUrl.pathname })).json();
    expect(list).toMatchObject({ type: ['VerifiableCredential', 'BitstringStatusListCredential'], issuer: credential.issuer.id });
    expect((await staff.request({ method: 'POST', url: '/api/diplomas/keys/rotate' })).statusCode).toBe(403);
    const rotated = await admin.request({ method: 'POST', url: '/api/diplomas/keys/rotate' });
    expect(rotated.statusCode).toBe(200);
    const did = (await anonymous().request({ method: 'GET', url: '/.well-known/did.json' })).json();
    expect(did.verificationMethod).toHaveLength(2);
    expect(JSON.stringify(did)).not.toMatch(/secret|sealed/i);
    // At rest the secret half is sealed with the app secret (AES-256-GCM: iv.tag.body), never plain multibase.
    const box = createSecretBox('test-secret-test-secret-test-secret-0123');
    for (const key of await t.db.select().from(diplomaKeys)) {
      expect(key.sealedSecretKey).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(key.sealedSecretKey).not.toContain(key.publicKeyMultibase.slice(0, 8));
      expect(box.open(key.sealedSecretKey)).toMatch(/^z/);
    }
    expect((await anonymous().request({ method: 'GET', url: `/api/public/diplomas/${diplomaIds[0]}` })).json()).toMatchObject({ isVerified: true });
  });
});

describe('W3C VC API', () => {
  it('verifies a credential (200) and reports a tampered one (422)', async () => {
    const credential = (await staff.request({ method: 'GET', url: `/api/diplomas/${diplomaIds[0]}/credential` })).json();
    const ok = await anonymousAgent(t.app).request({ method: 'POST', url: '/api/vc/credentials/verify', payload: { verifiableCredential: credential } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ checks: expect.arrayContaining(['proof', 'status']), errors: [] });
    const bad = await anonymousAgent(t.app).request({ method: 'POST', url: '/api/vc/credentials/verify', payload: { verifiableCredential: { ...credential, name: 'Другое' } } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.length).toBeGreaterThan(0);
    const presentation = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [credential] };
    expect((await anonymousAgent(t.app).request({ method: 'POST', url: '/api/vc/presentations/verify', payload: { verifiablePresentation: presentation } })).statusCode).toBe(200);
  });

  it('lets staff issue an OpenBadgeCredential as the academy, and refuses participants', async () => {
    const credential = (await staff.request({ method: 'GET', url: `/api/diplomas/${diplomaIds[0]}/credential` })).json();
    delete credential.proof;
    delete credential.credentialStatus;
    expect((await holder.request({ method: 'POST', url: '/api/vc/credentials/issue', payload: { credential } })).statusCode).toBe(403);
    const issued = await staff.request({ method: 'POST', url: '/api/vc/credentials/issue', payload: { credential } });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(validateOb(issued.json().verifiableCredential)).toBe(true);
    const undefinedTerm = await staff.request({ method: 'POST', url: '/api/vc/credentials/issue', payload: { credential: { ...credential, id: 'urn:uuid:0b6c1d3e-7f1a-4a55-9a43-6f3e2d1c0b9a', '@context': credential['@context'].slice(0, 2), timeRequiredX: 1 } } });
    expect(undefinedTerm.statusCode).toBe(400);
  });
});

describe('rate limit', () => {
  it('answers 429 once an address has sent too many uploads in a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 65; i += 1) {
      statuses.push((await anonymousAgent(t.app).request({ method: 'POST', url: '/api/public/diplomas/verify', payload: { hello: 'world' } })).statusCode);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });
});
