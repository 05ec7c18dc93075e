import type { BenchServer } from './harness.ts';
import { buildProgrammeTree, buildUser, TEST_PASSWORD } from '../server/test/factories.ts';

/** A signed-in admin: the cookie and CSRF header autocannon and fetch send. */
export async function adminSession(server: BenchServer): Promise<Record<string, string>> {
  const admin = await buildUser(server.handle.db, { grants: [{ role: 'admin' }] });
  const response = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: TEST_PASSWORD }),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

/** A stream with `size` enrolled people spread over all regions, written set-based in one statement each. */
export async function streamWithPeople(server: BenchServer, size: number): Promise<string> {
  const tree = await buildProgrammeTree(server.handle.db);
  const streamId = tree.streams[0]!.id;
  await server.handle.pool.query(
    `with regions_numbered as (select code, row_number() over (order by code) - 1 as n, count(*) over () as total from regions),
     inserted as (
       insert into people (email, last_name, first_name, middle_name, birth_date, position, region_code)
       select 'bench-' || $2::text || '-' || g || '@example.test', 'Фамилия' || g, 'Имя', 'Отчество',
              date '1965-01-01' + (g % 12000), 'Глава муниципального образования', r.code
       from generate_series(1, $1::int) g
       join regions_numbered r on r.n = g % r.total
       returning id)
     insert into enrolments (person_id, stream_id) select id, $3 from inserted`,
    [size, streamId.slice(0, 8), streamId],
  );
  await server.handle.pool.query('analyze');
  return streamId;
}
