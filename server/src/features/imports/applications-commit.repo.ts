import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { EligibilityReason } from '@ms/contracts/admissions';
import { copyLine, copyText } from './imports.copy.ts';
import type { Executor } from './imports.repo.ts';
import { CHANGED, SET_CLAUSE } from './people-commit.repo.ts';
import type { ApplicationImportRow } from './parse/application-rows.ts';

export interface ApplicationsCommitCounts {
  /** Rows staged (and so written): the good rows of the file. */
  staged: number;
  created: number;
  updated: number;
  peopleCreated: number;
  peopleUpdated: number;
}

/** A row as written: the checked row and its eligibility under the campaign's rules. */
export interface ApplicationToWrite {
  row: ApplicationImportRow;
  isEligible: boolean;
  reasons: EligibilityReason[];
}

// The application's columns an import sets; blank scores keep the known ones.
const APPLICATION_VALUES: Array<[string, string]> = [
  ['region_code', 's.region_code'],
  ['municipality_id', 's.municipality_id'],
  ['birth_date', 'coalesce(s.birth_date, a.birth_date)'],
  ['position', 'coalesce(s.position, a.position)'],
  ['education', 'coalesce(s.education, a.education)'],
  ['management_years', 'coalesce(s.management_years, a.management_years)'],
  ['service_kind', 'coalesce(s.service_kind, a.service_kind)'],
  ['service_years', 'coalesce(s.service_years, a.service_years)'],
  ['is_eligible', 's.is_eligible'],
  ['eligibility_reasons', 's.eligibility_reasons'],
  ['test_score', 'coalesce(s.test_score, a.test_score)'],
  ['expert_score', 'coalesce(s.expert_score, a.expert_score)'],
  ['interview_score', 'coalesce(s.interview_score, a.interview_score)'],
  ['status', 'coalesce(s.status, a.status)'],
  ['nominated_at', "case when coalesce(s.status, a.status) = 'nominated' then coalesce(a.nominated_at, now()) else a.nominated_at end"],
  ['decision', "case when s.status in ('admitted', 'reserve', 'rejected') then s.status else a.decision end"],
  ['decided_at', "case when s.status in ('admitted', 'reserve', 'rejected') and a.decision is distinct from s.status then now() else a.decided_at end"],
];
const APPLICATION_SET = sql.raw(APPLICATION_VALUES.map(([column, value]) => `${column} = ${value}`).join(', '));
const APPLICATION_CHANGED = sql.raw(
  `(${APPLICATION_VALUES.map(([column]) => `a.${column}`).join(', ')}) is distinct from (${APPLICATION_VALUES.map(([, value]) => value).join(', ')})`,
);

/**
 * Writes checked application rows of one campaign inside the caller's transaction, set-based: the
 * rows are COPYed chunk by chunk, as `chunks` produces them (from the file being read and checked),
 * into a temp staging table; then `beforeWrite` may still refuse the whole run (nothing is written
 * yet but staging, which the rollback drops); then one upsert of the applicants as people by e-mail
 * (as the people import does), one INSERT of the new applications (ON CONFLICT DO NOTHING on campaign
 * and person), and one UPDATE of the existing ones where something changed. Running it twice changes
 * nothing.
 */
export async function commitApplicationRows(
  tx: Executor,
  client: pg.PoolClient,
  options: {
    campaignId: string;
    actorUserId: string | null;
    chunks: AsyncIterable<ApplicationToWrite[]>;
    beforeWrite?: () => void | Promise<void>;
  },
): Promise<ApplicationsCommitCounts> {
  const { campaignId } = options;
  await tx.execute(sql`
    create temp table import_applications_staging (
      row_no int not null, email text primary key, last_name text not null, first_name text not null,
      middle_name text, birth_date date, gender text, position text, phone text,
      region_code text not null, municipality_id uuid,
      education text, management_years smallint, service_kind text, service_years smallint,
      test_score double precision, expert_score double precision, interview_score double precision,
      status text, is_eligible boolean not null, eligibility_reasons jsonb not null
    ) on commit drop`);
  let staged = 0;
  async function* lines(): AsyncGenerator<string> {
    for await (const rows of options.chunks) {
      let text = '';
      for (const { row: r, isEligible, reasons } of rows) {
        text += copyLine([
          r.rowNumber, r.email, r.lastName, r.firstName, r.middleName, r.birthDate, r.gender, r.position, r.phone, r.regionCode, r.municipalityId,
          r.education, r.managementYears, r.serviceKind, r.serviceYears, r.testScore, r.expertScore, r.interviewScore, r.status,
          isEligible, JSON.stringify(reasons),
        ]);
      }
      staged += rows.length;
      if (text !== '') yield text;
    }
  }
  await copyText(client, 'import_applications_staging', lines());
  await options.beforeWrite?.();

  const people = await tx.execute<{ created: number; updated: number }>(sql`
    with upserted as (
      insert into people as p (email, last_name, first_name, middle_name, birth_date, gender, position, phone, region_code, municipality_id)
      select email, last_name, first_name, middle_name, birth_date, gender, position, phone, region_code, municipality_id
      from import_applications_staging order by row_no
      on conflict (email) do update set ${SET_CLAUSE}, updated_at = now()
      where ${CHANGED}
      returning (xmax = 0) as is_created
    )
    select count(*) filter (where is_created)::int as created, count(*) filter (where not is_created)::int as updated from upserted`);

  // Statuses that are decisions carry one, so the campaign's pages read them as the ranking's own.
  const created = await tx.execute<{ count: number }>(sql`
    with inserted as (
      insert into admission_applications (
        campaign_id, person_id, user_id, status, region_code, municipality_id, birth_date, position,
        education, management_years, service_kind, service_years, is_eligible, eligibility_reasons,
        test_score, expert_score, interview_score, submitted_at, nominated_at, decision, decided_at, decided_by)
      select ${campaignId}::uuid, p.id, u.id, coalesce(s.status, 'submitted'), s.region_code, s.municipality_id, s.birth_date, s.position,
        s.education, s.management_years, s.service_kind, s.service_years, s.is_eligible, s.eligibility_reasons,
        s.test_score, s.expert_score, s.interview_score, now(),
        case when s.status = 'nominated' then now() end,
        case when s.status in ('admitted', 'reserve', 'rejected') then s.status end,
        case when s.status in ('admitted', 'reserve', 'rejected') then now() end,
        case when s.status in ('admitted', 'reserve', 'rejected') then ${options.actorUserId}::uuid end
      from import_applications_staging s
      join people p on p.email = s.email
      left join users u on u.person_id = p.id
      order by s.row_no
      on conflict (campaign_id, person_id) do nothing
      returning 1
    )
    select count(*)::int as count from inserted`);

  // Applications that were there before the insert: the rows just inserted match and change nothing.
  // When every row made a new application (a first import) there is nothing else to look at.
  const createdCount = created.rows[0]?.count ?? 0;
  const updated = createdCount === staged ? { rowCount: 0 } : await tx.execute(sql`
    update admission_applications a set ${APPLICATION_SET}, updated_at = now(),
      decided_by = case when s.status in ('admitted', 'reserve', 'rejected') and a.decision is distinct from s.status
        then ${options.actorUserId}::uuid else a.decided_by end
    from import_applications_staging s join people p on p.email = s.email
    where a.campaign_id = ${campaignId}::uuid and a.person_id = p.id and ${APPLICATION_CHANGED}`);

  return {
    staged,
    created: createdCount,
    updated: updated.rowCount ?? 0,
    peopleCreated: people.rows[0]?.created ?? 0,
    peopleUpdated: people.rows[0]?.updated ?? 0,
  };
}
