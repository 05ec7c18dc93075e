import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { jobRuns } from './jobs.ts';
import { enrolments, people } from './people.ts';
import { streams } from './programmes.ts';

/**
 * The issuer's Ed25519 keys. The secret half is sealed (AES-256-GCM, key derived from the app secret)
 * and never leaves the server; a rotated key is retired, not deleted, so what it signed keeps verifying
 * and its status list can still be re-signed.
 */
export const diplomaKeys = pgTable(
  'diploma_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publicKeyMultibase: text('public_key_multibase').notNull().unique(),
    sealedSecretKey: text('sealed_secret_key').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('diploma_keys_one_active_uq').on(t.isActive).where(sql`is_active`)],
);

/**
 * A Bitstring Status List (revocation). Each list belongs to the key that signs it, because verifiers
 * require the list's issuer to equal the credential's. The signed list credential is kept and re-signed
 * on every revocation or reinstatement, in the same transaction.
 */
export const diplomaStatusLists = pgTable('diploma_status_lists', {
  id: uuid('id').primaryKey().defaultRandom(),
  keyId: uuid('key_id')
    .notNull()
    .references(() => diplomaKeys.id),
  /** Number of entries (bits); the W3C minimum is 131,072 for herd privacy. */
  size: integer('size').notNull(),
  /** The next free index; indexes are handed out in order and never reused. */
  nextIndex: integer('next_index').notNull().default(0),
  credential: jsonb('credential').$type<Record<string, unknown>>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Per-year counters behind registry numbers (ШМ-2025-000123): an atomic upsert hands out the next one. */
export const diplomaRegistryCounters = pgTable('diploma_registry_counters', {
  prefix: text('prefix').notNull(),
  year: integer('year').notNull(),
  last: integer('last').notNull().default(0),
}, (t) => [uniqueIndex('diploma_registry_counters_uq').on(t.prefix, t.year)]);

/** One diploma per person and stream: the signed credential and what the registry shows about it. */
export const diplomas = pgTable(
  'diplomas',
  {
    /** 128-bit random, base64url: the public, unguessable id in /verify/{id}. */
    id: text('id').primaryKey(),
    registryNumber: text('registry_number').notNull().unique(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    streamId: uuid('stream_id')
      .notNull()
      .references(() => streams.id),
    enrolmentId: uuid('enrolment_id').references(() => enrolments.id),
    keyId: uuid('key_id')
      .notNull()
      .references(() => diplomaKeys.id),
    statusListId: uuid('status_list_id')
      .notNull()
      .references(() => diplomaStatusLists.id),
    statusIndex: integer('status_index').notNull(),
    /** Snapshot at issuance (the credential is immutable; erasure of the person does not rewrite it). */
    holderName: text('holder_name').notNull(),
    credential: jsonb('credential').$type<Record<string, unknown>>().notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    jobRunId: uuid('job_run_id').references(() => jobRuns.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revocationReason: text('revocation_reason'),
  },
  (t) => [
    // Idempotent issuance: a rerun or a retried job can never issue the same diploma twice.
    uniqueIndex('diplomas_person_stream_uq').on(t.personId, t.streamId),
    uniqueIndex('diplomas_status_entry_uq').on(t.statusListId, t.statusIndex),
    index('diplomas_stream_idx').on(t.streamId),
  ],
);

/** Revocations and reinstatements, with reason and date: the history behind `diplomas.revoked_at`. */
export const diplomaStatusEvents = pgTable(
  'diploma_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    diplomaId: text('diploma_id')
      .notNull()
      .references(() => diplomas.id),
    /** revoked | reinstated */
    action: text('action').notNull(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
  },
  (t) => [index('diploma_status_events_diploma_idx').on(t.diplomaId)],
);

/** Staff decide eligibility by hand for one person in one stream, with a reason (kept when changed). */
export const diplomaEligibilityOverrides = pgTable(
  'diploma_eligibility_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    streamId: uuid('stream_id')
      .notNull()
      .references(() => streams.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    isEligible: boolean('is_eligible').notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('diploma_eligibility_overrides_uq').on(t.streamId, t.personId)],
);

/**
 * Credentials signed through the W3C VC API issue endpoint (not tied to a stream or a person): kept in
 * the registry with their status entry so they can be revoked like diplomas. `credentialId` is the
 * credential's own `id`, the handle the VC API status endpoint takes.
 */
export const diplomaVcCredentials = pgTable(
  'diploma_vc_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    credentialId: text('credential_id').notNull().unique(),
    name: text('name'),
    keyId: uuid('key_id')
      .notNull()
      .references(() => diplomaKeys.id),
    statusListId: uuid('status_list_id')
      .notNull()
      .references(() => diplomaStatusLists.id),
    statusIndex: integer('status_index').notNull(),
    credential: jsonb('credential').$type<Record<string, unknown>>().notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revocationReason: text('revocation_reason'),
  },
  (t) => [uniqueIndex('diploma_vc_credentials_status_entry_uq').on(t.statusListId, t.statusIndex)],
);
