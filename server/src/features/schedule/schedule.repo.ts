import { and, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm';
import { intakes, programmes, scheduleModules, scheduleSessions, sessionSpeakers, speakers, streams, venues } from '../../db/schema/index.ts';
import type { Database } from '../../db/client.ts';

/** The database or a transaction. */
export type Executor = Pick<Database, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | 'execute'>;

/** Venues, modules, speakers and sessions: lookups with their place in the programme tree, and writes. */
export function createScheduleRepo(db: Executor) {
  const streamPathColumns = {
    streamId: streams.id,
    streamNumber: streams.number,
    intakeId: streams.intakeId,
    programmeId: intakes.programmeId,
    organisationId: programmes.organisationId,
  };

  return {
    async findProgramme(id: string) {
      const [row] = await db.select({ programmeId: programmes.id, organisationId: programmes.organisationId, thresholdPct: programmes.completionThresholdPct }).from(programmes).where(eq(programmes.id, id));
      return row ?? null;
    },

    async findStreamPath(streamId: string) {
      const [row] = await db
        .select({ ...streamPathColumns, thresholdPct: programmes.completionThresholdPct })
        .from(streams)
        .innerJoin(intakes, eq(intakes.id, streams.intakeId))
        .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
        .where(eq(streams.id, streamId));
      return row ?? null;
    },

    async listVenues(programmeId: string) {
      return db.select().from(venues).where(eq(venues.programmeId, programmeId)).orderBy(venues.nameRu);
    },
    async findVenue(id: string) {
      const [row] = await db.select({ ...getTableColumns(venues), organisationId: programmes.organisationId }).from(venues).innerJoin(programmes, eq(programmes.id, venues.programmeId)).where(eq(venues.id, id));
      return row ?? null;
    },
    async insertVenue(values: typeof venues.$inferInsert) {
      const [row] = await db.insert(venues).values(values).returning();
      return row!;
    },
    async updateVenue(id: string, values: Partial<typeof venues.$inferInsert>) {
      await db.update(venues).set(values).where(eq(venues.id, id));
    },

    /** A module with its venue and the stream's path. */
    async findModule(id: string) {
      const [row] = await db
        .select({ module: scheduleModules, venue: venues, ...streamPathColumns })
        .from(scheduleModules)
        .innerJoin(venues, eq(venues.id, scheduleModules.venueId))
        .innerJoin(streams, eq(streams.id, scheduleModules.streamId))
        .innerJoin(intakes, eq(intakes.id, streams.intakeId))
        .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
        .where(eq(scheduleModules.id, id));
      return row ?? null;
    },
    async listModules(streamId: string) {
      return db
        .select({ module: scheduleModules, venue: venues })
        .from(scheduleModules)
        .innerJoin(venues, eq(venues.id, scheduleModules.venueId))
        .where(eq(scheduleModules.streamId, streamId))
        .orderBy(scheduleModules.number);
    },
    async insertModule(values: typeof scheduleModules.$inferInsert) {
      const [row] = await db.insert(scheduleModules).values(values).returning();
      return row!;
    },
    async updateModule(id: string, values: Partial<typeof scheduleModules.$inferInsert>) {
      await db.update(scheduleModules).set(values).where(eq(scheduleModules.id, id));
    },
    /** Sessions of the module whose venue-local dates would fall outside new module dates (checked by the caller). */
    async listModuleSessionTimes(moduleId: string) {
      return db.select({ id: scheduleSessions.id, startsAt: scheduleSessions.startsAt, endsAt: scheduleSessions.endsAt }).from(scheduleSessions).where(eq(scheduleSessions.moduleId, moduleId));
    },

    async listSpeakers(programmeId: string) {
      return db
        .select({ ...getTableColumns(speakers), sessionCount: sql<number>`(select count(*) from ${sessionSpeakers} where ${sessionSpeakers.speakerId} = ${speakers.id})`.mapWith(Number) })
        .from(speakers)
        .where(eq(speakers.programmeId, programmeId))
        .orderBy(speakers.nameRu);
    },
    async findSpeaker(id: string) {
      const [row] = await db
        .select({
          ...getTableColumns(speakers),
          organisationId: programmes.organisationId,
          sessionCount: sql<number>`(select count(*) from ${sessionSpeakers} where ${sessionSpeakers.speakerId} = ${speakers.id})`.mapWith(Number),
        })
        .from(speakers)
        .innerJoin(programmes, eq(programmes.id, speakers.programmeId))
        .where(eq(speakers.id, id));
      return row ?? null;
    },
    async countSpeakersInProgramme(ids: string[], programmeId: string): Promise<number> {
      if (ids.length === 0) return 0;
      const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(speakers).where(and(inArray(speakers.id, ids), eq(speakers.programmeId, programmeId)));
      return row?.n ?? 0;
    },
    async insertSpeaker(values: typeof speakers.$inferInsert) {
      const [row] = await db.insert(speakers).values(values).returning();
      return row!;
    },
    async updateSpeaker(id: string, values: Partial<typeof speakers.$inferInsert>) {
      await db.update(speakers).set(values).where(eq(speakers.id, id));
    },

    async findSessionRow(id: string) {
      const [row] = await db.select().from(scheduleSessions).where(eq(scheduleSessions.id, id));
      return row ?? null;
    },
    async insertSession(values: typeof scheduleSessions.$inferInsert, speakerIds: string[]) {
      const [row] = await db.insert(scheduleSessions).values(values).returning();
      if (speakerIds.length > 0) await db.insert(sessionSpeakers).values(speakerIds.map((speakerId) => ({ sessionId: row!.id, speakerId })));
      return row!;
    },
    async updateSession(id: string, values: Partial<typeof scheduleSessions.$inferInsert>, speakerIds: string[] | undefined) {
      if (Object.keys(values).length > 0) await db.update(scheduleSessions).set(values).where(eq(scheduleSessions.id, id));
      if (speakerIds) {
        await db.delete(sessionSpeakers).where(eq(sessionSpeakers.sessionId, id));
        if (speakerIds.length > 0) await db.insert(sessionSpeakers).values(speakerIds.map((speakerId) => ({ sessionId: id, speakerId })));
      }
    },
    async deleteVenue(id: string) {
      await db.delete(venues).where(eq(venues.id, id));
    },
    async deleteModule(id: string) {
      await db.delete(scheduleModules).where(eq(scheduleModules.id, id));
    },
    async deleteSpeaker(id: string) {
      await db.delete(speakers).where(eq(speakers.id, id));
    },
    async deleteSession(id: string) {
      await db.delete(scheduleSessions).where(eq(scheduleSessions.id, id));
    },

    /** Sessions of the same stream overlapping [startsAt, endsAt), other than `exceptId`. */
    async findStreamOverlaps(streamId: string, startsAt: Date, endsAt: Date, exceptId: string | null) {
      return db
        .select({ id: scheduleSessions.id, titleRu: scheduleSessions.titleRu, titleEn: scheduleSessions.titleEn })
        .from(scheduleSessions)
        .innerJoin(scheduleModules, eq(scheduleModules.id, scheduleSessions.moduleId))
        .where(
          and(
            eq(scheduleModules.streamId, streamId),
            sql`${scheduleSessions.startsAt} < ${endsAt.toISOString()} and ${scheduleSessions.endsAt} > ${startsAt.toISOString()}`,
            exceptId ? ne(scheduleSessions.id, exceptId) : undefined,
          ),
        )
        .limit(3);
    },
    /** Speakers among `speakerIds` already leading another session overlapping [startsAt, endsAt). */
    async findSpeakerOverlaps(speakerIds: string[], startsAt: Date, endsAt: Date, exceptId: string | null) {
      if (speakerIds.length === 0) return [];
      return db
        .selectDistinct({ speakerId: speakers.id, nameRu: speakers.nameRu, nameEn: speakers.nameEn })
        .from(sessionSpeakers)
        .innerJoin(scheduleSessions, eq(scheduleSessions.id, sessionSpeakers.sessionId))
        .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
        .where(
          and(
            inArray(sessionSpeakers.speakerId, speakerIds),
            sql`${scheduleSessions.startsAt} < ${endsAt.toISOString()} and ${scheduleSessions.endsAt} > ${startsAt.toISOString()}`,
            exceptId ? ne(scheduleSessions.id, exceptId) : undefined,
          ),
        );
    },
  };
}

export type ScheduleRepo = ReturnType<typeof createScheduleRepo>;
