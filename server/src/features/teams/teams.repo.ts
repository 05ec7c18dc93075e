import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { enrolments, municipalities, people, regions, roleGrants, teamMembers, teams, users } from '../../db/schema/index.ts';

export type Executor = Pick<Database, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete'>;

const fullName = sql<string>`concat_ws(' ', ${people.lastName}, ${people.firstName}, ${people.middleName})`;

/** Teams, their members and the stream's roster as the generator needs it. */
export function createTeamsRepo(db: Executor) {
  const personColumns = (startsOn: string) => ({
    personId: people.id,
    fullName,
    regionCode: people.regionCode,
    regionNameRu: regions.nameRu,
    regionNameEn: regions.nameEn,
    federalDistrict: regions.federalDistrict,
    municipalityName: municipalities.name,
    municipalityKind: municipalities.kind,
    age: sql<number | null>`date_part('year', age(${startsOn}::date, ${people.birthDate}))::int`,
  });

  return {
    /** Enrolled (not withdrawn) participants of the stream with what diversity is measured on. */
    async listCandidates(streamId: string, startsOn: string) {
      return db
        .select(personColumns(startsOn))
        .from(enrolments)
        .innerJoin(people, eq(people.id, enrolments.personId))
        .leftJoin(regions, eq(regions.code, people.regionCode))
        .leftJoin(municipalities, eq(municipalities.id, people.municipalityId))
        .where(and(eq(enrolments.streamId, streamId), ne(enrolments.status, 'withdrawn')))
        .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id));
    },
    async listTeams(streamId: string) {
      return db
        .select({ id: teams.id, streamId: teams.streamId, name: teams.name, tutorUserId: teams.tutorUserId, tutorName: users.displayName })
        .from(teams)
        .leftJoin(users, eq(users.id, teams.tutorUserId))
        .where(eq(teams.streamId, streamId))
        .orderBy(sql`length(${teams.name})`, asc(teams.name));
    },
    async listMemberships(streamId: string) {
      return db.select({ teamId: teamMembers.teamId, personId: teamMembers.personId }).from(teamMembers).where(eq(teamMembers.streamId, streamId));
    },
    async findTeam(id: string) {
      const [row] = await db.select().from(teams).where(eq(teams.id, id));
      return row ?? null;
    },
    async isTeamName(streamId: string, name: string, exceptId: string) {
      const [row] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.streamId, streamId), eq(teams.name, name), ne(teams.id, exceptId)));
      return Boolean(row);
    },
    /** Replaces every team of the stream (set-based: one delete, one insert per table). */
    async replaceTeams(streamId: string, seed: number | null, list: { name: string; personIds: string[] }[]) {
      await db.delete(teamMembers).where(eq(teamMembers.streamId, streamId));
      await db.delete(teams).where(eq(teams.streamId, streamId));
      const inserted = await db
        .insert(teams)
        .values(list.map((t) => ({ streamId, name: t.name, generationSeed: seed })))
        .returning({ id: teams.id, name: teams.name });
      const idByName = new Map(inserted.map((t) => [t.name, t.id]));
      const members = list.flatMap((t) => t.personIds.map((personId) => ({ teamId: idByName.get(t.name)!, personId, streamId })));
      if (members.length > 0) await db.insert(teamMembers).values(members);
      return inserted;
    },
    async updateTeam(id: string, values: { name?: string; tutorUserId?: string | null }) {
      await db.update(teams).set({ ...values, updatedAt: new Date() }).where(eq(teams.id, id));
    },
    /** Moves a participant into the team (out of any other team of the stream). */
    async moveMember(teamId: string, streamId: string, personId: string) {
      await db.delete(teamMembers).where(and(eq(teamMembers.streamId, streamId), eq(teamMembers.personId, personId)));
      await db.insert(teamMembers).values({ teamId, streamId, personId });
    },
    /** Users whose expert or staff grant covers the stream (who may tutor a team or supervise a project). */
    async listTutorOptions(path: { organisationId: string; programmeId: string; streamId: string }) {
      return db
        .selectDistinct({ userId: users.id, displayName: users.displayName, role: roleGrants.role })
        .from(roleGrants)
        .innerJoin(users, eq(users.id, roleGrants.userId))
        .where(
          and(
            inArray(roleGrants.role, ['expert', 'staff']),
            eq(users.isActive, true),
            or(isNull(roleGrants.organisationId), eq(roleGrants.organisationId, path.organisationId)),
            or(isNull(roleGrants.programmeId), eq(roleGrants.programmeId, path.programmeId)),
            or(isNull(roleGrants.streamId), eq(roleGrants.streamId, path.streamId)),
          ),
        )
        .orderBy(asc(users.displayName));
    },
    /** The person's teams with their streams (for "My team"). */
    async listTeamsOfPerson(personId: string) {
      return db
        .select({ teamId: teams.id, teamName: teams.name, streamId: teams.streamId })
        .from(teamMembers)
        .innerJoin(teams, eq(teams.id, teamMembers.teamId))
        .where(eq(teamMembers.personId, personId));
    },
  };
}

export type TeamsRepo = ReturnType<typeof createTeamsRepo>;
export type CandidateRow = Awaited<ReturnType<TeamsRepo['listCandidates']>>[number];
