import { and, asc, eq, sql } from 'drizzle-orm';
import { enrolments, intakes, municipalities, people, programmes, regions, streams } from '../../db/schema/index.ts';
import type { Executor } from '../programmes/programmes.repo.ts';

export type PersonValues = Partial<typeof people.$inferInsert>;

export function createPeopleRepo(db: Executor) {
  return {
    /** A person with their region and municipality names. */
    async findPerson(id: string) {
      const [row] = await db
        .select({
          person: people,
          regionNameRu: regions.nameRu,
          regionNameEn: regions.nameEn,
          federalDistrict: regions.federalDistrict,
          municipalityName: municipalities.name,
        })
        .from(people)
        .leftJoin(regions, eq(regions.code, people.regionCode))
        .leftJoin(municipalities, eq(municipalities.id, people.municipalityId))
        .where(eq(people.id, id));
      return row ?? null;
    },

    /** Every enrolment of a person with the stream's path and names (for access checks and display). */
    async findEnrolments(personId: string) {
      return db
        .select({
          streamId: streams.id,
          intakeId: streams.intakeId,
          programmeId: intakes.programmeId,
          organisationId: programmes.organisationId,
          streamNameRu: streams.nameRu,
          streamNameEn: streams.nameEn,
          programmeNameRu: programmes.nameRu,
          programmeNameEn: programmes.nameEn,
          status: enrolments.status,
          enrolledAt: enrolments.enrolledAt,
        })
        .from(enrolments)
        .innerJoin(streams, eq(streams.id, enrolments.streamId))
        .innerJoin(intakes, eq(intakes.id, streams.intakeId))
        .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
        .where(eq(enrolments.personId, personId))
        .orderBy(asc(streams.startsOn), asc(streams.id));
    },

    async personExists(id: string): Promise<boolean> {
      const [row] = await db.select({ id: people.id }).from(people).where(eq(people.id, id));
      return Boolean(row);
    },
    async regionExists(code: string): Promise<boolean> {
      const [row] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
      return Boolean(row);
    },
    async findMunicipality(id: string) {
      const [row] = await db.select({ id: municipalities.id, regionCode: municipalities.regionCode }).from(municipalities).where(eq(municipalities.id, id));
      return row ?? null;
    },

    async insertPerson(values: typeof people.$inferInsert) {
      const [row] = await db.insert(people).values(values).returning({ id: people.id });
      return row!.id;
    },
    async updatePerson(id: string, values: PersonValues) {
      await db.update(people).set(values).where(eq(people.id, id));
    },

    /**
     * Enrols a person, or re-enrols one who had withdrawn; answers null when they are already
     * enrolled or graduated (nothing changes then).
     */
    async enrol(personId: string, streamId: string, at: Date) {
      const [row] = await db
        .insert(enrolments)
        .values({ personId, streamId, status: 'enrolled', enrolledAt: at })
        .onConflictDoUpdate({
          target: [enrolments.personId, enrolments.streamId],
          set: { status: 'enrolled', enrolledAt: at },
          setWhere: sql`${enrolments.status} = 'withdrawn'`,
        })
        .returning();
      return row ?? null;
    },
    async findEnrolment(personId: string, streamId: string) {
      const [row] = await db
        .select()
        .from(enrolments)
        .where(and(eq(enrolments.personId, personId), eq(enrolments.streamId, streamId)));
      return row ?? null;
    },
    async withdraw(enrolmentId: string) {
      const [row] = await db.update(enrolments).set({ status: 'withdrawn' }).where(eq(enrolments.id, enrolmentId)).returning();
      return row!;
    },
  };
}
