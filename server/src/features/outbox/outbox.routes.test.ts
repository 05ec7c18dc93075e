import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, outbox } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildUser, TEST_PASSWORD } from '../../../test/factories.ts';

let t: TestApp;
let admin: TestAgent;

beforeAll(async () => {
  t = await buildTestApp();
  const adminUser = await buildUser(t.db, { grants: [{ role: 'admin' }] });
  admin = await signIn(t.app, adminUser.email, TEST_PASSWORD);
  await t.db.insert(outbox).values([
    { toAddress: 'old@example.test', subject: 'Первое', textBody: 'тело 1', kind: 'invitation', createdAt: new Date('2025-01-01T00:00:00Z') },
    { toAddress: 'new@example.test', subject: 'Второе', textBody: 'тело 2', kind: 'password_reset', createdAt: new Date('2025-01-02T00:00:00Z'), sentAt: new Date('2025-01-02T00:00:01Z') },
    { toAddress: 'bad@example.test', subject: 'Третье', textBody: 'тело 3', kind: 'invitation', createdAt: new Date('2025-01-03T00:00:00Z'), error: 'refused' },
  ]);
});
afterAll(async () => t?.close());

type Page = { items: Array<{ id: string; toAddress: string; status: string }>; total: number };

describe('the outbox', () => {
  it('refuses anyone but an admin', async () => {
    const staff = await buildUser(t.db, { grants: [{ role: 'staff' }] });
    const agent = await signIn(t.app, staff.email, TEST_PASSWORD);
    expect((await agent.request({ method: 'GET', url: '/api/outbox' })).statusCode).toBe(403);
  });

  it('lists messages newest first with their delivery status, paged and filtered', async () => {
    const page = (await admin.request({ method: 'GET', url: '/api/outbox?pageSize=2' })).json() as Page;
    expect(page.total).toBe(3);
    expect(page.items.map((m) => [m.toAddress, m.status])).toEqual([
      ['bad@example.test', 'failed'],
      ['new@example.test', 'sent'],
    ]);
    const invitations = (await admin.request({ method: 'GET', url: '/api/outbox?kind=invitation&q=old' })).json() as Page;
    expect(invitations.items.map((m) => m.toAddress)).toEqual(['old@example.test']);
  });

  it('shows one message in full and audits the read; an unknown id is 404', async () => {
    const page = (await admin.request({ method: 'GET', url: '/api/outbox?q=old' })).json() as Page;
    const id = page.items[0]!.id;
    const response = await admin.request({ method: 'GET', url: `/api/outbox/${id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ subject: 'Первое', textBody: 'тело 1', status: 'not_sent' });
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'outbox.read'), eq(auditLog.entityId, id)))).toHaveLength(1);
    expect((await admin.request({ method: 'GET', url: '/api/outbox/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });
});
