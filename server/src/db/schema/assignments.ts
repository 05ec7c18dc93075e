import { sql } from 'drizzle-orm';
import { boolean, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { people } from './people.ts';
import { programmes, streams } from './programmes.ts';
import { scheduleModules } from './schedule.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** One level of a rubric criterion ("meets expectations", 3 points). */
export interface RubricLevel {
  titleRu: string;
  titleEn: string;
  points: number;
}

/** One rubric criterion; its weight shares the 0–100 total with the other criteria. */
export interface RubricCriterion {
  key: string;
  titleRu: string;
  titleEn: string;
  weight: number;
  levels: RubricLevel[];
}

/**
 * A piece of work set on a module, done alone or as a team. The due time is stored as a UTC instant;
 * `timeZone` is the zone staff typed it in (shown back in that zone).
 */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => scheduleModules.id),
    /** Denormalised from the module so every scoped query filters on one column. */
    streamId: uuid('stream_id')
      .notNull()
      .references(() => streams.id),
    /** individual | team */
    kind: text('kind').notNull(),
    titleRu: text('title_ru').notNull(),
    titleEn: text('title_en').notNull(),
    instructionsRu: text('instructions_ru').notNull().default(''),
    instructionsEn: text('instructions_en').notNull().default(''),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Moscow'),
    /** accept (flag late) | refuse */
    latePolicy: text('late_policy').notNull().default('accept'),
    rubric: jsonb('rubric').$type<RubricCriterion[]>().notNull(),
    /** Score out of 100 at or above which the work passes. */
    passMark: integer('pass_mark').notNull().default(60),
    /** Counted by the completion rule "all required assignments passed". */
    isRequired: boolean('is_required').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assignments_stream_idx').on(t.streamId), index('assignments_module_idx').on(t.moduleId)],
);

/** The experts who grade an assignment; submissions are shared out among them. */
export const assignmentGraders = pgTable(
  'assignment_graders',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.userId] }), index('assignment_graders_user_idx').on(t.userId)],
);

/**
 * The work of one person (individual) or one team on one assignment: its versions, grader and grade
 * hang off it. `ownerKey` is `person:<id>` or `team:<id>`, so a team has exactly one submission.
 */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    ownerKey: text('owner_key').notNull(),
    personId: uuid('person_id').references(() => people.id),
    /** A team of the teams feature (no foreign key: that table belongs to another feature). */
    teamId: uuid('team_id'),
    teamName: text('team_name'),
    graderUserId: uuid('grader_user_id').references(() => users.id),
    latestVersion: integer('latest_version').notNull().default(0),
    lastSubmittedAt: timestamp('last_submitted_at', { withTimezone: true }),
    isLate: boolean('is_late').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('submissions_assignment_owner_uq').on(t.assignmentId, t.ownerKey),
    index('submissions_grader_idx').on(t.graderUserId),
    index('submissions_person_idx').on(t.personId),
  ],
);

/** Each (re)submission is a new version; old versions are kept. */
export const submissionVersions = pgTable(
  'submission_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    text: text('text').notNull().default(''),
    submittedByPersonId: uuid('submitted_by_person_id').references(() => people.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    isLate: boolean('is_late').notNull().default(false),
  },
  (t) => [uniqueIndex('submission_versions_uq').on(t.submissionId, t.version)],
);

/** A file of a version, stored in PostgreSQL so it is backed up and committed with its version. */
export const submissionFiles = pgTable(
  'submission_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => submissionVersions.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    /** Detected from the content, never taken from the browser. */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('submission_files_version_idx').on(t.versionId)],
);

/** The grade of a submission: one per submission, re-graded in place; visible to its owners once released. */
export const grades = pgTable('grades', {
  submissionId: uuid('submission_id')
    .primaryKey()
    .references(() => submissions.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  graderUserId: uuid('grader_user_id')
    .notNull()
    .references(() => users.id),
  /** criterion key → chosen level index */
  levels: jsonb('levels').$type<Record<string, number>>().notNull(),
  score: doublePrecision('score').notNull(),
  isPassed: boolean('is_passed').notNull(),
  feedback: text('feedback').notNull().default(''),
  gradedAt: timestamp('graded_at', { withTimezone: true }).notNull(),
  releasedAt: timestamp('released_at', { withTimezone: true }),
  releasedBy: uuid('released_by').references(() => users.id),
});

/** Which completion rules a programme applies (a programme without a row applies all three). */
export const completionRules = pgTable('completion_rules', {
  programmeId: uuid('programme_id')
    .primaryKey()
    .references(() => programmes.id),
  isAttendanceRequired: boolean('is_attendance_required').notNull().default(true),
  isAssignmentsRequired: boolean('is_assignments_required').notNull().default(true),
  isProjectRequired: boolean('is_project_required').notNull().default(true),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Staff waive the missing rules for one participant, with a reason; revoking keeps the row. */
export const completionExceptions = pgTable(
  'completion_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    streamId: uuid('stream_id')
      .notNull()
      .references(() => streams.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    reason: text('reason').notNull(),
    grantedBy: uuid('granted_by').references(() => users.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [
    index('completion_exceptions_stream_person_idx').on(t.streamId, t.personId),
    // At most one live exception per person and stream.
    uniqueIndex('completion_exceptions_active_uq').on(t.streamId, t.personId).where(sql`revoked_at is null`),
  ],
);
