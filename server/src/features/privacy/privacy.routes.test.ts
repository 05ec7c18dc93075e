import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { auditLog, consents, enrolments, outbox, people, sessions, users } from '../../db/schema/index.ts';
import { anonymousAgent, buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildPerson, buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';

let t: TestApp;
let admin: TestAgent;
let staffA: TestAgent;
let treeA: Awaited<ReturnType<typeof buildProgrammeTree>>;
let treeB: Awaited<ReturnType<typeof buildProgrammeTree>>;

const TEXT_RU = 'Я даю согласие на обработку моих персональных данных.';
const TEXT_EN = 'I consent to the processing of my personal data.';

beforeAll(async () => {
  t = await buildTestApp();
  treeA = await buildProgrammeTree(t.db);
  treeB = await buildProgrammeTree(t.db);
  const adminUser = await buildUser(t.db, { grants: [{ role: 'admin' }] });
  admin = await signIn(t.app, adminUser.email, TEST_PASSWORD);
  const staffUser = await buildUser(t.db, { grants: [{ role: 'staff', programmeId: treeA.programme.id }] });
  staffA = await signIn(t.app, staffUser.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

/** A participant of stream 3 of programme A, with an account, signed in. */
async function signedInParticipant() {
  const person = await buildPerson(t.db, { streamIds: [treeA.streams[0]!.id] });
  const user = await buildUser(t.db, { email: person.email!, personId: person.id, grants: [{ role: 'participant', streamId: treeA.streams[0]!.id }] });
  const agent = await signIn(t.app, user.email, TEST_PASSWORD);
  return { person, user, agent };
}

describe('consent documents', () => {
  it('answers 404 before any version is published, then the newest version to anyone', async () => {
    expect((await anonymousAgent(t.app).request({ method: 'GET', url: '/api/consent-documents/current' })).statusCode).toBe(404);
    expect((await admin.request({ method: 'POST', url: '/api/consent-documents', payload: { version: '2024-01', textRu: TEXT_RU, textEn: TEXT_EN } })).statusCode).toBe(201);
    const second = await admin.request({ method: 'POST', url: '/api/consent-documents', payload: { version: '2025-01', textRu: TEXT_RU, textEn: TEXT_EN } });
    expect(second.statusCode).toBe(201);
    const current = await anonymousAgent(t.app).request({ method: 'GET', url: '/api/consent-documents/current' });
    expect(current.json()).toMatchObject({ version: '2025-01', textRu: TEXT_RU, textEn: TEXT_EN });
  });

  it('refuses to republish a version (409) and refuses non-admins (403)', async () => {
    const again = await admin.request({ method: 'POST', url: '/api/consent-documents', payload: { version: '2025-01', textRu: 'Другой текст согласия', textEn: 'Another consent text' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ errors: [{ path: 'body.version' }] });
    const publish = await staffA.request({ method: 'POST', url: '/api/consent-documents', payload: { version: '2026-01', textRu: TEXT_RU, textEn: TEXT_EN } });
    expect(publish.statusCode).toBe(403);
  });
});

describe('my consents', () => {
  it('records a consent once per version and withdraws it, keeping the record', async () => {
    const { agent, person } = await signedInParticipant();
    const granted = await agent.request({ method: 'POST', url: '/api/me/consents', payload: { version: '2025-01' } });
    expect(granted.statusCode).toBe(201);
    const consent = granted.json() as { id: string; withdrawnAt: string | null };
    const again = await agent.request({ method: 'POST', url: '/api/me/consents', payload: { version: '2025-01' } });
    expect(again.statusCode).toBe(200);
    expect((again.json() as { id: string }).id).toBe(consent.id);
    const withdrawn = await agent.request({ method: 'POST', url: `/api/me/consents/${consent.id}/withdraw` });
    expect(withdrawn.statusCode).toBe(200);
    expect((withdrawn.json() as { withdrawnAt: string | null }).withdrawnAt).not.toBeNull();
    const rows = await t.db.select().from(consents).where(eq(consents.personId, person.id));
    expect(rows).toHaveLength(1);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entity, 'person'), eq(auditLog.entityId, person.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['consent.grant', 'consent.withdraw']);
  });

  it('answers 400 for an unknown version and 404 for someone else’s consent', async () => {
    const { agent } = await signedInParticipant();
    const unknown = await agent.request({ method: 'POST', url: '/api/me/consents', payload: { version: 'no-such' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ path: 'body.version' }] });
    const other = await signedInParticipant();
    const theirs = (await other.agent.request({ method: 'POST', url: '/api/me/consents', payload: { version: '2025-01' } })).json() as { id: string };
    expect((await agent.request({ method: 'POST', url: `/api/me/consents/${theirs.id}/withdraw` })).statusCode).toBe(404);
  });

  it('answers 409 to an account with no person record', async () => {
    const user = await buildUser(t.db);
    const agent = await signIn(t.app, user.email, TEST_PASSWORD);
    expect((await agent.request({ method: 'POST', url: '/api/me/consents', payload: { version: '2025-01' } })).statusCode).toBe(409);
  });
});

describe('my data export', () => {
  it('downloads my profile, enrolments, consents, grants and audit entries, and audits the export', async () => {
    const { agent, person, user } = await signedInParticipant();
    await agent.request({ method: 'POST', url: '/api/me/consents', payload: { version: '2024-01' } });
    await agent.request({ method: 'POST', url: '/api/me/consents', payload: { version: '2025-01' } });
    const response = await agent.request({ method: 'GET', url: '/api/me/export' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.json"/);
    const data = response.json() as {
      account: { email: string };
      person: { lastName: string; birthDate: string };
      enrolments: Array<{ streamId: string; programmeNameRu: string }>;
      consents: Array<{ documentVersion: string }>;
      grants: Array<{ role: string }>;
      auditEntries: Array<{ action: string; isOwnAction: boolean }>;
    };
    expect(data.account.email).toBe(user.email);
    expect(data.person).toMatchObject({ lastName: 'Иванова', birthDate: '1985-03-14' });
    expect(data.enrolments).toEqual([expect.objectContaining({ streamId: treeA.streams[0]!.id, programmeNameRu: 'Школа мэров' })]);
    expect(data.consents.map((c) => c.documentVersion).sort()).toEqual(['2024-01', '2025-01']);
    expect(data.grants).toEqual([expect.objectContaining({ role: 'participant' })]);
    expect(data.auditEntries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'consent.grant', isOwnAction: true })]));
    expect(response.body).not.toMatch(/passwordHash|scrypt/);
    const exports = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'privacy.export'), eq(auditLog.entityId, person.id)));
    expect(exports).toHaveLength(1);
  });
});

