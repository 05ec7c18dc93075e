import { bigint, integer, pgTable } from 'drizzle-orm/pg-core';

/**
 * One counter that every change to what a roster shows bumps in the same transaction (enrolments,
 * people, municipalities; triggers in migration roster_revision_triggers): roster caches compare it
 * instead of re-reading the roster. A single row, like schedule_revision: writers of those tables
 * queue on it until they commit, which this programme's write volume (imports, edits) easily bears.
 */
export const rosterRevision = pgTable('roster_revision', {
  id: integer('id').primaryKey(),
  revision: bigint('revision', { mode: 'number' }).notNull().default(0),
});
