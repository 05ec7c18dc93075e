import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, outbox, roleGrants, sessions } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';

let t: TestApp;
let admin: TestAgent;
let adminId: string;
let treeA: Awaited<ReturnType<typeof buildProgrammeTree>>;
let treeB: Awaited<ReturnType<typeof buildProgrammeTree>>;
let staffA: TestAgent;

beforeAll(async () => {
  t = await buildTestApp();
  treeA = await buildProgrammeTree(t.db);
  treeB = await buildProgrammeTree(t.db);
  const adminUser = await buildUser(t.db, { grants: [{ role: 'admin' }] });
  adminId = adminUser.id;
  admin = await signIn(t.app, adminUser.email, TEST_PASSWORD);
  const staffUser = await buildUser(t.db, { grants: [{ role: 'staff', programmeId: treeA.programme.id }] });
  staffA = await signIn(t.app, staffUser.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

const newEmail = () => `new-${Math.random().toString(36).slice(2, 10)}@example.test`;

describe('listing users', () => {
  it('refuses a participant with 403', async () => {
    const participant = await buildUser(t.db, { grants: [{ role: 'participant', streamId: treeA.streams[0]!.id }] });
    const agent = await signIn(t.app, participant.email, TEST_PASSWORD);
    const response = await agent.request({ method: 'GET', url: '/api/users' });
    expect(response.statusCode).toBe(403);
  });

  it('lets an admin search, filter by role, sort and page, with the total', async () => {
    const marker = `zz${Math.random().toString(36).slice(2, 8)}`;
    for (const name of ['Бета', 'Альфа', 'Гамма']) {
      await buildUser(t.db, { displayName: `${name} ${marker}`, grants: [{ role: 'expert', programmeId: treeB.programme.id }] });
    }
    await buildUser(t.db, { displayName: `Дельта ${marker}`, grants: [{ role: 'participant', programmeId: treeB.programme.id }] });
    const response = await admin.request({ method: 'GET', url: `/api/users?q=${marker}&role=expert&sort=displayName&order=asc&pageSize=2&page=1` });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { items: Array<{ displayName: string; grants: unknown[] }>; total: number };
    expect(body.total).toBe(3);
    expect(body.items.map((u) => u.displayName)).toEqual([`Альфа ${marker}`, `Бета ${marker}`]);
    expect(body.items[0]!.grants).toEqual([
      { role: 'expert', programmeId: treeB.programme.id, organisationId: null, streamId: null, regionCode: null },
    ]);
  });

  it('shows a staff member only the users and grants inside their programme', async () => {
    const inA = await buildUser(t.db, { grants: [{ role: 'participant', streamId: treeA.streams[0]!.id }] });
    const inB = await buildUser(t.db, { grants: [{ role: 'participant', streamId: treeB.streams[0]!.id }] });
    const inBoth = await buildUser(t.db, {
      grants: [
        { role: 'expert', programmeId: treeA.programme.id },
        { role: 'expert', programmeId: treeB.programme.id },
      ],
    });
    const list = (await staffA.request({ method: 'GET', url: '/api/users?pageSize=500' })).json() as {
      items: Array<{ id: string; grants: Array<{ programmeId: string | null }> }>;
    };
    const ids = list.items.map((u) => u.id);
    expect(ids).toContain(inA.id);
    expect(ids).toContain(inBoth.id);
    expect(ids).not.toContain(inB.id);
    expect(list.items.find((u) => u.id === inBoth.id)!.grants.map((g) => g.programmeId)).toEqual([treeA.programme.id]);
    expect((await staffA.request({ method: 'GET', url: `/api/users/${inB.id}` })).statusCode).toBe(404);
  });
});

describe('creating users', () => {
  it('creates the account with its grants and mails an invitation without returning the link', async () => {
    const email = newEmail();
    const response = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { email: email.toUpperCase(), displayName: 'Пётр Смирнов', locale: 'en', grants: [{ role: 'participant', streamId: treeA.streams[1]!.id }], sendInvitation: true },
    });
    expect(response.statusCode).toBe(201);
    expect(response.body).not.toMatch(/accept-invitation|token/i);
    const user = response.json() as { id: string; email: string; hasPassword: boolean; grants: unknown[] };
    expect(user).toMatchObject({ email, hasPassword: false });
    // The stream's programme and organisation are stored with the grant.
    expect(user.grants).toEqual([
      { role: 'participant', streamId: treeA.streams[1]!.id, programmeId: treeA.programme.id, organisationId: treeA.organisation.id, regionCode: null },
    ]);
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.toAddress, email));
    expect(mail).toMatchObject({ kind: 'invitation', subject: 'Invitation to the School of Mayors platform' });
    const token = /token=([\w-]+)/.exec(mail!.textBody)![1]!;
    const accepted = await t.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token, password: 'a-long-enough-password' } });
    expect(accepted.statusCode).toBe(200);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.create'), eq(auditLog.entityId, user.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(adminId);
  });

  it('answers 409 naming the field for an e-mail already taken', async () => {
    const existing = await buildUser(t.db);
    const response = await admin.request({ method: 'POST', url: '/api/users', payload: { email: existing.email, displayName: 'Дубль', sendInvitation: false } });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'conflict', errors: [{ path: 'body.email' }] });
  });

  it('requires a region for a coordinator and rejects unknown streams for admins with a field error', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        email: newEmail(),
        displayName: 'Координатор',
        sendInvitation: false,
        grants: [{ role: 'coordinator', programmeId: treeA.programme.id }, { role: 'expert', streamId: '00000000-0000-4000-8000-000000000000' }],
      },
    });
    expect(response.statusCode).toBe(400);
    const paths = (response.json() as { errors: Array<{ path: string }> }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.grants.0.regionCode', 'body.grants.1.streamId']));
  });

  it('lets staff invite a participant into their own programme', async () => {
    const response = await staffA.request({
      method: 'POST',
      url: '/api/users',
      payload: { email: newEmail(), displayName: 'Участник', grants: [{ role: 'participant', streamId: treeA.streams[0]!.id }] },
    });
    expect(response.statusCode).toBe(201);
  });

  it.each([
    ['admin', { role: 'admin' }],
    ['staff in their own programme', { role: 'staff', programmeId: 'A' }],
    ['a participant in another programme', { role: 'participant', programmeId: 'B' }],
    ['a participant in an unknown stream', { role: 'participant', streamId: '00000000-0000-4000-8000-000000000000' }],
    ['a platform-wide expert', { role: 'expert' }],
  ] as Array<[string, { role: string; programmeId?: string; streamId?: string }]>)('refuses staff granting %s with 403', async (_label, grant) => {
    const resolved = { ...grant, programmeId: grant.programmeId === 'A' ? treeA.programme.id : grant.programmeId === 'B' ? treeB.programme.id : undefined };
    const email = newEmail();
    const response = await staffA.request({ method: 'POST', url: '/api/users', payload: { email, displayName: 'Кто-то', grants: [resolved] } });
    expect(response.statusCode).toBe(403);
    expect(await t.db.select().from(outbox).where(eq(outbox.toAddress, email))).toHaveLength(0);
  });
});

