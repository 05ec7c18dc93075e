import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildUser, TEST_PASSWORD } from '../../../test/factories.ts';

let t: TestApp;
let admin: TestAgent;
const entity = `widget-${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  t = await buildTestApp();
  const adminUser = await buildUser(t.db, { grants: [{ role: 'admin' }] });
  admin = await signIn(t.app, adminUser.email, TEST_PASSWORD);
  await t.db.insert(auditLog).values([
    { at: new Date('2025-01-10T09:00:00Z'), actorEmail: 'alice@example.test', action: 'widget.create', entity, entityId: '1' },
    { at: new Date('2025-01-11T09:00:00Z'), actorEmail: 'bob@example.test', action: 'widget.update', entity, entityId: '1' },
    { at: new Date('2025-01-12T23:59:00Z'), actorEmail: 'alice@example.test', action: 'widget.update', entity, entityId: '2' },
    // A value a spreadsheet would run as a formula.
    { at: new Date('2025-01-13T09:00:00Z'), actorEmail: 'carol@example.test', action: 'widget.delete', entity, entityId: '=HYPERLINK("x")' },
  ]);
});
afterAll(async () => t?.close());

type Page = { items: Array<{ action: string; entityId: string; actorEmail: string }>; total: number };

describe('browsing the audit log', () => {
  it('refuses anyone but an admin', async () => {
    const staff = await buildUser(t.db, { grants: [{ role: 'staff' }] });
    const agent = await signIn(t.app, staff.email, TEST_PASSWORD);
    expect((await agent.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    expect((await agent.request({ method: 'GET', url: '/api/audit/export' })).statusCode).toBe(403);
  });

  it('answers newest first with the total count, paged', async () => {
    const response = await admin.request({ method: 'GET', url: `/api/audit?entity=${entity}&pageSize=3&page=1` });
    expect(response.statusCode).toBe(200);
    const page = response.json() as Page;
    expect(page.total).toBe(4);
    expect(page.items.map((e) => e.action)).toEqual(['widget.delete', 'widget.update', 'widget.update']);
    const second = (await admin.request({ method: 'GET', url: `/api/audit?entity=${entity}&pageSize=3&page=2` })).json() as Page;
    expect(second.items.map((e) => e.action)).toEqual(['widget.create']);
  });

  it('filters by action prefix, actor, entity id and a date range that includes the whole last day', async () => {
    const byPrefix = (await admin.request({ method: 'GET', url: `/api/audit?entity=${entity}&action=widget.up*` })).json() as Page;
    expect(byPrefix.total).toBe(2);
    const byActor = (await admin.request({ method: 'GET', url: `/api/audit?entity=${entity}&actor=alice` })).json() as Page;
    expect(byActor.items.map((e) => e.entityId)).toEqual(['2', '1']);
    const byId = (await admin.request({ method: 'GET', url: `/api/audit?entity=${entity}&entityId=1&action=widget.update` })).json() as Page;
    expect(byId.total).toBe(1);
    const byDates = (await admin.request({ method: 'GET', url: `/api/audit?entity=${entity}&from=2025-01-11&to=2025-01-12` })).json() as Page;
    expect(byDates.items.map((e) => e.entityId)).toEqual(['2', '1']);
  });

  it('rejects a malformed date with a field error', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/audit?from=yesterday' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [expect.objectContaining({ path: 'querystring.from' })] });
  });
});

describe('exporting the audit log', () => {
  it('downloads the filtered entries as CSV with translated headers, neutralises formulas and audits the export', async () => {
    const response = await admin.request({ method: 'GET', url: `/api/audit/export?entity=${entity}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const lines = response.body.slice(1).split('\r\n');
    // The admin's own language setting (ru by default) picks the headers.
    expect(lines[0]).toBe('Время (UTC),Кто,Действие,Объект,Идентификатор объекта,IP-адрес,Подробности');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`'=HYPERLINK`);
    const exports = await t.db.select().from(auditLog).where(eq(auditLog.action, 'audit.export'));
    expect(exports[0]!.details).toMatchObject({ rows: 4 });
  });
});

describe('append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on audit_log at the database level', async () => {
    await expect(t.db.execute(sql`update audit_log set action = 'tampered'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const error = await t.db.execute(sql`delete from audit_log where entity = ${entity}`).catch((e: unknown) => e);
    expect(String((error as { cause?: unknown }).cause ?? error)).toContain('append-only');
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entity, entity));
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.action !== 'tampered')).toBe(true);
  });
});
