import { sql } from 'drizzle-orm';
import { boolean, customType, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { people } from './people.ts';
import { intakes } from './programmes.ts';
import { municipalities, regions } from './reference.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * An admissions campaign for an intake. The form's optional fields, the eligibility rules and the
 * ranking configuration are JSON documents validated by the contracts (their shapes evolve together).
 */
export const admissionCampaigns = pgTable(
  'admission_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id),
    /** The public page's address: /apply/<slug>. */
    slug: text('slug').notNull().unique(),
    titleRu: text('title_ru').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionRu: text('description_ru').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** Unpublished campaigns are invisible to the public. */
    isPublished: boolean('is_published').notNull().default(false),
    /** The configurable part of the form: which fields are asked and which are required. */
    form: jsonb('form').$type<Record<string, unknown>>().notNull().default({}),
    /** Eligibility rules (age on a reference date, education, years managing, service). */
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull().default({}),
    /** Regional heads nominate before anyone is assessed. */
    hasNominationGate: boolean('has_nomination_gate').notNull().default(false),
    /** Default nomination quota of a region without its own row in admission_region_quotas. */
    defaultNominationQuota: integer('default_nomination_quota').notNull().default(0),
    /** The ranking configuration last committed (weights, caps, floors, target, reserve). */
    rankingConfig: jsonb('ranking_config').$type<Record<string, unknown>>(),
    rankedAt: timestamp('ranked_at', { withTimezone: true }),
    /** The online test: open between these times, each attempt limited to the duration. */
    testOpensAt: timestamp('test_opens_at', { withTimezone: true }),
    testClosesAt: timestamp('test_closes_at', { withTimezone: true }),
    testDurationMinutes: integer('test_duration_minutes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('admission_campaigns_intake_idx').on(t.intakeId)],
);

/** A region's nomination quota in a campaign (overrides the campaign default). */
export const admissionRegionQuotas = pgTable(
  'admission_region_quotas',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => admissionCampaigns.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    nominationQuota: integer('nomination_quota').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.regionCode] })],
);

/**
 * A pending e-mail confirmation: the applicant typed an address on the public page; the account and
 * the draft are created only when the link in the letter is opened. The id is the token's SHA-256.
 */
export const admissionSignups = pgTable(
  'admission_signups',
  {
    id: text('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => admissionCampaigns.id),
    email: text('email').notNull(),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    middleName: text('middle_name'),
    locale: text('locale').notNull().default('ru'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('admission_signups_email_idx').on(t.email)],
);

/**
 * One application of one person to one campaign (the unique key makes a double submit harmless).
 * Fields the rules and the ranking read are columns, so that 250,000 rows rank with set-based SQL;
 * the rest of the form is JSON.
 */
export const admissionApplications = pgTable(
  'admission_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => admissionCampaigns.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    userId: uuid('user_id').references(() => users.id),
    /** draft | submitted | nominated | admitted | reserve | rejected | enrolled | withdrawn */
    status: text('status').notNull().default('draft'),
    regionCode: text('region_code').references(() => regions.code),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    birthDate: date('birth_date'),
    /** secondary | vocational | bachelor | master | doctorate */
    education: text('education'),
    managementYears: smallint('management_years'),
    serviceYears: smallint('service_years'),
    /** state | municipal | none */
    serviceKind: text('service_kind'),
    position: text('position'),
    motivation: text('motivation'),
    /** Further configurable answers. */
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    /** Evaluated at submit against the campaign's rules; the reasons are shown to the applicant. */
    isEligible: boolean('is_eligible'),
    eligibilityReasons: jsonb('eligibility_reasons').$type<Array<{ key: string; params?: Record<string, string | number> }>>().notNull().default([]),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    nominatedAt: timestamp('nominated_at', { withTimezone: true }),
    nominatedBy: uuid('nominated_by').references(() => users.id),
    nominationComment: text('nomination_comment'),
    /** Stage scores, 0–100, filled by the assessment stages or an import. */
    testScore: doublePrecision('test_score'),
    expertScore: doublePrecision('expert_score'),
    interviewScore: doublePrecision('interview_score'),
    compositeScore: doublePrecision('composite_score'),
    /** Place in the committed ranking (1 = best), and its outcome: admitted | reserve | rejected. */
    rankPosition: integer('rank_position'),
    decision: text('decision'),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('admission_applications_campaign_person_uq').on(t.campaignId, t.personId),
    index('admission_applications_campaign_status_idx').on(t.campaignId, t.status),
    index('admission_applications_campaign_region_idx').on(t.campaignId, t.regionCode, t.status),
    index('admission_applications_person_idx').on(t.personId),
    index('admission_applications_user_idx').on(t.userId),
    index('admission_applications_rank_idx')
      .on(t.campaignId, t.rankPosition)
      .where(sql`rank_position is not null`),
    // The staff's list pages in this order (best ranked, then by submission): a page reads its rows from
    // here instead of sorting the whole campaign (250,000 applications: 239 ms a first page before).
    index('admission_applications_staff_order_idx').on(t.campaignId, t.rankPosition.asc().nullsLast(), t.submittedAt.asc().nullsLast(), t.id),
  ],
);

/** A document attached to an application; the type is decided by its first bytes, not its name. */
export const admissionDocuments = pgTable(
  'admission_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => admissionApplications.id),
    /** diploma | employment | other */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** application/pdf | image/jpeg | image/png, from the magic bytes. */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('admission_documents_application_idx').on(t.applicationId)],
);

/** Every committed ranking: the configuration, who committed it, why, and what it produced. */
export const admissionRankingRuns = pgTable(
  'admission_ranking_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => admissionCampaigns.id),
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    reason: text('reason').notNull(),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('admission_ranking_runs_campaign_idx').on(t.campaignId)],
);

/** A question of a campaign's online test; the correct answer never leaves the server. */
export const admissionTestQuestions = pgTable(
  'admission_test_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => admissionCampaigns.id),
    position: integer('position').notNull(),
    /** single | multiple | numeric */
    kind: text('kind').notNull(),
    textRu: text('text_ru').notNull(),
    textEn: text('text_en').notNull(),
    /** Choices: [{ key, textRu, textEn }]; empty for numeric questions. */
    options: jsonb('options').$type<Array<{ key: string; textRu: string; textEn: string }>>().notNull().default([]),
    /** Choice keys (single: one) or { value, tolerance } for numeric. */
    correct: jsonb('correct').$type<unknown>().notNull(),
    points: integer('points').notNull().default(1),
  },
  (t) => [index('admission_test_questions_campaign_idx').on(t.campaignId, t.position)],
);

/** One candidate's sitting of the test: its own question order and a deadline the server enforces. */
export const admissionTestAttempts = pgTable('admission_test_attempts', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id')
    .notNull()
    .unique()
    .references(() => admissionApplications.id),
  questionOrder: jsonb('question_order').$type<string[]>().notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  score: doublePrecision('score'),
});

/** An answer as given, saved at once so that a lost connection loses nothing; the last one counts. */
export const admissionTestAnswers = pgTable(
  'admission_test_answers',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => admissionTestAttempts.id),
    questionId: uuid('question_id')
      .notNull()
      .references(() => admissionTestQuestions.id),
    answer: jsonb('answer').$type<unknown>().notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.questionId] })],
);
