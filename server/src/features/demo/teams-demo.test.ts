import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { seedDemoIfEmpty } from './demo.seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemoIfEmpty({ db: t.db, log: t.app.log });
}, 120_000);
afterAll(async () => t?.close());

const rows = async <T>(query: ReturnType<typeof sql>) => (await t.db.execute(query)).rows as T[];
const INTAKE = sql`join streams s on s.id = x.stream_id join intakes i on i.id = s.intake_id where i.starts_on = '2024-10-08'`;

describe('teams, improvements and projects demo', () => {
  it('places every participant of streams 3 and 4 in exactly one team of 5–8', async () => {
    const sizes = await rows<{ size: number }>(sql`select count(*)::int as size from team_members x ${INTAKE} group by x.team_id`);
    expect(sizes.length).toBeGreaterThanOrEqual(20);
    for (const { size } of sizes) expect(size >= 5 && size <= 8).toBe(true);
    const [placed] = await rows<{ n: number }>(sql`select count(distinct x.person_id)::int as n from team_members x ${INTAKE}`);
    expect(placed!.n).toBe(160);
  });

  it('records improvements in every one of the 30 areas for each stream', async () => {
    const coverage = await rows<{ number: number; areas: number }>(sql`select s.number, count(distinct x.area)::int as areas from improvements x ${INTAKE} group by s.number order by s.number`);
    expect(coverage).toEqual([
      { number: 3, areas: 30 },
      { number: 4, areas: 30 },
    ]);
  });

  it('puts every participant on one project defended at module 6: most passed, a few failed', async () => {
    const [members] = await rows<{ n: number }>(sql`select count(distinct x.person_id)::int as n from project_members x ${INTAKE}`);
    expect(members!.n).toBe(160);
    const results = await rows<{ result: string; n: number }>(sql`select x.defence_result as result, count(*)::int as n from projects x ${INTAKE} group by 1 order by 1`);
    const failed = results.find((r) => r.result === 'failed')?.n ?? 0;
    const passed = results.find((r) => r.result === 'passed')?.n ?? 0;
    expect(failed).toBeGreaterThan(0);
    expect(passed).toBeGreaterThan(failed * 5);
    const [undefended] = await rows<{ n: number }>(sql`select count(*)::int as n from projects x left join schedule_sessions ss on ss.id = x.defence_session_id left join schedule_modules m on m.id = ss.module_id where m.number is distinct from 6`);
    expect(undefended!.n).toBe(0);
    const [updates] = await rows<{ n: number }>(sql`select count(distinct project_id)::int as n from project_implementation_updates`);
    expect(updates!.n).toBeGreaterThan(5);
  });

  it('forms the same teams on every start (the ids are random, the demo is not)', async () => {
    // A digest of who is in which team, by stream, team name and e-mail: pinned, so a change shows up here.
    const [team] = await rows<{ digest: string; members: number }>(sql`
      select md5(string_agg(s.number || '/' || t.name || '>' || p.email, ',' order by s.number, t.name, p.email)) as digest, count(*)::int as members
      from team_members x join teams t on t.id = x.team_id join people p on p.id = x.person_id ${INTAKE}`);
    expect(team).toEqual({ digest: '05c2cd9732f21269d6cd49cd23c7671a', members: 160 });
  });
});
