import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { diplomaEligibilityOverrides, diplomaKeys, diplomaRegistryCounters, diplomas, diplomaStatusEvents, diplomaStatusLists } from '../../db/schema/index.ts';

type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export type KeyRow = typeof diplomaKeys.$inferSelect;
export type StatusListRow = typeof diplomaStatusLists.$inferSelect;
export type DiplomaRow = typeof diplomas.$inferSelect;

/** A stream with everything the credential and the PDF say about its programme. */
export interface StreamContext {
  streamId: string;
  organisationId: string;
  programmeId: string;
  intakeId: string;
  programmeSlug: string;
  programmeNameRu: string;
  programmeNameEn: string;
  programmeDescriptionRu: string;
  organisationNameRu: string;
  organisationNameEn: string;
  intakeNameRu: string;
  intakeNameEn: string;
  streamNumber: number;
  streamNameRu: string;
  streamNameEn: string;
  startsOn: string;
  endsOn: string;
  thresholdPct: number;
  /** Sum of the stream's session durations, in hours. */
  totalHours: number;
  topics: string[];
  /** Start of the final module's ceremony session (the default date of the diplomas). */
  ceremonyAt: Date | null;
}

export interface DiplomaView extends DiplomaRow {
  programmeNameRu: string;
  programmeNameEn: string;
  streamNameRu: string;
  streamNameEn: string;
  organisationId: string;
  programmeId: string;
}

export interface ParticipantCompletion {
  personId: string;
  enrolmentId: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  email: string | null;
  regionCode: string | null;
  past: number;
  attended: number;
  excused: number;
}

const viewColumns = sql`d.*, pr.name_ru as programme_name_ru, pr.name_en as programme_name_en, s.name_ru as stream_name_ru, s.name_en as stream_name_en, pr.organisation_id, pr.id as programme_id`;

function toView(row: Record<string, unknown>): DiplomaView {
  return {
    id: row.id as string,
    registryNumber: row.registry_number as string,
    personId: row.person_id as string,
    streamId: row.stream_id as string,
    enrolmentId: (row.enrolment_id as string | null) ?? null,
    keyId: row.key_id as string,
    statusListId: row.status_list_id as string,
    statusIndex: row.status_index as number,
    holderName: row.holder_name as string,
    credential: row.credential as Record<string, unknown>,
    validFrom: new Date(row.valid_from as string),
    validUntil: row.valid_until ? new Date(row.valid_until as string) : null,
    issuedAt: new Date(row.issued_at as string),
    issuedBy: (row.issued_by as string | null) ?? null,
    jobRunId: (row.job_run_id as string | null) ?? null,
    revokedAt: row.revoked_at ? new Date(row.revoked_at as string) : null,
    revocationReason: (row.revocation_reason as string | null) ?? null,
    programmeNameRu: row.programme_name_ru as string,
    programmeNameEn: row.programme_name_en as string,
    streamNameRu: row.stream_name_ru as string,
    streamNameEn: row.stream_name_en as string,
    organisationId: row.organisation_id as string,
    programmeId: row.programme_id as string,
  };
}

