import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { people } from './people.ts';
import { streams } from './programmes.ts';
import { municipalities } from './reference.ts';
import { scheduleSessions } from './schedule.ts';
import { teams } from './teams.ts';

/** An improvement identified (usually at a strategic session) by a team or a participant, in one of the 30 areas. */
export const improvements = pgTable(
  'improvements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    streamId: uuid('stream_id')
      .notNull()
      .references(() => streams.id),
    /** One of the 30 area codes (contracts/src/areas.ts). */
    area: text('area').notNull(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    /** The participant who recorded it (or on whose behalf staff recorded it). */
    personId: uuid('person_id').references(() => people.id),
    sessionId: uuid('session_id').references(() => scheduleSessions.id, { onDelete: 'set null' }),
    problem: text('problem').notNull(),
    proposal: text('proposal').notNull(),
    expectedEffect: text('expected_effect').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('improvements_stream_area_idx').on(t.streamId, t.area),
    index('improvements_team_idx').on(t.teamId),
    index('improvements_person_idx').on(t.personId),
  ],
);
