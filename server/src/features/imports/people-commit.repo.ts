import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { ScopePath } from '../../lib/access.ts';
import { copyRows } from './imports.copy.ts';
import type { Executor } from './imports.repo.ts';
import type { PersonImportRow } from './parse/people-rows.ts';

/** Rows per INSERT batch of the municipalities import: one round trip each, and a progress tick. */
export const STAGING_BATCH = 5_000;

export interface PeopleCommitCounts {
  created: number;
  updated: number;
  enrolled: number;
  usersCreated: number;
  /** Accounts created by this run, to be invited once the transaction has committed. */
  newUserIds: string[];
}

// The new value of each column on conflict (shared with the applications import): a blank cell keeps
// what we already know, and a municipality is kept only while the region stays the same.
const UPDATED_VALUES: Array<[string, string]> = [
  ['last_name', 'excluded.last_name'],
  ['first_name', 'excluded.first_name'],
  ['middle_name', 'coalesce(excluded.middle_name, p.middle_name)'],
  ['birth_date', 'coalesce(excluded.birth_date, p.birth_date)'],
  ['gender', 'coalesce(excluded.gender, p.gender)'],
  ['position', 'coalesce(excluded.position, p.position)'],
  ['phone', 'coalesce(excluded.phone, p.phone)'],
  ['region_code', 'excluded.region_code'],
  [
    'municipality_id',
    'case when excluded.region_code = p.region_code then coalesce(excluded.municipality_id, p.municipality_id) else excluded.municipality_id end',
  ],
];
export const SET_CLAUSE = sql.raw(UPDATED_VALUES.map(([column, value]) => `${column} = ${value}`).join(', '));
export const CHANGED = sql.raw(
  `(${UPDATED_VALUES.map(([column]) => `p.${column}`).join(', ')}) is distinct from (${UPDATED_VALUES.map(([, value]) => value).join(', ')})`,
);

/**
 * Writes checked people rows inside the caller's transaction, set-based: the rows are COPYed into a
 * temp staging table, then ONE statement upserts people by e-mail and enrols them (ON CONFLICT DO
 * NOTHING), and, when inviting, missing accounts are created with a participant grant.
 * Running it twice with the same rows changes nothing the second time.
 */
export async function commitPeopleRows(
  tx: Executor,
  client: pg.PoolClient,
  options: { scope: Required<ScopePath>; rows: PersonImportRow[]; isInviting: boolean; onBatch?: (done: number) => Promise<void> },
): Promise<PeopleCommitCounts> {
  const { scope, rows } = options;
  await tx.execute(sql`
    create temp table import_people_staging (
      row_no int not null, email text primary key, last_name text not null, first_name text not null,
      middle_name text, birth_date date, gender text, position text, phone text,
      region_code text not null, municipality_id uuid
    ) on commit drop`);
  await copyRows(
    client,
    'import_people_staging',
    rows,
    (r) => [r.rowNumber, r.email, r.lastName, r.firstName, r.middleName, r.birthDate, r.gender, r.position, r.phone, r.regionCode, r.municipalityId],
    options.onBatch,
  );

  // People who already exist keep their id: the enrolments take the ids the upsert returned (new and
  // changed people) and those the statement's snapshot already held (unchanged people).
  const written = await tx.execute<{ created: number; updated: number; enrolled: number }>(sql`
    with upserted as (
      insert into people as p (email, last_name, first_name, middle_name, birth_date, gender, position, phone, region_code, municipality_id)
      select email, last_name, first_name, middle_name, birth_date, gender, position, phone, region_code, municipality_id
      from import_people_staging order by row_no
      on conflict (email) do update set ${SET_CLAUSE}, updated_at = now()
      where ${CHANGED}
      returning p.id, (xmax = 0) as is_created
    ),
    targets as (
      select id from upserted
      union
      select p.id from import_people_staging s join people p on p.email = s.email
    ),
    enrolled as (
      insert into enrolments (person_id, stream_id)
      select id, ${scope.streamId}::uuid from targets
      on conflict (person_id, stream_id) do nothing
      returning 1
    )
    select
      (select count(*) from upserted where is_created)::int as created,
      (select count(*) from upserted where not is_created)::int as updated,
      (select count(*) from enrolled)::int as enrolled`);

  const newUserIds = options.isInviting ? await createAccounts(tx, scope) : [];
  const counts = written.rows[0];
  return {
    created: counts?.created ?? 0,
    updated: counts?.updated ?? 0,
    enrolled: counts?.enrolled ?? 0,
    usersCreated: newUserIds.length,
    newUserIds,
  };
}

/** Accounts for staged people without one, and a participant grant on the stream for each account. */
async function createAccounts(tx: Executor, scope: Required<ScopePath>): Promise<string[]> {
  // An account opened earlier with the same e-mail but no person is this person's.
  await tx.execute(sql`
    update users u set person_id = p.id
    from import_people_staging s join people p on p.email = s.email
    where u.email = s.email and u.person_id is null
      and not exists (select 1 from users other where other.person_id = p.id)`);
  const created = await tx.execute<{ id: string }>(sql`
    insert into users (email, person_id, display_name)
    select s.email, p.id, s.first_name || ' ' || s.last_name
    from import_people_staging s join people p on p.email = s.email
    where not exists (select 1 from users u where u.person_id = p.id)
    order by s.row_no
    on conflict (email) do nothing
    returning id`);
  await tx.execute(sql`
    insert into role_grants (user_id, role, organisation_id, programme_id, stream_id)
    select u.id, 'participant', ${scope.organisationId}::uuid, ${scope.programmeId}::uuid, ${scope.streamId}::uuid
    from import_people_staging s join people p on p.email = s.email join users u on u.person_id = p.id
    where not exists (
      select 1 from role_grants g where g.user_id = u.id and g.role = 'participant' and g.stream_id = ${scope.streamId}::uuid
    )`);
  return created.rows.map((r) => r.id);
}
