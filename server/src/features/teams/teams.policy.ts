import type { Actor } from '../../lib/access.ts';
import type { StreamAccess } from './stream-access.ts';

/**
 * Who sees and changes teams:
 * - the stream's staff generate, commit and edit teams and see them all;
 * - a team's tutor and its members see that team; a coordinator sees teams with a member of their regions;
 * - anyone else (other participants, experts who tutor nothing) does not see the team: 404.
 */
export function canManageTeams(access: StreamAccess): boolean {
  return access.isStaff;
}

export interface TeamFacts {
  tutorUserId: string | null;
  memberIds: string[];
  memberRegions: (string | null)[];
}

export function canReadTeam(actor: Actor, access: StreamAccess, team: TeamFacts): boolean {
  if (access.isStaff) return true;
  if (actor.userId !== null && team.tutorUserId === actor.userId) return true;
  if (access.personId !== null && team.memberIds.includes(access.personId)) return true;
  const regions = access.coordinatorRegions;
  return regions !== null && team.memberRegions.some((r) => r !== null && regions.includes(r));
}
