import type { Actor } from '../../lib/access.ts';
import { AppError } from '../../lib/errors.ts';
import { canManageCampaign, nominationRegions, type CampaignPath } from './admissions.policy.ts';

/** How much of an application file the reader sees: staff everything, a coordinator all but the assessors' names. */
export type ApplicationFileView = 'staff' | 'coordinator';

/**
 * Who may open one application: staff of the campaign's programme (every application), a coordinator
 * of the applicant's region (submitted applications of their regions only: a draft is still the
 * applicant's own). Everyone else, experts included (blind scoring), gets 404 as for an unknown id.
 */
export function requireApplicationReader(actor: Actor, path: CampaignPath, application: { regionCode: string | null; submittedAt: Date | null }): ApplicationFileView {
  if (canManageCampaign(actor, path)) return 'staff';
  const regions = nominationRegions(actor, path);
  if (regions && application.regionCode && application.submittedAt && regions.includes(application.regionCode)) return 'coordinator';
  throw new AppError('not_found');
}
