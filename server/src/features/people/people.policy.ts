import { coordinatorRegionsAt, isAdmin, isStaffAt, type Actor, type ScopePath } from '../../lib/access.ts';

/** What part of a roster the actor may read: every row, or only rows of some regions. */
export type RosterAccess = { regions: null } | { regions: string[] };

/**
 * Staff of the stream's subtree read the whole roster; a regional coordinator whose grant covers the
 * stream reads the rows of their regions. Nobody else reads other people's personal data.
 */
export function rosterAccess(actor: Actor, path: ScopePath): RosterAccess | null {
  if (isStaffAt(actor, path)) return { regions: null };
  const regions = coordinatorRegionsAt(actor, path);
  return regions ? { regions } : null;
}

/** Enrolments, rosters and people records are changed by the stream's staff. */
export function canManageEnrolments(actor: Actor, path: ScopePath): boolean {
  return isStaffAt(actor, path);
}

const isUnscoped = (g: { organisationId: string | null; programmeId: string | null; streamId: string | null }) =>
  !g.organisationId && !g.programmeId && !g.streamId;

/** Where a person sits: their region and the streams they were ever enrolled in. */
export interface PersonPlacement {
  personId: string;
  regionCode: string | null;
  enrolmentPaths: ScopePath[];
}

/** Admins, platform-wide staff and staff of any stream the person is (or was) enrolled in. */
export function canEditPerson(actor: Actor, person: PersonPlacement): boolean {
  if (isAdmin(actor)) return true;
  if (actor.grants.some((g) => g.role === 'staff' && isUnscoped(g))) return true;
  return person.enrolmentPaths.some((path) => isStaffAt(actor, path));
}

/**
 * Those who may edit, the person themselves, and a coordinator of the person's region — either
 * platform-wide for that region, or within a programme the person is enrolled in.
 */
export function canReadPerson(actor: Actor, person: PersonPlacement): boolean {
  if (actor.personId === person.personId) return true;
  if (canEditPerson(actor, person)) return true;
  const region = person.regionCode;
  if (!region) return false;
  if (actor.grants.some((g) => g.role === 'coordinator' && g.regionCode === region && isUnscoped(g))) return true;
  return person.enrolmentPaths.some((path) => coordinatorRegionsAt(actor, path)?.includes(region) ?? false);
}

/** Creating a person record (before enrolling them) is for staff of any scope. */
export function canCreatePerson(actor: Actor): boolean {
  return isAdmin(actor) || actor.grants.some((g) => g.role === 'staff');
}