describe('changing grants', () => {
  it('lets staff replace only the grants inside their programme and keeps the others', async () => {
    const user = await buildUser(t.db, {
      grants: [
        { role: 'participant', programmeId: treeA.programme.id },
        { role: 'expert', programmeId: treeB.programme.id },
      ],
    });
    const response = await staffA.request({
      method: 'PUT',
      url: `/api/users/${user.id}/grants`,
      payload: { grants: [{ role: 'alumnus', programmeId: treeA.programme.id }] },
    });
    expect(response.statusCode).toBe(200);
    expect((response.json() as { grants: Array<{ role: string }> }).grants.map((g) => g.role)).toEqual(['alumnus']);
    const stored = await t.db.select().from(roleGrants).where(eq(roleGrants.userId, user.id));
    expect(stored.map((g) => `${g.role}@${g.programmeId}`).sort()).toEqual([`alumnus@${treeA.programme.id}`, `expert@${treeB.programme.id}`].sort());
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.grants_set'), eq(auditLog.entityId, user.id)));
    expect(audit).toHaveLength(1);
  });

  it('answers 404 to staff changing the grants of a user in another programme', async () => {
    const user = await buildUser(t.db, { grants: [{ role: 'participant', programmeId: treeB.programme.id }] });
    const response = await staffA.request({
      method: 'PUT',
      url: `/api/users/${user.id}/grants`,
      payload: { grants: [{ role: 'participant', programmeId: treeA.programme.id }] },
    });
    expect(response.statusCode).toBe(404);
    const stored = await t.db.select().from(roleGrants).where(eq(roleGrants.userId, user.id));
    expect(stored.map((g) => g.programmeId)).toEqual([treeB.programme.id]);
  });

  it('refuses staff acting on an admin who also takes part in their programme', async () => {
    const other = await buildUser(t.db, { grants: [{ role: 'admin' }, { role: 'expert', programmeId: treeA.programme.id }] });
    expect((await staffA.request({ method: 'POST', url: `/api/users/${other.id}/deactivate` })).statusCode).toBe(403);
    expect((await staffA.request({ method: 'PUT', url: `/api/users/${other.id}/grants`, payload: { grants: [] } })).statusCode).toBe(403);
  });
});

describe('invitations and deactivation', () => {
  it('mails a fresh invitation on request and audits it', async () => {
    const user = await buildUser(t.db, { passwordHash: null, grants: [{ role: 'participant', programmeId: treeA.programme.id }] });
    const response = await staffA.request({ method: 'POST', url: `/api/users/${user.id}/invitation` });
    expect(response.statusCode).toBe(202);
    expect(await t.db.select().from(outbox).where(eq(outbox.toAddress, user.email))).toHaveLength(1);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.invitation_sent'), eq(auditLog.entityId, user.id)));
    expect(audit).toHaveLength(1);
  });

  it('deactivates an account and ends its sessions at once', async () => {
    const user = await buildUser(t.db, { grants: [{ role: 'participant', programmeId: treeA.programme.id }] });
    const victim = await signIn(t.app, user.email, TEST_PASSWORD);
    const response = await staffA.request({ method: 'POST', url: `/api/users/${user.id}/deactivate` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ isActive: false });
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await victim.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const signInAgain = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(signInAgain.statusCode).toBe(401);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.deactivate'), eq(auditLog.entityId, user.id)));
    expect(audit[0]!.details).toMatchObject({ sessions: 1 });
  });

  it('does not let an admin deactivate their own account', async () => {
    const response = await admin.request({ method: 'POST', url: `/api/users/${adminId}/deactivate` });
    expect(response.statusCode).toBe(409);
  });
});
