import { isAdmin, isStaffAt, requireAdmin, requireStaffAnywhere, type Actor, type ScopePath } from '../../lib/access.ts';
import { AppError } from '../../lib/errors.ts';

/** Publishing the consent text is a legal act of the operator: admins only. */
export function requireConsentPublisher(actor: Actor): void {
  requireAdmin(actor);
}

/** The person behind the signed-in account; an account without one has no personal record to consent for. */
export function requireOwnPerson(actor: Actor): string {
  if (!actor.personId) throw new AppError('conflict', { fields: [{ path: 'personId', key: 'privacy.no_person' }] });
  return actor.personId;
}

/** Only staff and admins erase; others get 403 before anything is looked up. */
export function requireEraser(actor: Actor): void {
  requireStaffAnywhere(actor);
}

/** Admins erase anyone; staff only people enrolled in their scope (else the person stays invisible: 404). */
export function canErase(actor: Actor, places: readonly ScopePath[]): boolean {
  return isAdmin(actor) || places.some((place) => isStaffAt(actor, place));
}

/** Erasing an admin's or a staff member's person would close their account: admins only. */
export function assertCanEraseAccounts(actor: Actor, roles: readonly string[]): void {
  if (!isAdmin(actor) && roles.some((role) => role === 'admin' || role === 'staff')) throw new AppError('forbidden');
}
