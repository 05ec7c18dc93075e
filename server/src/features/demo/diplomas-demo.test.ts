import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousAgent, buildTestApp, type TestApp } from '../../../test/app.ts';
import { createSecretBox } from '../../lib/secret-box.ts';
import { seedDemoIfEmpty } from './demo.seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  // The test app's secret, so the app opens the key the seeder sealed.
  await seedDemoIfEmpty({ db: t.db, log: t.app.log, issuer: { secretBox: createSecretBox('test-secret-test-secret-test-secret-0123'), publicUrl: t.config.publicUrl } });
}, 240_000);
afterAll(async () => t?.close());

describe('diplomas demo', () => {
  it('issues diplomas to the eligible graduates of streams 3 and 4, dated the ceremony day, two revoked with reasons', async () => {
    const result = await t.db.execute<{ number: number; total: number; revoked: number; days: string[]; reasons: number }>(sql`
      select s.number, count(*)::int as total, count(d.revoked_at)::int as revoked,
             array_agg(distinct to_char(d.valid_from at time zone 'UTC', 'YYYY-MM-DD')) as days,
             count(d.revocation_reason)::int as reasons
      from diplomas d join streams s on s.id = d.stream_id group by s.number order by s.number`);
    expect(result.rows.map((r) => r.number)).toEqual([3, 4]);
    for (const row of result.rows) {
      expect(row.total).toBeGreaterThan(0);
      expect(row.days).toEqual(['2025-06-05']);
    }
    expect(result.rows.reduce((sum, r) => sum + r.revoked, 0)).toBe(2);
    expect(result.rows.reduce((sum, r) => sum + r.reasons, 0)).toBe(2);
  });

  it('verifies a demo diploma publicly, and shows a revoked one as revoked', async () => {
    const valid = await t.db.execute<{ id: string }>(sql`select id from diplomas where revoked_at is null limit 1`);
    const revoked = await t.db.execute<{ id: string }>(sql`select id from diplomas where revoked_at is not null limit 1`);
    const anonymous = anonymousAgent(t.app);
    expect((await anonymous.request({ method: 'GET', url: `/api/public/diplomas/${valid.rows[0]!.id}` })).json()).toMatchObject({ isVerified: true, status: 'valid' });
    expect((await anonymous.request({ method: 'GET', url: `/api/public/diplomas/${revoked.rows[0]!.id}` })).json()).toMatchObject({ isVerified: false, status: 'revoked', isSignatureValid: true });
  });
});
