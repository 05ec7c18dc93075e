import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousAgent, buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildPerson, buildProgrammeTree, buildUser, enrol, TEST_PASSWORD } from '../../../test/factories.ts';

let t: TestApp;
let staff: TestAgent;
let participant: TestAgent;

/** An unsigned OpenBadgeCredential as a VC API client would send it. */
function badge(id?: string) {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    ...(id ? { id } : {}),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Участник стратегической сессии',
    issuer: { id: 'did:example:someone-else', type: ['Profile'], name: 'Академия' },
    validFrom: '2025-06-05T12:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Иванов Иван' }],
      achievement: { id: 'urn:uuid:6b3f7c1e-1d1e-4c1a-9d8e-0f0e7a1b2c3d', type: ['Achievement'], name: 'Стратегическая сессия', criteria: { narrative: 'Участие' } },
    },
  };
}

beforeAll(async () => {
  t = await buildTestApp();
  const tree = await buildProgrammeTree(t.db);
  const person = await buildPerson(t.db);
  await enrol(t.db, person.id, tree.streams[0]!.id);
  const scope = { organisationId: tree.organisation.id, programmeId: tree.programme.id };
  staff = await signIn(t.app, (await buildUser(t.db, { grants: [{ role: 'staff', ...scope }] })).email, TEST_PASSWORD);
  participant = await signIn(t.app, (await buildUser(t.db, { personId: person.id, grants: [{ role: 'participant', ...scope, streamId: tree.streams[0]!.id }] })).email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

const verify = (credential: unknown) => anonymousAgent(t.app).request({ method: 'POST', url: '/api/vc/credentials/verify', payload: { verifiableCredential: credential } });
const setStatus = (agent: TestAgent, credentialId: string, status: 'revoked' | 'active', reason = 'Выдан по ошибке') =>
  agent.request({ method: 'POST', url: '/api/vc/credentials/status', payload: { credentialId, credentialStatus: [{ type: 'BitstringStatusListEntry', status }], reason } });

describe('VC API issue', () => {
  it('registers what it issues, with a status entry of the academy and the academy as issuer', async () => {
    const issued = await staff.request({ method: 'POST', url: '/api/vc/credentials/issue', payload: { credential: badge() } });
    expect(issued.statusCode, issued.body).toBe(201);
    const vc = issued.json().verifiableCredential;
    expect(vc.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(vc.issuer.id).toMatch(/^did:key:z6Mk/);
    expect(vc.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListCredential: expect.stringContaining('/api/public/status-lists/') });
    const rows = await t.db.execute<{ credential_id: string; status_index: number }>(sql`select credential_id, status_index from diploma_vc_credentials`);
    expect(rows.rows).toEqual([{ credential_id: vc.id, status_index: Number(vc.credentialStatus.statusListIndex) }]);
    expect((await verify(vc)).statusCode).toBe(200);
  });

  it('refuses a second credential with the same id (409) and keeps no trace of the refused one', async () => {
    const id = 'urn:uuid:1c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
    expect((await staff.request({ method: 'POST', url: '/api/vc/credentials/issue', payload: { credential: badge(id) } })).statusCode).toBe(201);
    const again = await staff.request({ method: 'POST', url: '/api/vc/credentials/issue', payload: { credential: badge(id) } });
    expect(again.statusCode).toBe(409);
    const count = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from diploma_vc_credentials where credential_id = ${id}`);
    expect(count.rows[0]!.n).toBe(1);
  });

  it('revokes and reinstates an issued credential through the status endpoint; verification follows the signed list', async () => {
    const vc = (await staff.request({ method: 'POST', url: '/api/vc/credentials/issue', payload: { credential: badge('https://example.test/badges/42') } })).json().verifiableCredential;
    expect((await setStatus(participant, vc.id, 'revoked')).statusCode).toBe(403);
    const revoked = await setStatus(staff, vc.id, 'revoked');
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toEqual({ credentialId: vc.id, status: 'revoked' });
    const afterRevoke = await verify(vc);
    expect(afterRevoke.statusCode).toBe(422);
    expect(afterRevoke.json().checks).toContain('proof');
    expect((await setStatus(staff, vc.id, 'revoked')).statusCode).toBe(409);
    expect((await setStatus(staff, vc.id, 'active')).statusCode).toBe(200);
    expect((await verify(vc)).statusCode).toBe(200);
    const audit = await t.db.execute<{ action: string }>(sql`select action from audit_log where entity_id = ${vc.id} order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['diploma.vc_api_issue', 'diploma.vc_api_revoke', 'diploma.vc_api_reinstate']);
  });

  it('answers 404 for a credential it did not issue, and 400 without a reason', async () => {
    expect((await setStatus(staff, 'urn:uuid:00000000-0000-4000-8000-000000000000', 'revoked')).statusCode).toBe(404);
    expect((await setStatus(staff, 'urn:uuid:00000000-0000-4000-8000-000000000000', 'revoked', '')).statusCode).toBe(400);
  });
});
