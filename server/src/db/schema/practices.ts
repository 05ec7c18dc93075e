import { sql, type SQL } from 'drizzle-orm';
import { check, customType, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { people } from './people.ts';
import { programmes } from './programmes.ts';
import { municipalities, regions } from './reference.ts';
import { scheduleModules, scheduleSessions } from './schedule.ts';

/** PostgreSQL full-text vector; written only by PostgreSQL (a generated column), read in SQL. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export interface PracticeContact {
  name: string;
  role: string;
  email: string;
  phone: string;
}
export interface PracticeLink {
  title: string;
  url: string;
  /** link | video | photo | document */
  kind: string;
}

/**
 * A regional practice: what a region or municipality did, with figures. `programmeId` names the
 * programme whose staff curate it. Participants propose (status proposed); staff approve, reject or
 * merge a duplicate into another practice (status merged, mergedIntoId set).
 */
export const practices = pgTable(
  'practices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    /** proposed | approved | rejected | merged */
    status: text('status').notNull().default('proposed'),
    mergedIntoId: uuid('merged_into_id'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    problem: text('problem').notNull().default(''),
    solution: text('solution').notNull().default(''),
    results: text('results').notNull().default(''),
    originRegionCode: text('origin_region_code')
      .notNull()
      .references(() => regions.code),
    originMunicipalityId: uuid('origin_municipality_id').references(() => municipalities.id),
    /** Area codes (contracts AREA_CODES). */
    areas: text('areas').array().notNull().default([]),
    contacts: jsonb('contacts').$type<PracticeContact[]>().notNull().default([]),
    links: jsonb('links').$type<PracticeLink[]>().notNull().default([]),
    proposedByUserId: uuid('proposed_by_user_id').references(() => users.id),
    approvedByUserId: uuid('approved_by_user_id').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Russian stemming: title weighs most (A), then the summary (B), then problem, solution, results (C). */
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`setweight(to_tsvector('russian'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('russian'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('russian'::regconfig, coalesce(problem, '') || ' ' || coalesce(solution, '') || ' ' || coalesce(results, '')), 'C')`,
      ),
    /**
     * Title (A) and summary (B) only: search ranks the practices whose title or summary match first. A
     * small vector with its own GIN index, so that tier is found and ranked without ranking every match.
     */
    headVector: tsvector('head_vector')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`setweight(to_tsvector('russian'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('russian'::regconfig, coalesce(summary, '')), 'B')`),
  },
  (t) => [
    index('practices_search_idx').using('gin', t.searchVector),
    index('practices_head_idx').using('gin', t.headVector),
    // A one-word search ranks its title matches first (practices.search.repo.ts); this finds them without
    // reading the thousands of summary matches of a common word. No pending list: searches stay even.
    index('practices_title_idx').using('gin', sql`to_tsvector('russian'::regconfig, ${t.title})`).with({ fastupdate: false }),
    index('practices_areas_idx').using('gin', t.areas),
    index('practices_status_region_idx').on(t.status, t.originRegionCode),
    // Browsing the library without a query pages in these orders (newest, title): an index each lets a
    // page read twenty rows instead of sorting the whole library (14.9 → 2.9 ms for 20,000 practices).
    index('practices_status_updated_idx').on(t.status, t.updatedAt.desc().nullsFirst(), t.id),
    index('practices_status_title_idx').on(t.status, sql`lower(${t.title})`, t.id),
    index('practices_programme_idx').on(t.programmeId),
    check('practices_status_ck', sql`${t.status} in ('proposed', 'approved', 'rejected', 'merged')`),
  ],
);

/**
 * How many approved practices hold each stemmed word (lexeme) of their search text: the exact total of a
 * one-word search, read in one row instead of counted through the full-text index (for a common word,
 * thousands of index entries: half of such a search's database time). Kept by statement-level triggers
 * on practices (migration 0028), set-based, so bulk inserts stay cheap.
 */
