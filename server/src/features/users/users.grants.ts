import type { GrantInput } from '@ms/contracts/users';
import { isAdmin, type Actor } from '../../lib/access.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { assertCanAssign, type PlacedGrant } from './users.policy.ts';
import type { UsersRepo } from './users.repo.ts';

const unique = (values: Array<string | null | undefined>): string[] => [...new Set(values.filter((v): v is string => !!v))];

/**
 * Turns requested grants into placed grants: the programme and organisation above a stream or
 * programme are looked up and stored too, so every grant is scoped the same way. Checks that the
 * ids exist and agree with each other, that coordinators carry a region, and that the actor may
 * give each one. Unknown or mismatched ids are a validation problem for admins and a 403 for staff,
 * so staff learn nothing about programmes outside their scope.
 */
export async function placeGrants(repo: UsersRepo, actor: Actor, inputs: readonly GrantInput[], pathPrefix: string): Promise<PlacedGrant[]> {
  // Called inside a transaction (one connection): the look-ups run one after another.
  const streamPlaces = await repo.findStreamPlaces(unique(inputs.map((g) => g.streamId)));
  const programmePlaces = await repo.findProgrammePlaces(unique(inputs.map((g) => g.programmeId)));
  const organisationIds = await repo.findOrganisationIds(unique(inputs.map((g) => g.organisationId)));
  const regionCodes = await repo.findRegionCodes(unique(inputs.map((g) => g.regionCode)));
  const problems: FieldProblem[] = [];
  const placed: PlacedGrant[] = [];
  const seen = new Set<string>();

  inputs.forEach((input, index) => {
    const at = (field: string) => `${pathPrefix}.${index}.${field}`;
    let organisationId = input.organisationId ?? null;
    let programmeId = input.programmeId ?? null;
    const streamId = input.streamId ?? null;
    const problemCountBefore = problems.length;

    if (streamId) {
      const place = streamPlaces.find((p) => p.streamId === streamId);
      if (!place) problems.push({ path: at('streamId'), key: 'field.unknown_scope' });
      else if (programmeId && programmeId !== place.programmeId) problems.push({ path: at('streamId'), key: 'field.scope_mismatch' });
      else programmeId = place.programmeId;
    }
    if (programmeId && problems.length === problemCountBefore) {
      const place = programmePlaces.find((p) => p.programmeId === programmeId) ?? streamPlaces.find((p) => p.programmeId === programmeId);
      if (!place) problems.push({ path: at('programmeId'), key: 'field.unknown_scope' });
      else if (organisationId && organisationId !== place.organisationId) problems.push({ path: at('programmeId'), key: 'field.scope_mismatch' });
      else organisationId = place.organisationId;
    } else if (organisationId && !organisationIds.includes(organisationId)) {
      problems.push({ path: at('organisationId'), key: 'field.unknown_scope' });
    }
    if (input.regionCode && !regionCodes.includes(input.regionCode)) problems.push({ path: at('regionCode'), key: 'field.unknown_region' });
    if (input.role === 'coordinator' && !input.regionCode) problems.push({ path: at('regionCode'), key: 'field.required' });
    if (problems.length > problemCountBefore) return;

    const grant: PlacedGrant = {
      role: input.role,
      organisationId,
      programmeId,
      streamId,
      regionCode: input.regionCode ?? null,
      effectiveOrganisationId: organisationId,
      effectiveProgrammeId: programmeId,
    };
    const key = [grant.role, organisationId, programmeId, streamId, grant.regionCode].join('|');
    if (seen.has(key)) return;
    seen.add(key);
    placed.push(grant);
  });

  if (problems.length > 0) {
    const isAboutScope = problems.some((p) => p.key === 'field.unknown_scope' || p.key === 'field.scope_mismatch');
    if (isAboutScope && !isAdmin(actor)) throw new AppError('forbidden');
    throw new AppError('validation', { fields: problems });
  }
  for (const grant of placed) assertCanAssign(actor, grant);
  return placed;
}
