import { sql } from 'drizzle-orm';
import type { Executor } from './imports.repo.ts';

/**
 * The foreign keys a bulk insert into people and enrolments may check set-based instead of row by
 * row, as `table(column)->referenced(column)`. PostgreSQL checks a foreign key with one query per
 * inserted row (and, for a person inserted in the same transaction, a row lock written to the WAL):
 * for 10,000 people and their enrolments that is 40,000 queries and some 40% of the import's
 * database time. Any other foreign key on these tables turns the shortcut off.
 */
const KNOWN_FOREIGN_KEYS = new Set([
  'people(region_code)->regions(code)',
  'people(municipality_id)->municipalities(id)',
  'enrolments(person_id)->people(id)',
  'enrolments(stream_id)->streams(id)',
]);

/**
 * Whether this transaction may insert into people and enrolments with the per-row triggers off
 * (session_replication_role = replica) and check the foreign keys itself, set-based. Only when:
 * the role may set it (a superuser, as the embedded server's is); the tables' foreign keys are
 * exactly the known ones, so every one of them is checked by {@link beginSetBasedChecks}; and every
 * other trigger on them is a plain statement-level one (no transition table), which
 * {@link endSetBasedChecks} fires afterwards just as the INSERT would have. A row-level trigger, a
 * rule or an unknown foreign key (another feature's, or a test's) keeps the ordinary path.
 */
const MAY_CHECK_SET_BASED = sql`(
  select current_setting('is_superuser') = 'on'
    and not exists (
      select 1 from pg_trigger t
      where t.tgrelid in ('people'::regclass, 'enrolments'::regclass) and not t.tgisinternal
        and (t.tgtype & 1 = 1 or t.tgenabled <> 'O' or t.tgnewtable is not null or t.tgoldtable is not null))
    and not exists (
      select 1 from pg_rewrite r where r.ev_class in ('people'::regclass, 'enrolments'::regclass))
    and coalesce((
      select array_agg(
        c.conrelid::regclass::text || '(' || (select string_agg(a.attname, ',' order by a.attnum) from pg_attribute a
          where a.attrelid = c.conrelid and a.attnum = any(c.conkey)) || ')->' ||
        c.confrelid::regclass::text || '(' || (select string_agg(a.attname, ',' order by a.attnum) from pg_attribute a
          where a.attrelid = c.confrelid and a.attnum = any(c.confkey)) || ')')
      from pg_constraint c
      where c.contype = 'f' and c.conrelid in ('people'::regclass, 'enrolments'::regclass)
    ), '{}') <@ ${sql.param([...KNOWN_FOREIGN_KEYS])}::text[]
)`;

/** Whether the set-based checks may be used here (see MAY_CHECK_SET_BASED); for tests and diagnostics. */
export async function canCheckReferencesSetBased(tx: Executor): Promise<boolean> {
  const result = await tx.execute<{ ok: boolean }>(sql`select ${MAY_CHECK_SET_BASED} as ok`);
  return result.rows[0]?.ok === true;
}

/**
 * Switches this transaction to set-based foreign-key checks when it may (MAY_CHECK_SET_BASED), in
 * one round trip: every region, municipality and the stream the staged rows point to must exist, and
 * is locked FOR KEY SHARE (as PostgreSQL's own check locks it) so that nobody deletes it before we
 * commit; so is every person already there who is about to be enrolled. People inserted by this
 * transaction need no lock: nobody else can see them. Then the per-row triggers are turned off for
 * the rest of the transaction (SET LOCAL: a rollback restores them), until {@link endSetBasedChecks}.
 * Answers the mode the inserts run in; throws when something is missing (the job's retry re-checks
 * the file against the reference data of then).
 */
