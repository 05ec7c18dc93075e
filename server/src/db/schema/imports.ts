import { boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { jobRuns } from './jobs.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * An uploaded file waiting to be checked and imported. The file is kept so a dry run, the real run
 * and a retry after a crash all read the same bytes.
 */
export const importUploads = pgTable(
  'import_uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** people | municipalities | applications … */
    kind: text('kind').notNull(),
    /** What the rows go into, e.g. { streamId } */
    target: jsonb('target').$type<Record<string, unknown>>().notNull().default({}),
    fileName: text('file_name').notNull(),
    content: bytea('content').notNull(),
    /** source column → our field */
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    isSkippingBadRows: boolean('is_skipping_bad_rows').notNull().default(false),
    isInviting: boolean('is_inviting').notNull().default(false),
    /** uploaded | checked | importing | imported | failed */
    status: text('status').notNull().default('uploaded'),
    rowCount: integer('row_count'),
    errorCount: integer('error_count'),
    /** Row-level problems: [{ row, field, key, params }] (translated when shown). */
    report: jsonb('report').$type<unknown[]>(),
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    lastJobId: uuid('last_job_id').references(() => jobRuns.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('import_uploads_kind_idx').on(t.kind)],
);
