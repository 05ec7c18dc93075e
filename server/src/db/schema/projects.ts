import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { people } from './people.ts';
import { streams } from './programmes.ts';
import { scheduleSessions } from './schedule.ts';
import { teams } from './teams.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** A final project, written by a team (or one participant) with their municipal teams and defended at the final module. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    streamId: uuid('stream_id')
      .notNull()
      .references(() => streams.id),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Area codes (contracts/src/areas.ts). */
    areas: text('areas').array().notNull().default([]),
    supervisorUserId: uuid('supervisor_user_id').references(() => users.id),
    defenceSessionId: uuid('defence_session_id').references(() => scheduleSessions.id, { onDelete: 'set null' }),
    /** pending | passed | failed */
    defenceResult: text('defence_result').notNull().default('pending'),
    defenceDecidedAt: timestamp('defence_decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('projects_stream_idx').on(t.streamId), index('projects_team_idx').on(t.teamId), index('projects_supervisor_idx').on(t.supervisorUserId)],
);

/** A participant on a project; one project per participant per stream. */
export const projectMembers = pgTable(
  'project_members',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    streamId: uuid('stream_id')
      .notNull()
      .references(() => streams.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.personId] }), uniqueIndex('project_members_stream_person_uq').on(t.streamId, t.personId)],
);

/** A member of a participant's municipal team who works on the project without being a participant. */
export const projectGuests = pgTable(
  'project_guests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    position: text('position').notNull().default(''),
    email: text('email'),
    /** The participant whose municipal team the guest belongs to. */
    hostPersonId: uuid('host_person_id').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_guests_project_idx').on(t.projectId)],
);

export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_milestones_project_idx').on(t.projectId, t.dueOn)],
);

/**
 * Project documents are kept in PostgreSQL (bytea, ≤ 10 MB each): they are then in every backup and
 * transactional with their metadata, and the app needs no shared disk when it runs on several nodes.
 */
export const projectDocuments = pgTable(
  'project_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    /** The type detected from the content (pdf | docx | xlsx | png | jpeg), never the client's claim. */
    kind: text('kind').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_documents_project_idx').on(t.projectId)],
);

/** Who sits on the project's defence panel. */
export const projectPanelMembers = pgTable(
  'project_panel_members',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_panel_members_user_idx').on(t.userId)],
);

/** A panel member's 1–10 score of one defence criterion (contracts DEFENCE_CRITERIA). */
export const projectDefenceScores = pgTable(
  'project_defence_scores',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    panelUserId: uuid('panel_user_id')
      .notNull()
      .references(() => users.id),
    criterion: text('criterion').notNull(),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.panelUserId, t.criterion] }), check('project_defence_scores_score_ck', sql`${t.score} between 1 and 10`)],
);

/** The implementation status after graduation: every update is a row, so the history is kept; the latest is current. */
export const projectImplementationUpdates = pgTable(
  'project_implementation_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** not_started | in_progress | implemented | suspended */
    status: text('status').notNull(),
    note: text('note').notNull().default(''),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_implementation_updates_project_idx').on(t.projectId, t.createdAt)],
);