export const practiceLexemeCounts = pgTable('practice_lexeme_counts', {
  lexeme: text('lexeme').primaryKey(),
  approved: integer('approved').notNull().default(0),
});

/** Where participants saw a practice: a field module, and optionally the site visit (session) itself. */
export const practiceShowings = pgTable(
  'practice_showings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => scheduleModules.id),
    sessionId: uuid('session_id').references(() => scheduleSessions.id),
  },
  (t) => [index('practice_showings_practice_idx').on(t.practiceId), index('practice_showings_module_idx').on(t.moduleId)],
);

/** Every change to a practice: who, when, what (field → [before, after]); the curation history. */
export const practiceRevisions = pgTable(
  'practice_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    editorUserId: uuid('editor_user_id').references(() => users.id),
    /** create | update | approve | reject | merge | merged_from */
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>().notNull().default({}),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practice_revisions_practice_idx').on(t.practiceId, t.createdAt)],
);

/**
 * A participant's or alumnus's commitment to adapt a practice in a municipality. `programmeId` is the
 * programme the adopter studied in (their staff follow the plan); `ownerName` is who runs it locally.
 */
export const adoptionPlans = pgTable(
  'adoption_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    ownerName: text('owner_name').notNull(),
    /** idea | pilot | operating | scaled */
    stage: text('stage').notNull().default('idea'),
    summary: text('summary').notNull().default(''),
    committedOn: date('committed_on').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('adoption_plans_person_idx').on(t.personId),
    index('adoption_plans_practice_idx').on(t.practiceId),
    index('adoption_plans_programme_idx').on(t.programmeId),
    check('adoption_plans_stage_ck', sql`${t.stage} in ('idea', 'pilot', 'operating', 'scaled')`),
  ],
);

export const adoptionMilestones = pgTable(
  'adoption_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => adoptionPlans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
  },
  (t) => [index('adoption_milestones_plan_idx').on(t.planId, t.position)],
);

/** An outcome measure of a plan; its unit fixes the value type (contracts KPI_UNITS). */
export const adoptionKpis = pgTable(
  'adoption_kpis',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => adoptionPlans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    baseline: numeric('baseline', { mode: 'number' }).notNull(),
    baselineOn: date('baseline_on').notNull(),
    target: numeric('target', { mode: 'number' }).notNull(),
    targetOn: date('target_on').notNull(),
  },
  (t) => [index('adoption_kpis_plan_idx').on(t.planId, t.position)],
);

/** The +3, +6 and +12 month check-ins of a plan, created with it; reminders are claimed once each. */
export const adoptionCheckIns = pgTable(
  'adoption_check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => adoptionPlans.id, { onDelete: 'cascade' }),
    /** 3 | 6 | 12 */
    monthsAfter: integer('months_after').notNull(),
    dueOn: date('due_on').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    stage: text('stage'),
    note: text('note').notNull().default(''),
    /** Set when the "due soon" reminder was sent (claimed in one conditional UPDATE: never twice). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** Set when the "overdue" reminder was sent. */
    overdueRemindedAt: timestamp('overdue_reminded_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('adoption_check_ins_plan_months_uq').on(t.planId, t.monthsAfter), index('adoption_check_ins_due_idx').on(t.dueOn)],
);

/** A KPI's actual value as reported at a check-in. */
export const adoptionKpiActuals = pgTable(
  'adoption_kpi_actuals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    checkInId: uuid('check_in_id')
      .notNull()
      .references(() => adoptionCheckIns.id, { onDelete: 'cascade' }),
    kpiId: uuid('kpi_id')
      .notNull()
      .references(() => adoptionKpis.id, { onDelete: 'cascade' }),
    value: numeric('value', { mode: 'number' }).notNull(),
    measuredOn: date('measured_on').notNull(),
  },
  (t) => [uniqueIndex('adoption_kpi_actuals_check_in_kpi_uq').on(t.checkInId, t.kpiId), index('adoption_kpi_actuals_kpi_idx').on(t.kpiId)],
);
