import { sql } from 'drizzle-orm';
import type { ScopePath } from '../../lib/access.ts';
import type { Executor } from './imports.repo.ts';
import type { PersonImportRow } from './parse/people-rows.ts';

/** Rows per INSERT into the staging table: one round trip each, and a progress tick. */
export const STAGING_BATCH = 5_000;

export interface PeopleCommitCounts {
  created: number;
  updated: number;
  enrolled: number;
  usersCreated: number;
  /** Accounts created by this run, to be invited once the transaction has committed. */
  newUserIds: string[];
}

// The new value of each column on conflict: a blank cell keeps what we already know, and a
// municipality is kept only while the region stays the same.
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
const SET_CLAUSE = sql.raw(UPDATED_VALUES.map(([column, value]) => `${column} = ${value}`).join(', '));
const CHANGED = sql.raw(
  `(${UPDATED_VALUES.map(([column]) => `p.${column}`).join(', ')}) is distinct from (${UPDATED_VALUES.map(([, value]) => value).join(', ')})`,
);

/**
 * Writes checked people rows inside the caller's transaction, set-based: the rows go into a temp
 * staging table in batches, then one statement each upserts people by e-mail, enrols them
 * (ON CONFLICT DO NOTHING) and, when inviting, creates missing accounts with a participant grant.
 * Running it twice with the same rows changes nothing the second time.
 */
export async function commitPeopleRows(
  tx: Executor,
  options: { scope: Required<ScopePath>; rows: PersonImportRow[]; isInviting: boolean; onBatch?: (done: number) => Promise<void> },
): Promise<PeopleCommitCounts> {
  const { scope, rows } = options;
  await tx.execute(sql`
    create temp table import_people_staging (
      row_no int not null, email text primary key, last_name text not null, first_name text not null,
      middle_name text, birth_date date, gender text, position text, phone text,
      region_code text not null, municipality_id uuid
    ) on commit drop`);
  for (let start = 0; start < rows.length; start += STAGING_BATCH) {
    const batch = rows.slice(start, start + STAGING_BATCH).map((r) => ({
      row_no: r.rowNumber,
      email: r.email,
      last_name: r.lastName,
      first_name: r.firstName,
      middle_name: r.middleName,
      birth_date: r.birthDate,
      gender: r.gender,
      position: r.position,
      phone: r.phone,
      region_code: r.regionCode,
      municipality_id: r.municipalityId,
    }));
    await tx.execute(sql`
      insert into import_people_staging
      select * from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(
        row_no int, email text, last_name text, first_name text, middle_name text, birth_date date,
        gender text, position text, phone text, region_code text, municipality_id uuid)`);
    await options.onBatch?.(Math.min(start + STAGING_BATCH, rows.length));
  }

  const upserted = await tx.execute<{ created: number; updated: number }>(sql`
    with upserted as (
      insert into people as p (email, last_name, first_name, middle_name, birth_date, gender, position, phone, region_code, municipality_id)
      select email, last_name, first_name, middle_name, birth_date, gender, position, phone, region_code, municipality_id
      from import_people_staging order by row_no
      on conflict (email) do update set ${SET_CLAUSE}, updated_at = now()
      where ${CHANGED}
      returning (xmax = 0) as is_created
    )
    select count(*) filter (where is_created)::int as created, count(*) filter (where not is_created)::int as updated from upserted`);

  const enrolled = await tx.execute<{ enrolled: number }>(sql`
    with inserted as (
      insert into enrolments (person_id, stream_id)
      select p.id, ${scope.streamId}::uuid from import_people_staging s join people p on p.email = s.email order by s.row_no
      on conflict (person_id, stream_id) do nothing
      returning 1
    )
    select count(*)::int as enrolled from inserted`);

  const newUserIds = options.isInviting ? await createAccounts(tx, scope) : [];
  return {
    created: upserted.rows[0]?.created ?? 0,
    updated: upserted.rows[0]?.updated ?? 0,
    enrolled: enrolled.rows[0]?.enrolled ?? 0,
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
