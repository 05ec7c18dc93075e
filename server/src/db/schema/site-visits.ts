import { index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from './people.ts';
import { scheduleSessions } from './schedule.ts';

/**
 * Who goes on which site visit or walking tour. Parallel visits of a module split the stream into
 * groups (a factory takes 20, a school 30), and the host needs the names for passes and buses.
 */
export const siteVisitAssignments = pgTable(
  'site_visit_assignments',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => scheduleSessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] }), index('site_visit_assignments_person_idx').on(t.personId)],
);
