import { boolean, index, pgTable, text, timestamp, uuid, jsonb } from 'drizzle-orm/pg-core';
import { people } from './people.ts';
import { organisations, programmes, streams } from './programmes.ts';
import { regions } from './reference.ts';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  personId: uuid('person_id').references(() => people.id),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash'),
  /** ru | en */
  locale: text('locale').notNull().default('ru'),
  /** AES-GCM encrypted base32 TOTP secret. */
  totpSecret: text('totp_secret'),
  isTotpEnabled: boolean('is_totp_enabled').notNull().default(false),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A role given to a user within a scope. All scope columns null = platform-wide.
 * A coordinator grant carries a region; it may also be narrowed to a programme.
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** admin | staff | coordinator | expert | participant | alumnus */
    role: text('role').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    programmeId: uuid('programme_id').references(() => programmes.id),
    streamId: uuid('stream_id').references(() => streams.id),
    regionCode: text('region_code').references(() => regions.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('role_grants_user_idx').on(t.userId)],
);

/** Server-side sessions; the id is the SHA-256 of the cookie token, so a database leak yields no live cookie. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time tokens for invitations and password resets (hashed). */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: text('id').primaryKey(),
    /** invitation | password_reset */
    purpose: text('purpose').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId)],
);

/** Every message the platform sends; also what admins read when no SMTP is configured. */
export const outbox = pgTable('outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  textBody: text('text_body').notNull(),
  kind: text('kind').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  error: text('error'),
  meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
});
