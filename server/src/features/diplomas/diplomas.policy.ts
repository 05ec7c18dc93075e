import { isStaffAnywhere, isStaffAt, type Actor, type ScopePath } from '../../lib/access.ts';

/**
 * Who may do what with diplomas:
 * - staff of the programme (or stream) see eligibility, override it with a reason, issue, revoke,
 *   reinstate and download a stream's diplomas;
 * - the holder (the participant or alumnus linked to the person) reads and downloads their own;
 * - anyone verifies a diploma by its unguessable id or an uploaded credential, seeing only what a
 *   verifier needs (name, programme, dates, issuer, status, signature check);
 * - any staff member may issue through the VC API (the credential must be an OpenBadgeCredential;
 *   the issuer is always the academy's key; it is registered with a status entry) and revoke or
 *   reinstate what was issued so; admins rotate the key.
 */
export function canManageDiplomas(actor: Actor, path: ScopePath): boolean {
  return isStaffAt(actor, path);
}

export function canReadDiploma(actor: Actor, diploma: { personId: string }, path: ScopePath): boolean {
  return isStaffAt(actor, path) || (actor.personId !== null && actor.personId === diploma.personId);
}

export function canIssueThroughVcApi(actor: Actor): boolean {
  return isStaffAnywhere(actor);
}
