import type { Actor } from '../../lib/access.ts';
import type { StreamAccess } from '../teams/stream-access.ts';

/** Who is attached to a project; the rules below decide from it. */
export interface ProjectFacts {
  memberIds: string[];
  memberRegions: (string | null)[];
  supervisorUserId: string | null;
  teamTutorUserId: string | null;
  panelUserIds: string[];
}

const isMember = (access: StreamAccess, p: ProjectFacts) => access.personId !== null && p.memberIds.includes(access.personId);
const isUser = (actor: Actor, userId: string | null) => actor.userId !== null && userId === actor.userId;

/**
 * Reading a project: the stream's staff; its members; its supervisor, its team's tutor and its panel
 * (experts see what they are assigned); a coordinator when a member comes from their regions.
 */
export function canReadProject(actor: Actor, access: StreamAccess, p: ProjectFacts): boolean {
  if (access.isStaff || isMember(access, p)) return true;
  if (isUser(actor, p.supervisorUserId) || isUser(actor, p.teamTutorUserId) || p.panelUserIds.some((id) => isUser(actor, id))) return true;
  const regions = access.coordinatorRegions;
  return regions !== null && p.memberRegions.some((r) => r !== null && regions.includes(r));
}

/** Title, summary, areas, guests, milestones and documents: staff, the supervisor and the members. */
export function canEditProject(actor: Actor, access: StreamAccess, p: ProjectFacts): boolean {
  return access.isStaff || isUser(actor, p.supervisorUserId) || isMember(access, p);
}

/** Membership, supervisor, defence session, panel and result: the stream's staff. */
export function canManageProject(access: StreamAccess): boolean {
  return access.isStaff;
}

/** Only a panel member scores, and only their own scores. */
export function canScoreProject(actor: Actor, p: ProjectFacts): boolean {
  return p.panelUserIds.some((id) => isUser(actor, id));
}

/** After graduation the project's alumni keep its implementation status up to date (staff may too). */
export function canUpdateImplementation(access: StreamAccess, p: ProjectFacts): boolean {
  return access.isStaff || (access.isAlumnus && isMember(access, p));
}
