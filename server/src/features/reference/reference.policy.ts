import { isStaffAnywhere, type Actor } from '../../lib/access.ts';

/** Municipalities are shared reference data: staff of any scope (and admins) may add one. */
export function canAddMunicipality(actor: Actor): boolean {
  return isStaffAnywhere(actor);
}
