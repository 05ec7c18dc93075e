import { bigint, boolean, date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { people } from './people.ts';
import { programmes, streams } from './programmes.ts';
import { regions } from './reference.ts';

/** A place modules happen: Senezh, or a venue in a host region. Owned by a programme. */
export const venues = pgTable(
  'venues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull(),
    addressRu: text('address_ru').notNull().default(''),
    addressEn: text('address_en').notNull().default(''),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    /** IANA time zone the venue's sessions are shown in (Europe/Moscow, Asia/Irkutsk, …). */
    timeZone: text('time_zone').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('venues_programme_idx').on(t.programmeId)],
);

/** One in-person module of a stream (1…6); field modules have a host region and its coordinator. */
export const scheduleModules = pgTable(
  'schedule_modules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    streamId: uuid('stream_id')
      .notNull()
      .references(() => streams.id),
    number: integer('number').notNull(),
    themeRu: text('theme_ru').notNull(),
    themeEn: text('theme_en').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id),
    hostRegionCode: text('host_region_code').references(() => regions.code),
    /** Further regions presenting their practices at a joint field module (Moscow with Moscow Oblast, …). */
    coHostRegionCodes: text('co_host_region_codes').array().notNull().default([]),
    hostCoordinatorUserId: uuid('host_coordinator_user_id').references(() => users.id),
    /** Curriculum topic codes (contracts CURRICULUM_TOPICS). */
    topics: text('topics').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('schedule_modules_stream_number_uq').on(t.streamId, t.number), index('schedule_modules_coordinator_idx').on(t.hostCoordinatorUserId)],
);

/** A speaker of a programme; `userId` links an account (expert) so they can read the sessions they lead. */
export const speakers = pgTable(
  'speakers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    userId: uuid('user_id').references(() => users.id),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull(),
    /** federal_ministry | regional_government | municipal_head | academy_faculty | business | other */
    affiliationKind: text('affiliation_kind').notNull(),
    organisationRu: text('organisation_ru').notNull().default(''),
    organisationEn: text('organisation_en').notNull().default(''),
    bioRu: text('bio_ru').notNull().default(''),
    bioEn: text('bio_en').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('speakers_programme_idx').on(t.programmeId), index('speakers_user_idx').on(t.userId)],
);

/** A session of a module; times are UTC, shown in the venue's time zone. */
export const scheduleSessions = pgTable(
  'schedule_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => scheduleModules.id),
    kind: text('kind').notNull(),
    titleRu: text('title_ru').notNull(),
    titleEn: text('title_en').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull().default(''),
    capacity: integer('capacity'),
    topics: text('topics').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('schedule_sessions_module_starts_idx').on(t.moduleId, t.startsAt)],
);

export const sessionSpeakers = pgTable(
  'session_speakers',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => scheduleSessions.id, { onDelete: 'cascade' }),
    speakerId: uuid('speaker_id')
      .notNull()
      .references(() => speakers.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.speakerId] }), index('session_speakers_speaker_idx').on(t.speakerId)],
);

/** A participant's journey to or from a module's venue. */
export const travelLegs = pgTable(
  'travel_legs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => scheduleModules.id),
    /** inbound | outbound */
    direction: text('direction').notNull(),
    /** air | rail | bus | car | other */
    mode: text('mode').notNull(),
    fromPlace: text('from_place').notNull().default(''),
    toPlace: text('to_place').notNull().default(''),
    departAt: timestamp('depart_at', { withTimezone: true }).notNull(),
    arriveAt: timestamp('arrive_at', { withTimezone: true }).notNull(),
    bookingRef: text('booking_ref'),
    lodging: text('lodging'),
    needsTransfer: boolean('needs_transfer').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('travel_legs_module_idx').on(t.moduleId), index('travel_legs_person_idx').on(t.personId)],
);

/** One mark per person per session; `clientMarkId` makes offline sync idempotent. */
export const attendanceMarks = pgTable(
  'attendance_marks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => scheduleSessions.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** present | late | excused | absent */
    status: text('status').notNull(),
    /** qr | sheet | import */
    source: text('source').notNull(),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull(),
    markedBy: uuid('marked_by').references(() => users.id),
    clientMarkId: text('client_mark_id').unique(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('attendance_marks_session_person_uq').on(t.sessionId, t.personId), index('attendance_marks_person_idx').on(t.personId)],
);

/** Every refused QR check-in, with the reason, for staff to review. */
export const checkInRefusals = pgTable(
  'check_in_refusals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null when the token was too broken to name a session. */
    sessionId: uuid('session_id').references(() => scheduleSessions.id),
    userId: uuid('user_id').references(() => users.id),
    personId: uuid('person_id').references(() => people.id),
    /** malformed | forged | expired | outside_window | wrong_stream | not_participant */
    reason: text('reason').notNull(),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('check_in_refusals_session_idx').on(t.sessionId)],
);

/** Secret iCalendar subscription URLs; only the SHA-256 of the token is stored. */
export const feedTokens = pgTable(
  'feed_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    /** participant | stream | speaker */
    kind: text('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('feed_tokens_subject_idx').on(t.kind, t.subjectId)],
);

/**
 * One row, bumped by statement triggers on every change to venues, modules, speakers and sessions
 * (migration 0006): timetable caches compare it instead of re-reading the schedule.
 */
export const scheduleRevision = pgTable('schedule_revision', {
  id: integer('id').primaryKey(),
  revision: bigint('revision', { mode: 'number' }).notNull().default(0),
});
