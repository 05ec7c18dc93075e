import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { people } from './people.ts';
import { streams } from './programmes.ts';

/** A learning team within a stream; `tutorUserId` names the expert or staff member who tutors it. */
export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    streamId: uuid('stream_id')
      .notNull()
      .references(() => streams.id),
    name: text('name').notNull(),
    tutorUserId: uuid('tutor_user_id').references(() => users.id),
    /** The seed of the generation that created the team (null for a team made by hand). */
    generationSeed: integer('generation_seed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('teams_stream_name_uq').on(t.streamId, t.name), index('teams_tutor_idx').on(t.tutorUserId)],
);

/** A participant's place in a team; `streamId` is repeated so that one person sits in one team per stream. */
export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    streamId: uuid('stream_id')
      .notNull()
      .references(() => streams.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.personId] }), uniqueIndex('team_members_stream_person_uq').on(t.streamId, t.personId)],
);
