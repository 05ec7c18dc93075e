import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { teamMembers, teams } from '../../db/schema/index.ts';

/** Anything that can run a select: the database or a transaction. */
export type MembershipExecutor = Pick<Database, 'select'>;

/** One participant's place in a team. */
export interface TeamMembership {
  teamId: string;
  teamName: string;
  personId: string;
}

/**
 * Every participant placed in a team of the stream, with the team's name. Guests (members of a
 * participant's municipal team) are never team members, so they are not listed. No authorization:
 * callers (assignments, completion) authorize first.
 */
export async function findTeamMembership(db: MembershipExecutor, streamId: string): Promise<TeamMembership[]> {
  return db
    .select({ teamId: teams.id, teamName: teams.name, personId: teamMembers.personId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.streamId, streamId))
    .orderBy(asc(teams.name), asc(teamMembers.personId));
}

/** The team a participant belongs to in the stream, or null when they are not (yet) in one. */
export async function findTeamOfPerson(db: MembershipExecutor, streamId: string, personId: string): Promise<{ teamId: string; teamName: string } | null> {
  const [row] = await db
    .select({ teamId: teams.id, teamName: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.streamId, streamId), eq(teamMembers.personId, personId)))
    .limit(1);
  return row ?? null;
}
