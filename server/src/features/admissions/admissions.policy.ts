import { coordinatorRegionsAt, isStaffAt, type Actor, type ScopePath } from '../../lib/access.ts';
import { AppError } from '../../lib/errors.ts';

/** Where a campaign sits: its programme and organisation. */
export interface CampaignPath {
  organisationId: string;
  programmeId: string;
}

const scope = (path: CampaignPath): ScopePath => ({ organisationId: path.organisationId, programmeId: path.programmeId });

/** Staff of the campaign's programme set it up, read its applications and rank them. */
export function canManageCampaign(actor: Actor, path: CampaignPath): boolean {
  return isStaffAt(actor, scope(path));
}

/**
 * A campaign that the actor may not manage answers 404, like an unknown one, so that nobody learns
 * which campaigns other programmes run.
 */
export function requireCampaignManager(actor: Actor, path: CampaignPath): void {
  if (!canManageCampaign(actor, path)) throw new AppError('not_found');
}

/** The regions whose applicants the actor may nominate in this campaign; null: none. */
export function nominationRegions(actor: Actor, path: CampaignPath): string[] | null {
  return coordinatorRegionsAt(actor, scope(path));
}

/** An application is its applicant's own: by account, or by the person linked to the account. */
export function isOwnApplication(actor: Actor, application: { userId: string | null; personId: string }): boolean {
  return (actor.userId !== null && application.userId === actor.userId) || (actor.personId !== null && application.personId === actor.personId);
}
