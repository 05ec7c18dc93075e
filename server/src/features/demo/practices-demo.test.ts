import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AdoptionPlan, PracticePage } from '@ms/contracts/practices';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from './catalogue.ts';
import { seedDemoIfEmpty } from './demo.seed.ts';

const ARTICLE_REGIONS = ['RU-ARK', 'RU-CE', 'RU-IRK', 'RU-KHM', 'RU-KLU', 'RU-MOS', 'RU-MOW', 'RU-NGR', 'RU-SA', 'RU-SAM'];

let t: TestApp;
let participant: TestAgent;
const rows = async <T>(query: ReturnType<typeof sql>) => (await t.db.execute(query)).rows as T[];

beforeAll(async () => {
  // "Now" is after the intake, so the demo's unrecorded check-ins read as overdue.
  t = await buildTestApp({ clock: { now: () => new Date('2026-11-26T09:00:00Z') } });
  await seedDemoIfEmpty({ db: t.db, log: t.app.log });
  participant = await signIn(t.app, `participant@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
}, 120_000);
afterAll(async () => t?.close());

describe('practices demo', () => {
  it('has approved practices from each of the ten host regions, each shown at a field module and most at a site visit', async () => {
    const [summary] = await rows<{ regions: string[]; unshown: number; visits: number; total: number }>(sql`
      select array_agg(distinct p.origin_region_code order by p.origin_region_code) as regions,
             count(*) filter (where not exists (select 1 from practice_showings s where s.practice_id = p.id))::int as unshown,
             count(*) filter (where exists (select 1 from practice_showings s where s.practice_id = p.id and s.session_id is not null))::int as visits,
             count(*)::int as total
      from practices p where p.status = 'approved'`);
    expect(summary!.regions).toEqual(ARTICLE_REGIONS);
    expect(summary!.unshown).toBe(0);
    expect(summary!.visits).toBe(summary!.total);
  });

  it('has plans by participants of streams 3 and 4 at every stage, with check-ins done and overdue', async () => {
    const stages = await rows<{ stage: string; streams: number[] }>(sql`
      select a.stage, array_agg(distinct s.number order by s.number) as streams
      from adoption_plans a join enrolments e on e.person_id = a.person_id join streams s on s.id = e.stream_id
      where s.number in (3, 4) group by a.stage order by a.stage`);
    expect(stages.map((s) => s.stage)).toEqual(['idea', 'operating', 'pilot', 'scaled']);
    const [checkIns] = await rows<{ done: number; overdue: number; upcoming: number }>(sql`
      select count(*) filter (where done_at is not null)::int as done,
             count(*) filter (where done_at is null and due_on < date '2026-11-26')::int as overdue,
             count(*) filter (where done_at is null and due_on >= date '2026-11-26')::int as upcoming
      from adoption_check_ins`);
    expect(checkIns!.done).toBeGreaterThan(20);
    expect(checkIns!.overdue).toBeGreaterThan(10);
    expect(checkIns!.upcoming).toBeGreaterThan(0);
  });

  it("finds a demo practice by an inflected Russian word and shows the participant's own plans with an overdue check-in", async () => {
    const page = (await participant.request({ method: 'GET', url: `/api/practices?q=${encodeURIComponent('автобусов')}` })).json() as PracticePage;
    expect(page.items[0]?.title).toBe('Школьные автобусы по расписанию с GPS-контролем');
    const mine = (await participant.request({ method: 'GET', url: '/api/me/adoption-plans' })).json() as { items: Array<{ id: string; overdueCheckIns: number }> };
    expect(mine.items).toHaveLength(2);
    expect(mine.items.some((p) => p.overdueCheckIns > 0)).toBe(true);
    const plan = (await participant.request({ method: 'GET', url: `/api/adoption-plans/${mine.items[1]!.id}` })).json() as AdoptionPlan;
    expect(plan.checkIns.filter((c) => c.state === 'done').length).toBeGreaterThan(0);
    expect(plan.kpis[0]!.actual).not.toBeNull();
  });
});