describe('erasure', () => {
  it('erases the personal fields, closes the account and keeps enrolments and the audit record', async () => {
    const { agent, person, user } = await signedInParticipant();
    await agent.request({ method: 'POST', url: '/api/me/consents', payload: { version: '2025-01' } });
    await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
    const enrolmentCount = async () => (await t.db.select({ value: count() }).from(enrolments).where(eq(enrolments.streamId, treeA.streams[0]!.id)))[0]!.value;
    const before = await enrolmentCount();

    const response = await staffA.request({ method: 'POST', url: `/api/people/${person.id}/erasure`, payload: { reason: 'Заявление субъекта от 01.06.2025' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ personId: person.id, enrolmentsKept: 1, usersDeactivated: 1 });

    expect(await enrolmentCount()).toBe(before);
    const [erased] = await t.db.select().from(people).where(eq(people.id, person.id));
    expect(erased).toMatchObject({ lastName: 'Удалено', firstName: 'Erased', middleName: null, email: null, phone: null, birthDate: null });
    expect(erased!.erasedAt).not.toBeNull();
    const [account] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(account).toMatchObject({ isActive: false, passwordHash: null });
    expect(account!.email).not.toBe(user.email);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect(await t.db.select().from(outbox).where(eq(outbox.toAddress, user.email))).toHaveLength(0);
    const [consent] = await t.db.select().from(consents).where(eq(consents.personId, person.id));
    expect(consent!.withdrawnAt).not.toBeNull();
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'person.erase'), eq(auditLog.entityId, person.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ reason: 'Заявление субъекта от 01.06.2025', enrolmentsKept: 1 });

    const again = await admin.request({ method: 'POST', url: `/api/people/${person.id}/erasure`, payload: { reason: 'Повторно' } });
    expect(again.statusCode).toBe(409);
  });

  it('leaves erasing an administrator’s person record to admins', async () => {
    const person = await buildPerson(t.db, { streamIds: [treeA.streams[1]!.id] });
    await buildUser(t.db, { email: person.email!, personId: person.id, grants: [{ role: 'admin' }] });
    const byStaff = await staffA.request({ method: 'POST', url: `/api/people/${person.id}/erasure`, payload: { reason: 'Проверка' } });
    expect(byStaff.statusCode).toBe(403);
    const byAdmin = await admin.request({ method: 'POST', url: `/api/people/${person.id}/erasure`, payload: { reason: 'Проверка' } });
    expect(byAdmin.statusCode).toBe(200);
  });

  it('answers 404 to staff for a person of another programme and for an unknown id, 403 to a participant', async () => {
    const inB = await buildPerson(t.db, { streamIds: [treeB.streams[0]!.id] });
    const foreign = await staffA.request({ method: 'POST', url: `/api/people/${inB.id}/erasure`, payload: { reason: 'Проверка' } });
    expect(foreign.statusCode).toBe(404);
    const [untouched] = await t.db.select().from(people).where(eq(people.id, inB.id));
    expect(untouched!.erasedAt).toBeNull();
    const unknown = await admin.request({ method: 'POST', url: '/api/people/00000000-0000-4000-8000-000000000000/erasure', payload: { reason: 'Проверка' } });
    expect(unknown.statusCode).toBe(404);
    const { agent } = await signedInParticipant();
    expect((await agent.request({ method: 'POST', url: `/api/people/${inB.id}/erasure`, payload: { reason: 'Проверка' } })).statusCode).toBe(403);
  });
});
