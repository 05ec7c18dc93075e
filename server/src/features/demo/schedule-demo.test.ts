import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { AFFILIATION_KINDS, SESSION_KINDS } from '@ms/contracts/schedule';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from './catalogue.ts';
import { seedDemoIfEmpty } from './demo.seed.ts';

const ARTICLE_REGIONS = ['RU-ARK', 'RU-IRK', 'RU-KLU', 'RU-NGR', 'RU-SAM', 'RU-MOS', 'RU-KHM', 'RU-CE', 'RU-SA', 'RU-MOW'];

let t: TestApp;
let staff: TestAgent;
const rows = async <T>(query: ReturnType<typeof sql>) => (await t.db.execute(query)).rows as T[];
/** The one row a summary query answers. */
const one = async <T>(query: ReturnType<typeof sql>) => (await rows<T>(query))[0]!;
const INTAKE_STREAMS = sql`select s.id, s.number from streams s join intakes i on i.id = s.intake_id join programmes p on p.id = i.programme_id where p.slug = 'school-of-mayors' and i.starts_on = '2024-10-08'`;

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemoIfEmpty({ db: t.db, log: t.app.log });
  staff = await signIn(t.app, `staff@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
}, 120_000);
afterAll(async () => t?.close());

describe('schedule demo', () => {
  it('gives streams 3 and 4 six modules each, 1 and 6 at Senezh, module 6 on 2–5 June 2025 with the ceremony', async () => {
    const modules = await rows<{ stream: number; number: number; venue: string; starts_on: string; ends_on: string; ceremonies: number }>(sql`
      select st.number as stream, m.number, v.name_en as venue, m.starts_on, m.ends_on,
             (select count(*)::int from schedule_sessions s where s.module_id = m.id and s.kind = 'ceremony') as ceremonies
      from schedule_modules m join venues v on v.id = m.venue_id join (${INTAKE_STREAMS}) st on st.id = m.stream_id order by st.number, m.number`);
    for (const stream of [3, 4]) {
      const own = modules.filter((m) => m.stream === stream);
      expect(own.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(own.filter((m) => m.venue === 'Senezh Management Workshop').map((m) => m.number)).toEqual([1, 6]);
      expect(own[5]).toMatchObject({ starts_on: '2025-06-02', ends_on: '2025-06-05', ceremonies: 1 });
    }
  });

  it('hosts the field modules in exactly the article’s ten regions', async () => {
    const { regions } = await one<{ regions: string[] }>(sql`
      select array_agg(distinct r order by r) as regions from schedule_modules m
      cross join lateral unnest(array_remove(array[m.host_region_code], null) || m.co_host_region_codes) r
      where m.stream_id in (select id from (${INTAKE_STREAMS}) x)`);
    expect(regions).toEqual([...ARTICLE_REGIONS].sort());
  });

  it('adds the streams’ great-circle itineraries up to at least 30,000 km', async () => {
    const { programme_id: programmeId } = await one<{ programme_id: string }>(sql`select id as programme_id from programmes where slug = 'school-of-mayors'`);
    const response = await staff.request({ method: 'GET', url: `/api/programmes/${programmeId}/itinerary` });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { totalKm: number; streams: Array<{ streamNumber: number; totalKm: number }> };
    expect(body.streams.map((s) => s.streamNumber)).toEqual([3, 4]);
    expect(body.totalKm).toBeGreaterThanOrEqual(30_000);
  });

  it('has sessions of every kind and speakers of every affiliation, with no clashes', async () => {
    const kinds = await rows<{ kind: string }>(sql`select distinct kind from schedule_sessions order by kind`);
    expect(kinds.map((k) => k.kind)).toEqual(Object.keys(SESSION_KINDS).sort());
    const affiliations = await rows<{ kind: string }>(sql`select distinct affiliation_kind as kind from speakers order by kind`);
    expect(affiliations.map((k) => k.kind)).toEqual(Object.keys(AFFILIATION_KINDS).sort());
    const { clashes } = await one<{ clashes: number }>(sql`
      select count(*)::int as clashes from session_speakers a join session_speakers b on a.speaker_id = b.speaker_id and a.session_id < b.session_id
      join schedule_sessions x on x.id = a.session_id join schedule_sessions y on y.id = b.session_id
      where x.starts_at < y.ends_at and y.starts_at < x.ends_at`);
    expect(clashes).toBe(0);
  });

  it('records attendance for every past session and every participant, leaving a few under 80 %', async () => {
    const { missing } = await one<{ missing: number }>(sql`
      select count(*)::int as missing from schedule_sessions s join schedule_modules m on m.id = s.module_id
      join enrolments e on e.stream_id = m.stream_id and e.status <> 'withdrawn'
      where s.ends_at < now() and not exists (select 1 from attendance_marks a where a.session_id = s.id and a.person_id = e.person_id)`);
    expect(missing).toBe(0);
    const [stream3] = await rows<{ id: string }>(sql`select id from (${INTAKE_STREAMS}) x where number = 3`);
    const report = await staff.request({ method: 'GET', url: `/api/streams/${stream3!.id}/attendance` });
    const atRisk = (report.json() as { atRisk: unknown[] }).atRisk;
    expect(atRisk.length).toBeGreaterThanOrEqual(1);
    expect(atRisk.length).toBeLessThanOrEqual(10);
  });
});
