import { and, eq, getTableColumns, inArray, isNull, notExists, sql } from 'drizzle-orm';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from '../../db/client.ts';
import { accountTokens, admissionCampaigns, importUploads, intakes, municipalities, programmes, regions, streams, users } from '../../db/schema/index.ts';
import type { ScopePath } from '../../lib/access.ts';
import type { MunicipalityRef, RegionRef } from './parse/reference.ts';

/** An upload without its file: most readers need only its state, and the file can be 10 MB. */
export type UploadRow = Omit<typeof importUploads.$inferSelect, 'content'>;

const { content: _content, ...UPLOAD_COLUMNS } = getTableColumns(importUploads);
export type Executor = Pick<Database, 'select' | 'update' | 'insert' | 'execute'>;

/** Queries on uploads and the reference data checks need; the bulk writes live in *-commit.repo.ts. */
export function createImportsRepo(db: Database) {
  return {
    /** Where a stream sits (organisation → programme → stream), for scope checks; undefined when unknown. */
    async findStreamScope(streamId: string): Promise<ScopePath | undefined> {
      const [row] = await db
        .select({ streamId: streams.id, programmeId: programmes.id, organisationId: programmes.organisationId })
        .from(streams)
        .innerJoin(intakes, eq(intakes.id, streams.intakeId))
        .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
        .where(eq(streams.id, streamId));
      return row;
    },
    /** Where a campaign sits (organisation → programme) and its eligibility rules; undefined when unknown. */
    async findCampaign(campaignId: string): Promise<(Required<Pick<ScopePath, 'organisationId' | 'programmeId'>> & { campaignId: string; rules: unknown }) | undefined> {
      const [row] = await db
        .select({
          campaignId: admissionCampaigns.id,
          programmeId: programmes.id,
          organisationId: programmes.organisationId,
          rules: admissionCampaigns.rules,
        })
        .from(admissionCampaigns)
        .innerJoin(intakes, eq(intakes.id, admissionCampaigns.intakeId))
        .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
        .where(eq(admissionCampaigns.id, campaignId));
      return row;
    },
    async createUpload(values: typeof importUploads.$inferInsert, executor: Executor = db): Promise<UploadRow> {
      const [row] = await executor.insert(importUploads).values(values).returning(UPLOAD_COLUMNS);
      return row!;
    },
    async findUpload(id: string): Promise<UploadRow | undefined> {
      const [row] = await db.select(UPLOAD_COLUMNS).from(importUploads).where(eq(importUploads.id, id));
      return row;
    },
    /**
     * The stored file's bytes (empty when the upload is gone), streamed out with COPY … TO STDOUT in
     * binary form into one buffer of the file's size. A plain SELECT answers bytea as hex text twice
     * the file's size, held whole beside the buffers the driver grows to read it: some 300 MB at
     * once for a 55 MB file.
     */
    async findUploadContent(id: string): Promise<Buffer> {
      // COPY takes no parameters: the id is inlined, so only a well-formed UUID gets that far.
      if (!UUID.test(id)) return Buffer.alloc(0);
      // Drizzle keeps the pool it was built on as $client (typed on drizzle()'s result, not on Database).
      const client = await (db as Database & { $client: pg.Pool }).$client.connect();
      let isBroken = false;
      try {
        return await readSingleBytea(client.query(copyTo(`copy (select content from import_uploads where id = '${id}') to stdout (format binary)`)));
      } catch (error) {
        isBroken = true; // a COPY cut off midway leaves the connection unusable: it is closed, not pooled
        throw error;
      } finally {
        client.release(isBroken);
      }
    },
    /** Locks the upload for the rest of the transaction: two runs of one upload never interleave. */
    async lockUpload(executor: Executor, id: string): Promise<Pick<UploadRow, 'summary'> | undefined> {
      const [row] = await executor.select({ summary: importUploads.summary }).from(importUploads).where(eq(importUploads.id, id)).for('update');
      return row;
    },
    async updateUpload(id: string, values: Partial<typeof importUploads.$inferInsert>, executor: Executor = db): Promise<void> {
      await executor.update(importUploads).set(values).where(eq(importUploads.id, id));
    },
    /** Marks the upload as being imported unless it already is; false when another run holds it. */
    async claimUpload(id: string, values: Partial<typeof importUploads.$inferInsert>): Promise<boolean> {
      const rows = await db
        .update(importUploads)
        .set({ ...values, status: 'importing' })
        .where(and(eq(importUploads.id, id), sql`${importUploads.status} <> 'importing'`))
        .returning({ id: importUploads.id });
      return rows.length > 0;
    },
    findRegions(): Promise<RegionRef[]> {
      return db.select({ code: regions.code, nameRu: regions.nameRu, nameEn: regions.nameEn }).from(regions);
    },
    async findMunicipalities(regionCodes: string[]): Promise<MunicipalityRef[]> {
      if (regionCodes.length === 0) return [];
      return db
        .select({ id: municipalities.id, regionCode: municipalities.regionCode, name: municipalities.name })
        .from(municipalities)
        .where(inArray(municipalities.regionCode, regionCodes))
        .orderBy(municipalities.kind, municipalities.id);
    },
    /** How many of these municipalities exist (one array parameter, whatever the count). */
    async countMunicipalities(ids: string[]): Promise<number> {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(municipalities)
        .where(sql`${municipalities.id} = any(${sql.param(ids)}::uuid[])`);
      return row?.count ?? 0;
    },
    /** Of these users, those still waiting for their first invitation (no password, no invitation sent). */
    async findUninvitedUsers(userIds: string[]): Promise<string[]> {
      if (userIds.length === 0) return [];
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            // One array parameter: a list of 50,000 ids would run into the bind-parameter limit.
            sql`${users.id} = any(${sql.param(userIds)}::uuid[])`,
            isNull(users.passwordHash),
            notExists(
              db
                .select({ one: sql`1` })
                .from(accountTokens)
                .where(and(eq(accountTokens.userId, users.id), eq(accountTokens.purpose, 'invitation'))),
            ),
          ),
        );
      return rows.map((r) => r.id);
    },
  };
}

export type ImportsRepo = ReturnType<typeof createImportsRepo>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one bytea value of a binary COPY of one row and one column: the header (signature, flags,
 * extension), then the row's field count and the value's length, then the bytes (copied straight
 * into their buffer as they arrive), then the trailer. Empty when there is no row or it is NULL.
 */
async function readSingleBytea(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  let head = Buffer.alloc(0);
  let value: Buffer | null = null;
  let filled = 0;
  let isEmpty = false;
  for await (const chunk of stream) {
    let data = chunk;
    if (value === null && !isEmpty) {
      head = Buffer.concat([head, chunk]);
      if (head.length < 19) continue;
      const start = 19 + head.readUInt32BE(15);
      if (head.length < start + 2) continue;
      if (head.readInt16BE(start) === -1) {
        isEmpty = true; // the trailer right after the header: no row
        continue;
      }
      if (head.length < start + 6) continue;
      const length = head.readInt32BE(start + 2);
      if (length < 0) {
        isEmpty = true;
        continue;
      }
      value = Buffer.allocUnsafe(length);
      data = head.subarray(start + 6);
      head = Buffer.alloc(0);
    }
    if (value !== null && filled < value.length) {
      filled += data.copy(value, filled, 0, Math.min(data.length, value.length - filled));
    }
  }
  if (value === null) return Buffer.alloc(0);
  if (filled < value.length) throw new Error('the stored file was cut short');
  return value;
}
