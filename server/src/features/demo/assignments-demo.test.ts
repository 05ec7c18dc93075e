import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from './catalogue.ts';
import { evaluateCompletion } from '../completion/completion.service.ts';
import { seedDemoIfEmpty } from './demo.seed.ts';

let t: TestApp;
let streams: Array<{ id: string; number: number }>;
const agents = {} as Record<'staff' | 'expert' | 'participant', TestAgent>;

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemoIfEmpty({ db: t.db, log: t.app.log });
  streams = (await t.db.execute<{ id: string; number: number }>(sql`
    select s.id, s.number from streams s join intakes i on i.id = s.intake_id join programmes p on p.id = i.programme_id
    where p.slug = 'school-of-mayors' and i.starts_on = '2024-10-08' order by s.number`)).rows;
  for (const role of ['staff', 'expert', 'participant'] as const) agents[role] = await signIn(t.app, `${role}@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
}, 180_000);
afterAll(async () => t?.close());

describe('assignments demo', () => {
  it('sets four assignments per stream, submitted (some late), graded and released', async () => {
    const [summary] = (await t.db.execute<{ assignments: number; late: number; released: number; graded: number }>(sql`
      select (select count(*)::int from assignments) as assignments,
             (select count(*)::int from submissions where is_late) as late,
             (select count(*)::int from grades where released_at is not null) as released,
             (select count(*)::int from grades) as graded`)).rows;
    expect(summary!.assignments).toBe(8);
    expect(summary!.late).toBeGreaterThan(0);
    expect(summary!.released).toBe(summary!.graded);
    const book = await agents.staff.request({ method: 'GET', url: `/api/streams/${streams[0]!.id}/gradebook?pageSize=100` });
    expect(book.json()).toMatchObject({ total: 80, assignments: expect.any(Array) });
  });

  it('makes most of the 160 eligible and gives every one of the others a reason', async () => {
    const results = (await Promise.all(streams.map((s) => evaluateCompletion(t.db, s.id)))).flatMap((r) => r.items);
    expect(results).toHaveLength(160);
    const notEligible = results.filter((r) => !r.isEligible);
    expect(notEligible.length).toBeGreaterThanOrEqual(4);
    expect(notEligible.length).toBeLessThanOrEqual(20);
    for (const r of notEligible) expect(r.missing.length).toBeGreaterThan(0);
    expect(new Set(notEligible.flatMap((r) => r.missing.map((m) => m.kind)))).toContain('attendance');
    expect(notEligible.some((r) => r.missing.some((m) => m.kind === 'assignment' && m.status === 'failed'))).toBe(true);
    expect(results.filter((r) => r.exception).length).toBe(2);
  });

  it('leaves the demo participant an open essay and gives the demo expert a graded queue', async () => {
    const mine = (await agents.participant.request({ method: 'GET', url: '/api/me/assignments' })).json().items;
    expect(mine).toHaveLength(4);
    expect(mine.find((i: { assignment: { isRequired: boolean } }) => !i.assignment.isRequired).latestVersion).toBe(0);
    const queue = (await agents.expert.request({ method: 'GET', url: '/api/grading/queue?status=graded' })).json().items;
    expect(queue.length).toBeGreaterThan(100);
  });
});
