import { isStaffAnywhere, isStaffAt, type Actor, type ScopePath } from '../../lib/access.ts';
import { forbidden, notFound } from '../../lib/errors.ts';

/** Imports are staff work: someone who is not staff (or admin) anywhere gets 403. */
export function assertCanUseImports(actor: Actor): void {
  if (!isStaffAnywhere(actor)) throw forbidden();
}

/**
 * Importing people into a stream is for staff of that stream's organisation/programme/stream.
 * Staff asking for an unknown or foreign stream get 404, so that its existence is not revealed.
 */
export function assertCanImportIntoStream(actor: Actor, scope: ScopePath | undefined): asserts scope is ScopePath {
  assertCanUseImports(actor);
  if (!scope || !isStaffAt(actor, scope)) throw notFound();
}

/** Municipalities are platform reference data: any staff member or admin may import them. */
export function assertCanImportMunicipalities(actor: Actor): void {
  assertCanUseImports(actor);
}

/**
 * Importing applications is for staff of the campaign's programme (or organisation); staff asking
 * for an unknown or foreign campaign get 404.
 */
export function assertCanImportIntoCampaign(actor: Actor, scope: ScopePath | undefined): asserts scope is ScopePath {
  assertCanUseImports(actor);
  if (!scope || !isStaffAt(actor, { organisationId: scope.organisationId, programmeId: scope.programmeId })) throw notFound();
}
