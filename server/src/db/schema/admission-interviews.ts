import { doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { admissionApplications, admissionCampaigns } from './admissions.ts';

/** An interview slot of a campaign: when, where (a place or an online link), how many candidates. */
export const admissionInterviewSlots = pgTable(
  'admission_interview_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => admissionCampaigns.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    capacity: integer('capacity').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('admission_interview_slots_campaign_idx').on(t.campaignId, t.startsAt)],
);

/** The experts on a slot's panel. */
export const admissionInterviewPanel = pgTable(
  'admission_interview_panel',
  {
    slotId: uuid('slot_id')
      .notNull()
      .references(() => admissionInterviewSlots.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.slotId, t.userId] }), index('admission_interview_panel_user_idx').on(t.userId)],
);

/** A candidate's place in a slot: one per application (re-booking moves it). */
export const admissionInterviewBookings = pgTable(
  'admission_interview_bookings',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => admissionApplications.id),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => admissionInterviewSlots.id),
    bookedAt: timestamp('booked_at', { withTimezone: true }).notNull(),
    bookedBy: uuid('booked_by').references(() => users.id),
  },
  (t) => [index('admission_interview_bookings_slot_idx').on(t.slotId)],
);

/** One panel member's score (0–100) of one interviewed candidate; their mean is the interview score. */
export const admissionInterviewScores = pgTable(
  'admission_interview_scores',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => admissionApplications.id),
    expertUserId: uuid('expert_user_id')
      .notNull()
      .references(() => users.id),
    score: doublePrecision('score').notNull(),
    comment: text('comment'),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.expertUserId] })],
);
