import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { ScopePath } from '../../lib/access.ts';
import { copyRows } from './imports.copy.ts';
import type { Executor } from './imports.repo.ts';
import type { PersonImportRow } from './parse/people-rows.ts';
import { beginDirectInsert, beginSetBasedChecks, endSetBasedChecks } from './row-checks.repo.ts';

/** Rows per INSERT batch of the municipalities import: one round trip each, and a progress tick. */
export const STAGING_BATCH = 5_000;

export interface PeopleCommitCounts {
  created: number;
  updated: number;
  enrolled: number;
  usersCreated: number;
  /** Accounts created by this run, to be invited once the transaction has committed. */
  newUserIds: string[];
  /** How the rows were written: straight COPY of new people, or staged with set-based or per-row foreign-key checks. */
  checks: 'direct' | 'set-based' | 'row-by-row';
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

// The same values for an UPDATE … FROM the staging table `s` (the people import does not go through
// ON CONFLICT: that path probes the e-mail index twice per row and locks even unchanged people).
const FROM_STAGING: Array<[string, string]> = UPDATED_VALUES.map(([column, value]) => [column, value.replaceAll('excluded.', 's.')]);
const STAGED_SET = sql.raw(FROM_STAGING.map(([column, value]) => `${column} = ${value}`).join(', '));
const STAGED_CHANGED = sql.raw(
  `(${FROM_STAGING.map(([column]) => `p.${column}`).join(', ')}) is distinct from (${FROM_STAGING.map(([, value]) => value).join(', ')})`,
);

/**
 * Writes checked people rows inside the caller's transaction, set-based: the rows are COPYed into a
 * temp staging table, then one UPDATE changes the people already there (by e-mail) where something
 * changed, one INSERT adds the others, one INSERT enrols whoever is not enrolled yet, and, when
 * inviting, missing accounts are created with a participant grant. When the database allows it
 * (see beginSetBasedChecks) the two INSERTs check their foreign keys set-based instead of row
 * by row; and when none of the people is known yet (and nobody is invited) the rows skip staging and
 * are COPYed straight into people and enrolments (insertAllNew). Running it twice with the same rows
 * changes nothing the second time.
 */
export async function commitPeopleRows(
  tx: Executor,
  client: pg.PoolClient,
  options: {
    scope: Required<ScopePath>;
    rows: PersonImportRow[];
    isInviting: boolean;
    onBatch?: (done: number) => Promise<void>;
    /** Tests turn the shortcuts (direct COPY, set-based foreign-key checks) off to compare the paths. */
    isCheckingRowByRow?: boolean;
  },
): Promise<PeopleCommitCounts> {
  const { scope, rows } = options;
  if (!options.isInviting && !options.isCheckingRowByRow) {
    const direct = await insertAllNew(tx, client, scope.streamId, rows, options.onBatch);
    if (direct) return direct;
  }
  // No key on the staging table: the check lets each e-mail through once, the joins below hash it
  // anyway, and maintaining an index costs a third of the COPY.
  await tx.execute(sql`
    create temp table import_people_staging (
      row_no int not null, email text not null, last_name text not null, first_name text not null,
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

  // Changed people first, with the ordinary checks (a change of region or municipality is rare).
  const updated = await tx.execute(sql`
    update people p set ${STAGED_SET}, updated_at = now()
    from import_people_staging s
    where p.email = s.email and ${STAGED_CHANGED}`);
  const mode = options.isCheckingRowByRow ? 'row-by-row' : await beginSetBasedChecks(tx, scope.streamId);
  // A person inserted meanwhile by another import makes this fail as a whole; the retry updates them.
  const created = await tx.execute(sql`
    insert into people (email, last_name, first_name, middle_name, birth_date, gender, position, phone, region_code, municipality_id)
    select email, last_name, first_name, middle_name, birth_date, gender, position, phone, region_code, municipality_id
    from import_people_staging s
    where not exists (select 1 from people p where p.email = s.email)
    order by row_no`);
  const enrolled = await tx.execute(sql`
    insert into enrolments (person_id, stream_id)
    select p.id, ${scope.streamId}::uuid
    from import_people_staging s join people p on p.email = s.email
    where not exists (select 1 from enrolments e where e.person_id = p.id and e.stream_id = ${scope.streamId}::uuid)
    order by s.row_no`);
  if (mode === 'set-based') await endSetBasedChecks(tx);

  const newUserIds = options.isInviting ? await createAccounts(tx, scope) : [];
  return {
    created: created.rowCount ?? 0,
    updated: updated.rowCount ?? 0,
    enrolled: enrolled.rowCount ?? 0,
    usersCreated: newUserIds.length,
    newUserIds,
    checks: mode,
  };
}

/**
 * The shortcut for a file of people none of whom is known yet (see beginDirectInsert): the rows are
 * COPYed straight into people, with ids made here, and their enrolments straight into enrolments, with
 * no staging table and no joins. Undefined when it does not apply: the caller takes the staged path.
 */
async function insertAllNew(
  tx: Executor,
  client: pg.PoolClient,
  streamId: string,
  rows: PersonImportRow[],
  onBatch?: (done: number) => Promise<void>,
): Promise<PeopleCommitCounts | undefined> {
  const refs = {
    streamId,
    emails: rows.map((r) => r.email),
    regionCodes: [...new Set(rows.map((r) => r.regionCode))],
    municipalityIds: [...new Set(rows.flatMap((r) => (r.municipalityId ? [r.municipalityId] : [])))],
  };
  if (rows.length === 0 || !(await beginDirectInsert(tx, refs))) return undefined;
  const ids = rows.map(() => randomUUID());
  await copyRows(
    client,
    'people (id, email, last_name, first_name, middle_name, birth_date, gender, position, phone, region_code, municipality_id)',
    rows,
    (r, i) => [ids[i], r.email, r.lastName, r.firstName, r.middleName, r.birthDate, r.gender, r.position, r.phone, r.regionCode, r.municipalityId],
    onBatch,
  );
  await copyRows(client, 'enrolments (person_id, stream_id)', ids, (id) => [id, streamId]);
  await endSetBasedChecks(tx);
  return { created: rows.length, updated: 0, enrolled: rows.length, usersCreated: 0, newUserIds: [], checks: 'direct' };
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
