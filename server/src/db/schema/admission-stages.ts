import { doublePrecision, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { admissionApplications, admissionCampaigns } from './admissions.ts';
import { regions } from './reference.ts';

/** One weighted criterion of an expert-stage rubric; points are 0..maxPoints. */
export interface AdmissionRubricCriterion {
  key: string;
  titleRu: string;
  titleEn: string;
  weight: number;
  maxPoints: number;
}

/**
 * A campaign's expert-scored stage (essay or case): the rubric, the task shown to experts, the gap
 * between two scorings (0–100 scale) above which a third is assigned, and the scoring deadline.
 */
export const admissionExpertStages = pgTable('admission_expert_stages', {
  campaignId: uuid('campaign_id')
    .primaryKey()
    .references(() => admissionCampaigns.id),
  /** essay | case */
  kind: text('kind').notNull().default('essay'),
  taskRu: text('task_ru').notNull().default(''),
  taskEn: text('task_en').notNull().default(''),
  rubric: jsonb('rubric').$type<AdmissionRubricCriterion[]>().notNull(),
  discrepancyThreshold: doublePrecision('discrepancy_threshold').notNull().default(20),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An expert of a campaign's pool. The region is stored here (taken from the expert's person record
 * when staff add them, or given explicitly) so that "never the applicant's own region" is checked
 * against a known, fixed value.
 */
export const admissionExperts = pgTable(
  'admission_experts',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => admissionCampaigns.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.userId] })],
);

/** One blind scoring of one application by one expert; round 3 is the automatic third scoring. */
export const admissionExpertReviews = pgTable(
  'admission_expert_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => admissionCampaigns.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => admissionApplications.id),
    expertUserId: uuid('expert_user_id')
      .notNull()
      .references(() => users.id),
    round: smallint('round').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** Points per criterion key. */
    points: jsonb('points').$type<Record<string, number>>(),
    /** The weighted total on the 0–100 scale. */
    total: doublePrecision('total'),
    comment: text('comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('admission_expert_reviews_application_expert_uq').on(t.applicationId, t.expertUserId),
    index('admission_expert_reviews_expert_idx').on(t.expertUserId, t.submittedAt),
    index('admission_expert_reviews_campaign_idx').on(t.campaignId, t.expertUserId),
  ],
);