export async function beginSetBasedChecks(tx: Executor, streamId: string): Promise<'set-based' | 'row-by-row'> {
  const result = await tx.execute<{ may: boolean; found: boolean }>(sql`
    with may as (select ${MAY_CHECK_SET_BASED} as ok),
    wanted_regions as (select distinct region_code as code from import_people_staging where (select ok from may)),
    wanted_municipalities as (
      select distinct municipality_id as id from import_people_staging where municipality_id is not null and (select ok from may)),
    locked_regions as (select r.code from regions r where r.code in (select code from wanted_regions) for key share of r),
    locked_municipalities as (select m.id from municipalities m where m.id in (select id from wanted_municipalities) for key share of m),
    locked_stream as (select s.id from streams s where s.id = ${streamId}::uuid and (select ok from may) for key share of s),
    locked_people as (
      select p.id from import_people_staging s join people p on p.email = s.email
      where (select ok from may)
        and not exists (select 1 from enrolments e where e.person_id = p.id and e.stream_id = ${streamId}::uuid)
      for key share of p
    ),
    -- locked_people is counted only so that it runs: PostgreSQL skips a SELECT CTE nobody reads.
    found as (
      select (select count(*) from wanted_regions) = (select count(*) from locked_regions)
        and (select count(*) from wanted_municipalities) = (select count(*) from locked_municipalities)
        and (select count(*) from locked_stream) = 1
        and (select count(*) from locked_people) >= 0 as ok
    )
    select may.ok as may, found.ok as found,
      case when may.ok and found.ok then set_config('session_replication_role', 'replica', true) end as mode
    from may, found`);
  const row = result.rows[0];
  if (!row?.may) return 'row-by-row';
  if (!row.found) throw new Error('import reference data changed during the import');
  return 'set-based';
}

/**
 * Turns the per-row triggers back on, then fires the statement-level INSERT triggers of people and
 * enrolments (roster caches key on the revision they bump) that the inserts made with triggers off
 * did not: an INSERT of no rows fires statement-level triggers all the same. One round trip.
 */
export async function endSetBasedChecks(tx: Executor): Promise<void> {
  await tx.execute(
    sql.raw(`set local session_replication_role = origin;
      insert into people (last_name, first_name) select last_name, first_name from people where false;
      insert into enrolments (person_id, stream_id) select person_id, stream_id from enrolments where false`),
  );
}

/**
 * For rows that are all new people (the usual first import of a file), switches to set-based checks
 * like {@link beginSetBasedChecks} but without a staging table: when the checks may be set-based and
 * none of these e-mails is known yet, locks the regions, municipalities and the stream the rows point
 * to and turns the per-row triggers off, so that the caller can COPY straight into people and
 * enrolments. Answers false (nothing changed) when it does not apply; throws when a reference is gone.
 */
export async function beginDirectInsert(
  tx: Executor,
  refs: { streamId: string; emails: string[]; regionCodes: string[]; municipalityIds: string[] },
): Promise<boolean> {
  const result = await tx.execute<{ may: boolean; found: boolean }>(sql`
    with may as (
      select ${MAY_CHECK_SET_BASED}
        and not exists (select 1 from people p where p.email = any(${sql.param(refs.emails)}::text[])) as ok
    ),
    locked_regions as (
      select r.code from regions r where r.code = any(${sql.param(refs.regionCodes)}::text[]) and (select ok from may) for key share of r),
    locked_municipalities as (
      select m.id from municipalities m where m.id = any(${sql.param(refs.municipalityIds)}::uuid[]) and (select ok from may) for key share of m),
    locked_stream as (select s.id from streams s where s.id = ${refs.streamId}::uuid and (select ok from may) for key share of s),
    found as (
      select (select count(*) from locked_regions) = ${refs.regionCodes.length}
        and (select count(*) from locked_municipalities) = ${refs.municipalityIds.length}
        and (select count(*) from locked_stream) = 1 as ok
    )
    select may.ok as may, found.ok as found,
      case when may.ok and found.ok then set_config('session_replication_role', 'replica', true) end as mode
    from may, found`);
  const row = result.rows[0];
  if (!row?.may) return false;
  if (!row.found) throw new Error('import reference data changed during the import');
  return true;
}
