import { AppError } from './errors.ts';

export const ROLES = ['admin', 'staff', 'coordinator', 'expert', 'participant', 'alumnus'] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  role: Role;
  organisationId: string | null;
  programmeId: string | null;
  streamId: string | null;
  regionCode: string | null;
}

/** Who is acting: a signed-in user with their grants, or the CLI/jobs acting as the system. */
export interface Actor {
  userId: string | null;
  email: string;
  personId: string | null;
  grants: Grant[];
  isSystem?: boolean;
}

export const SYSTEM_ACTOR: Actor = { userId: null, email: 'system', personId: null, grants: [], isSystem: true };

/** Where a piece of programme data sits; scope checks compare grants against it. */
export interface ScopePath {
  organisationId: string;
  programmeId?: string;
  streamId?: string;
}

export function isAdmin(actor: Actor): boolean {
  return actor.isSystem === true || actor.grants.some((g) => g.role === 'admin');
}

/** A grant covers a path when each of its set scope columns matches the path (unset = wider). */
function grantCovers(grant: Grant, path: ScopePath): boolean {
  if (grant.organisationId && grant.organisationId !== path.organisationId) return false;
  if (grant.programmeId && grant.programmeId !== path.programmeId) return false;
  if (grant.streamId && grant.streamId !== path.streamId) return false;
  return true;
}

export function hasRoleAt(actor: Actor, roles: readonly Role[], path: ScopePath): boolean {
  if (isAdmin(actor)) return true;
  return actor.grants.some((g) => roles.includes(g.role) && grantCovers(g, path));
}

/** Staff (or admin) managing this organisation/programme/stream. */
export function isStaffAt(actor: Actor, path: ScopePath): boolean {
  return hasRoleAt(actor, ['staff'], path);
}

export function isStaffAnywhere(actor: Actor): boolean {
  return isAdmin(actor) || actor.grants.some((g) => g.role === 'staff');
}

/** Regions a coordinator may see within this path; null means "no coordinator access here". */
export function coordinatorRegionsAt(actor: Actor, path: ScopePath): string[] | null {
  const regions = actor.grants
    .filter((g) => g.role === 'coordinator' && g.regionCode && grantCovers(g, path))
    .map((g) => g.regionCode as string);
  return regions.length > 0 ? regions : null;
}

/** Any grant at all under the path (to list programmes a user takes part in). */
export function hasAnyGrantAt(actor: Actor, path: ScopePath): boolean {
  if (isAdmin(actor)) return true;
  return actor.grants.some((g) => grantCovers(g, path));
}

export function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new AppError('forbidden');
}

export function requireStaffAnywhere(actor: Actor): void {
  if (!isStaffAnywhere(actor)) throw new AppError('forbidden');
}
