import { date, pgTable, text, timestamp, uuid, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { municipalities, regions } from './reference.ts';
import { streams } from './programmes.ts';

/** A person known to the platform, with or without an account. Personal fields are nulled on erasure. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower-cased; the natural key imports use to stay idempotent. */
    email: text('email'),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    middleName: text('middle_name'),
    birthDate: date('birth_date'),
    /** female | male, optional */
    gender: text('gender'),
    position: text('position'),
    phone: text('phone'),
    regionCode: text('region_code').references(() => regions.code),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('people_email_uq').on(t.email), index('people_region_idx').on(t.regionCode)],
);

export const enrolments = pgTable(
  'enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    streamId: uuid('stream_id')
      .notNull()
      .references(() => streams.id),
    /** enrolled | withdrawn | graduated */
    status: text('status').notNull().default('enrolled'),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enrolments_person_stream_uq').on(t.personId, t.streamId),
    index('enrolments_stream_idx').on(t.streamId),
  ],
);

/** The text a person agrees to; versions are immutable once published. */
export const consentDocuments = pgTable('consent_documents', {
  version: text('version').primaryKey(),
  textRu: text('text_ru').notNull(),
  textEn: text('text_en').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Consent to personal-data processing (152-FZ): a separate record per version, withdrawable. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    documentVersion: text('document_version')
      .notNull()
      .references(() => consentDocuments.version),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    grantedIp: text('granted_ip'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('consents_person_idx').on(t.personId)],
);