/** All SQL of the diplomas feature. */
export function createDiplomasRepo(db: Executor) {
  return {
    async activeKey(): Promise<KeyRow | null> {
      const [row] = await db.select().from(diplomaKeys).where(eq(diplomaKeys.isActive, true));
      return row ?? null;
    },
    async allKeys(): Promise<KeyRow[]> {
      return db.select().from(diplomaKeys).orderBy(diplomaKeys.createdAt);
    },
    async keyById(id: string): Promise<KeyRow | null> {
      const [row] = await db.select().from(diplomaKeys).where(eq(diplomaKeys.id, id));
      return row ?? null;
    },
    async retireActiveKey(at: Date): Promise<void> {
      await db.update(diplomaKeys).set({ isActive: false, retiredAt: at }).where(eq(diplomaKeys.isActive, true));
    },
    /** Inserts the new active key; a concurrent first start loses the race on the one-active index and gets null. */
    async insertActiveKey(values: { publicKeyMultibase: string; sealedSecretKey: string; createdAt: Date }): Promise<KeyRow | null> {
      const [row] = await db.insert(diplomaKeys).values({ ...values, isActive: true }).onConflictDoNothing().returning();
      return row ?? null;
    },

    async openStatusList(keyId: string): Promise<StatusListRow | null> {
      const [row] = await db.select().from(diplomaStatusLists).where(and(eq(diplomaStatusLists.keyId, keyId), sql`${diplomaStatusLists.nextIndex} < ${diplomaStatusLists.size}`)).orderBy(diplomaStatusLists.updatedAt).limit(1);
      return row ?? null;
    },
    async insertStatusList(keyId: string, size: number): Promise<StatusListRow> {
      const [row] = await db.insert(diplomaStatusLists).values({ keyId, size }).returning();
      return row!;
    },
    async statusListById(id: string): Promise<StatusListRow | null> {
      const [row] = await db.select().from(diplomaStatusLists).where(eq(diplomaStatusLists.id, id));
      return row ?? null;
    },
    /** Takes the next free index of a list atomically; null when the list is full. */
    async reserveStatusIndex(listId: string): Promise<number | null> {
      const result = await db.execute<{ index: number }>(sql`
        update diploma_status_lists set next_index = next_index + 1, updated_at = now()
        where id = ${listId} and next_index < size returning next_index - 1 as index`);
      return result.rows[0]?.index ?? null;
    },
    /** Serialises re-signing of one list, so two revocations cannot overwrite each other's bit. */
    async lockStatusList(listId: string): Promise<void> {
      await db.execute(sql`select 1 from diploma_status_lists where id = ${listId} for update`);
    },
    /** Revoked entries of a list: diplomas and credentials issued through the VC API share the lists. */
    async revokedIndexes(listId: string): Promise<number[]> {
      const result = await db.execute<{ status_index: number }>(sql`
        select status_index from diplomas where status_list_id = ${listId} and revoked_at is not null
        union all select status_index from diploma_vc_credentials where status_list_id = ${listId} and revoked_at is not null`);
      return result.rows.map((r) => r.status_index);
    },
    async saveStatusListCredential(listId: string, credential: Record<string, unknown>, at: Date): Promise<void> {
      await db.update(diplomaStatusLists).set({ credential, updatedAt: at }).where(eq(diplomaStatusLists.id, listId));
    },

    /** The next registry number of the year: one atomic upsert, safe under concurrent issuance. */
    async nextRegistrySequence(prefix: string, year: number): Promise<number> {
      const [row] = await db
        .insert(diplomaRegistryCounters)
        .values({ prefix, year, last: 1 })
        .onConflictDoUpdate({ target: [diplomaRegistryCounters.prefix, diplomaRegistryCounters.year], set: { last: sql`${diplomaRegistryCounters.last} + 1` } })
        .returning({ last: diplomaRegistryCounters.last });
      return row!.last;
    },

    async hasDiploma(personId: string, streamId: string): Promise<boolean> {
      const result = await db.execute(sql`select 1 from diplomas where person_id = ${personId} and stream_id = ${streamId}`);
      return result.rows.length > 0;
    },
    /** Inserts a diploma unless this person already has one for the stream; true when inserted. */
    async insertDiploma(values: typeof diplomas.$inferInsert): Promise<boolean> {
      const rows = await db.insert(diplomas).values(values).onConflictDoNothing({ target: [diplomas.personId, diplomas.streamId] }).returning({ id: diplomas.id });
      return rows.length > 0;
    },
    async diplomaView(id: string): Promise<DiplomaView | null> {
      const result = await db.execute(sql`select ${viewColumns} from diplomas d join streams s on s.id = d.stream_id join intakes i on i.id = s.intake_id join programmes pr on pr.id = i.programme_id where d.id = ${id}`);
      return result.rows[0] ? toView(result.rows[0]) : null;
    },
    /** A diploma with its signed status list, in one query (public verification's hot path). */
    async diplomaWithStatusList(id: string): Promise<{ diploma: DiplomaView; statusList: Record<string, unknown> | null } | null> {
      const result = await db.execute(sql`select ${viewColumns}, sl.credential as status_list_credential from diplomas d join streams s on s.id = d.stream_id join intakes i on i.id = s.intake_id join programmes pr on pr.id = i.programme_id left join diploma_status_lists sl on sl.id = d.status_list_id where d.id = ${id}`);
      const row = result.rows[0];
      return row ? { diploma: toView(row), statusList: (row.status_list_credential as Record<string, unknown> | null) ?? null } : null;
    },
    async diplomasOfStream(streamId: string): Promise<DiplomaView[]> {
      const result = await db.execute(sql`select ${viewColumns} from diplomas d join streams s on s.id = d.stream_id join intakes i on i.id = s.intake_id join programmes pr on pr.id = i.programme_id where d.stream_id = ${streamId} order by d.registry_number`);
      return result.rows.map(toView);
    },
    async diplomasOfPerson(personId: string): Promise<DiplomaView[]> {
      const result = await db.execute(sql`select ${viewColumns} from diplomas d join streams s on s.id = d.stream_id join intakes i on i.id = s.intake_id join programmes pr on pr.id = i.programme_id where d.person_id = ${personId} order by d.issued_at desc`);
      return result.rows.map(toView);
    },
    async setRevocation(id: string, values: { revokedAt: Date | null; revocationReason: string | null }): Promise<void> {
      await db.update(diplomas).set(values).where(eq(diplomas.id, id));
    },
    async insertStatusEvent(values: typeof diplomaStatusEvents.$inferInsert): Promise<void> {
      await db.insert(diplomaStatusEvents).values(values);
    },

    async streamContext(streamId: string): Promise<StreamContext | null> {
      const result = await db.execute<Record<string, unknown>>(sql`
        select s.id as stream_id, pr.organisation_id, pr.id as programme_id, i.id as intake_id, pr.slug, pr.name_ru as programme_name_ru, pr.name_en as programme_name_en,
               pr.description_ru, o.name_ru as org_ru, o.name_en as org_en, i.name_ru as intake_ru, i.name_en as intake_en, s.number, s.name_ru, s.name_en,
               s.starts_on, s.ends_on, pr.completion_threshold_pct as threshold,
               coalesce((select round(sum(extract(epoch from ss.ends_at - ss.starts_at)) / 3600) from schedule_sessions ss join schedule_modules m on m.id = ss.module_id where m.stream_id = s.id), 0)::int as hours,
               coalesce((select array_agg(distinct t order by t) from schedule_modules m, unnest(m.topics) t where m.stream_id = s.id), '{}') as topics,
               (select min(ss.starts_at) from schedule_sessions ss join schedule_modules m on m.id = ss.module_id where m.stream_id = s.id and ss.kind = 'ceremony'
                  and m.number = (select max(number) from schedule_modules where stream_id = s.id)) as ceremony_at
        from streams s join intakes i on i.id = s.intake_id join programmes pr on pr.id = i.programme_id join organisations o on o.id = pr.organisation_id
        where s.id = ${streamId}`);
      const r = result.rows[0];
      if (!r) return null;
      return {
        streamId: r.stream_id as string,
        organisationId: r.organisation_id as string,
        programmeId: r.programme_id as string,
        intakeId: r.intake_id as string,
        programmeSlug: r.slug as string,
        programmeNameRu: r.programme_name_ru as string,
        programmeNameEn: r.programme_name_en as string,
        programmeDescriptionRu: r.description_ru as string,
        organisationNameRu: r.org_ru as string,
        organisationNameEn: r.org_en as string,
        intakeNameRu: r.intake_ru as string,
        intakeNameEn: r.intake_en as string,
        streamNumber: r.number as number,
        streamNameRu: r.name_ru as string,
        streamNameEn: r.name_en as string,
        startsOn: r.starts_on as string,
        endsOn: r.ends_on as string,
        thresholdPct: r.threshold as number,
        totalHours: r.hours as number,
        topics: r.topics as string[],
        ceremonyAt: r.ceremony_at ? new Date(r.ceremony_at as string) : null,
      };
    },

    /** Attendance of every non-withdrawn participant: sessions ended before `at`, attended, excused. */
    async participantCompletion(streamId: string, at: Date, personIds?: string[]): Promise<ParticipantCompletion[]> {
      const only = personIds ? sql`and p.id = any(${personIds}::uuid[])` : sql``;
      const result = await db.execute<Record<string, unknown>>(sql`
        with past as (
          select s.id from schedule_sessions s join schedule_modules m on m.id = s.module_id
          where m.stream_id = ${streamId} and s.ends_at <= ${at.toISOString()})
        select p.id as person_id, e.id as enrolment_id, p.last_name, p.first_name, p.middle_name, p.email, p.region_code,
               (select count(*) from past)::int as past,
               count(a.id) filter (where a.status in ('present', 'late'))::int as attended,
               count(a.id) filter (where a.status = 'excused')::int as excused
        from enrolments e join people p on p.id = e.person_id
        left join attendance_marks a on a.person_id = p.id and a.session_id in (select id from past)
        where e.stream_id = ${streamId} and e.status <> 'withdrawn' and p.erased_at is null ${only}
        group by p.id, e.id order by p.last_name, p.first_name`);
      return result.rows.map((r) => ({
        personId: r.person_id as string,
        enrolmentId: r.enrolment_id as string,
        lastName: r.last_name as string,
        firstName: r.first_name as string,
        middleName: (r.middle_name as string | null) ?? null,
        email: (r.email as string | null) ?? null,
        regionCode: (r.region_code as string | null) ?? null,
        past: r.past as number,
        attended: r.attended as number,
        excused: r.excused as number,
      }));
    },
    async overridesOfStream(streamId: string) {
      return db.select().from(diplomaEligibilityOverrides).where(eq(diplomaEligibilityOverrides.streamId, streamId));
    },
    async upsertOverride(values: typeof diplomaEligibilityOverrides.$inferInsert): Promise<void> {
      await db
        .insert(diplomaEligibilityOverrides)
        .values(values)
        .onConflictDoUpdate({ target: [diplomaEligibilityOverrides.streamId, diplomaEligibilityOverrides.personId], set: { isEligible: values.isEligible, reason: values.reason, decidedBy: values.decidedBy, decidedAt: values.decidedAt } });
    },
    async deleteOverride(streamId: string, personId: string): Promise<void> {
      await db.delete(diplomaEligibilityOverrides).where(and(eq(diplomaEligibilityOverrides.streamId, streamId), eq(diplomaEligibilityOverrides.personId, personId)));
    },
    async isEnrolled(streamId: string, personId: string): Promise<boolean> {
      const result = await db.execute(sql`select 1 from enrolments where stream_id = ${streamId} and person_id = ${personId} and status <> 'withdrawn'`);
      return result.rows.length > 0;
    },
    /** The latest run that started (a run still waiting for its scheduled time, or cancelled before it, does not count). */
    async latestIssueRun(streamId: string): Promise<string | null> {
      const result = await db.execute<{ id: string }>(sql`select id from job_runs where kind = 'diplomas-issue' and input->>'streamId' = ${streamId} and not (input ? 'startAfter' and (status = 'queued' or error = 'cancelled')) order by created_at desc limit 1`);
      return result.rows[0]?.id ?? null;
    },
  };
}

export type DiplomasRepo = ReturnType<typeof createDiplomasRepo>;
