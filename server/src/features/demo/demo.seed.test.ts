import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { connectDatabase, type Database } from '../../db/client.ts';
import { buildTestApp, signIn, type TestApp } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { DEMO_FACTS } from './catalogue.ts';
import { seedDemoIfEmpty, type DemoSeedResult } from './demo.seed.ts';

let t: TestApp;
let result: DemoSeedResult | null;
beforeAll(async () => {
  t = await buildTestApp();
  result = await seedDemoIfEmpty({ db: t.db, log: t.app.log });
});
afterAll(async () => t?.close());

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

const INTAKE_PEOPLE = sql`
  from enrolments e
  join streams s on s.id = e.stream_id
  join intakes i on i.id = s.intake_id
  join programmes pr on pr.id = i.programme_id
  join people p on p.id = e.person_id
  where pr.slug = 'school-of-mayors' and i.starts_on = '2024-10-08'`;

describe('demo seed', () => {
  it('enrols 160 people in streams 3 and 4 of the 2024–2025 intake, 80 each', async () => {
    const perStream = await rows<{ number: number; count: number }>(
      t.db,
      sql`select s.number, count(*)::int as count ${INTAKE_PEOPLE} group by s.number order by s.number`,
    );
    expect(perStream).toEqual([
      { number: 3, count: DEMO_FACTS.participantsPerStream },
      { number: 4, count: DEMO_FACTS.participantsPerStream },
    ]);
  });

  it('draws the intake from exactly 82 federal subjects, aged exactly 26 to 60 at its start', async () => {
    const [facts] = await rows<{ regions: number; minAge: number; maxAge: number; ages: number }>(
      t.db,
      sql`select count(distinct p.region_code)::int as regions,
                 min(extract(year from age(date '2024-10-08', p.birth_date)))::int as "minAge",
                 max(extract(year from age(date '2024-10-08', p.birth_date)))::int as "maxAge",
                 count(distinct extract(year from age(date '2024-10-08', p.birth_date)))::int as ages
          ${INTAKE_PEOPLE}`,
    );
    expect(facts).toEqual({ regions: DEMO_FACTS.regions, minAge: DEMO_FACTS.minAge, maxAge: DEMO_FACTS.maxAge, ages: 35 });
  });

  it('gives every participant a municipality in their own region, a position, a phone and a consent', async () => {
    const [check] = await rows<{ people: number; bad: number; consents: number }>(
      t.db,
      sql`select count(*)::int as people,
                 count(*) filter (where m.region_code is distinct from p.region_code
                                   or p.position is null or p.phone is null or p.birth_date is null)::int as bad,
                 (select count(distinct c.person_id)::int from consents c where c.document_version = '2024-01') as consents
          from people p left join municipalities m on m.id = p.municipality_id`,
    );
    expect(check!.bad).toBe(0);
    expect(check!.consents).toBe(check!.people);
  });

  it('runs the operator, two partners and a second, regional programme with its own stream', async () => {
    const organisations = await rows<{ slug: string; kind: string }>(t.db, sql`select slug, kind from organisations order by slug`);
    expect(organisations).toEqual([
      { slug: 'perm-krai-government', kind: 'operator' },
      { slug: 'presidential-administration', kind: 'partner' },
      { slug: 'ranepa-vshgu', kind: 'operator' },
      { slug: 'varmsu', kind: 'partner' },
    ]);
    const perm = await rows<{ name: string; threshold: number; streams: number; people: number; outsiders: number }>(
      t.db,
      sql`select pr.name_ru as name, pr.completion_threshold_pct as threshold,
                 count(distinct s.id)::int as streams, count(e.id)::int as people,
                 count(*) filter (where p.region_code <> 'RU-PER')::int as outsiders
          from programmes pr
          join organisations o on o.id = pr.organisation_id and o.slug = 'perm-krai-government'
          join intakes i on i.programme_id = pr.id
          join streams s on s.intake_id = i.id
          left join enrolments e on e.stream_id = s.id
          left join people p on p.id = e.person_id
          group by pr.id`,
    );
    expect(perm).toEqual([{ name: 'Школа мэров Пермского края', threshold: 80, streams: 1, people: DEMO_FACTS.permParticipants, outsiders: 0 }]);
  });

  it('lets every demo account sign in with the demo password and see its role', async () => {
    expect(result?.accounts.map((a) => a.email)).toEqual([
      'admin@demo.mayors-school.ru',
      'staff@demo.mayors-school.ru',
      'perm-staff@demo.mayors-school.ru',
      'coordinator@demo.mayors-school.ru',
      'expert@demo.mayors-school.ru',
      'participant@demo.mayors-school.ru',
      'alumnus@demo.mayors-school.ru',
    ]);
    for (const account of result!.accounts) {
      const agent = await signIn(t.app, account.email, account.password);
      const me = await agent.request({ method: 'GET', url: '/api/auth/me' });
      expect(me.json()).toMatchObject({ email: account.email, roles: [account.role] });
    }
  });

  it('scopes the accounts: coordinator to two regions, participant to stream 3, alumnus to a graduated enrolment', async () => {
    const grants = await rows<{ local: string; role: string; programme: string | null; stream: number | null; region: string | null }>(
      t.db,
      sql`select split_part(u.email, '@', 1) as local, g.role, pr.slug as programme, s.number as stream, g.region_code as region
          from role_grants g join users u on u.id = g.user_id
          left join programmes pr on pr.id = g.programme_id
          left join streams s on s.id = g.stream_id
          order by local, region`,
    );
    expect(grants.filter((g) => g.local === 'coordinator').map((g) => g.region)).toEqual(['RU-IRK', 'RU-SAM']);
    expect(grants.find((g) => g.local === 'participant')).toMatchObject({ programme: 'school-of-mayors', stream: 3 });
    expect(grants.find((g) => g.local === 'perm-staff')).toMatchObject({ programme: 'perm-school-of-mayors' });
    expect(grants.find((g) => g.local === 'admin')).toMatchObject({ programme: null, stream: null, region: null });
    const linked = await rows<{ local: string; stream: number; status: string }>(
      t.db,
      sql`select split_part(u.email, '@', 1) as local, s.number as stream, e.status
          from users u join enrolments e on e.person_id = u.person_id join streams s on s.id = e.stream_id
          order by local`,
    );
    expect(linked).toEqual([
      { local: 'alumnus', stream: 1, status: 'graduated' },
      { local: 'participant', stream: 3, status: 'enrolled' },
    ]);
  });

  it('does nothing the second time', async () => {
    const count = () =>
      rows<{ n: string }>(
        t.db,
        sql`select (select count(*) from people) || '/' || (select count(*) from municipalities) || '/' ||
                   (select count(*) from users) || '/' || (select count(*) from enrolments) as n`,
      );
    const before = await count();
    expect(await seedDemoIfEmpty({ db: t.db, log: t.app.log })).toBeNull();
    expect(await count()).toEqual(before);
  });

  it('writes the same people and places into another empty database', async () => {
    const other = connectDatabase(await createTestDatabase(), { max: 2 });
    try {
      await seedDemoIfEmpty({ db: other.db, log: t.app.log });
      const snapshot = (db: Database) =>
        rows(
          db,
          sql`select p.email, p.last_name, p.first_name, p.middle_name, p.birth_date, p.position, p.phone, m.name as municipality
              from people p left join municipalities m on m.id = p.municipality_id order by p.email`,
        );
      const [first, second] = await Promise.all([snapshot(t.db), snapshot(other.db)]);
      expect(second).toHaveLength(first.length);
      expect(second).toEqual(first);
    } finally {
      await other.close();
    }
  });
});
