import { hasRoleAt, isAdmin, isStaffAnywhere, type Actor, type Grant, type Role, type ScopePath } from '../../lib/access.ts';
import { AppError } from '../../lib/errors.ts';

/** Roles a staff member may give or take away, inside their own scope. Admin and staff are for admins only. */
export const STAFF_GRANTABLE_ROLES: readonly Role[] = ['coordinator', 'expert', 'participant', 'alumnus'];

/** A grant with the organisation and programme above its stream or programme filled in. */
export interface PlacedGrant extends Grant {
  /** The organisation the grant sits in, also when only a stream or programme was stored. */
  effectiveOrganisationId: string | null;
  effectiveProgrammeId: string | null;
}

function pathOf(grant: PlacedGrant): ScopePath {
  return {
    // A platform-wide grant has no organisation: only a platform-wide staff grant (or admin) covers it.
    organisationId: grant.effectiveOrganisationId ?? '',
    programmeId: grant.effectiveProgrammeId ?? undefined,
    streamId: grant.streamId ?? undefined,
  };
}

/** Only admins and staff manage accounts at all. */
export function requireUserManager(actor: Actor): void {
  if (!isStaffAnywhere(actor)) throw new AppError('forbidden');
}

/** Admins see every grant; staff see the grants inside the scopes where they are staff. */
export function canSeeGrant(actor: Actor, grant: PlacedGrant): boolean {
  return isAdmin(actor) || hasRoleAt(actor, ['staff'], pathOf(grant));
}

/** The grants a PUT by this actor replaces: all for admins, visible lower roles for staff. */
export function canChangeGrant(actor: Actor, grant: PlacedGrant): boolean {
  if (isAdmin(actor)) return true;
  return STAFF_GRANTABLE_ROLES.includes(grant.role) && canSeeGrant(actor, grant);
}

/**
 * Whether the actor may see a user at all: admins always, staff when the user holds a grant in
 * their scope. Callers answer 404 when not, so other programmes' users stay invisible.
 */
export function canSeeUser(actor: Actor, grants: readonly PlacedGrant[]): boolean {
  return isAdmin(actor) || grants.some((g) => canSeeGrant(actor, g));
}

/** Staff may not act on admins or on other staff (deactivate, re-invite, change grants). */
export function assertCanManageUser(actor: Actor, grants: readonly PlacedGrant[]): void {
  if (isAdmin(actor)) return;
  if (grants.some((g) => g.role === 'admin' || g.role === 'staff')) throw new AppError('forbidden');
}

/** A staff member gives only lower roles, only inside a scope where they are staff; never platform-wide. */
export function assertCanAssign(actor: Actor, grant: PlacedGrant): void {
  if (isAdmin(actor)) return;
  if (!STAFF_GRANTABLE_ROLES.includes(grant.role)) throw new AppError('forbidden');
  if (!grant.effectiveOrganisationId || !canSeeGrant(actor, grant)) throw new AppError('forbidden');
}
