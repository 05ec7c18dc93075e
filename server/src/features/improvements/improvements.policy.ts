import type { Actor } from '../../lib/access.ts';
import type { StreamAccess } from '../teams/stream-access.ts';

/**
 * Improvements are the stream's shared output of its strategic sessions: everyone who belongs to the
 * stream (its participants, the programme's experts, staff) reads the whole board; a coordinator reads the
 * improvements in municipalities of their regions.
 * Participants record their own (for themselves, or for their own team); staff record for anyone of the
 * stream. The author and staff edit or delete an improvement.
 */
export function canReadBoard(access: StreamAccess): boolean {
  return access.isStaff || access.isEnrolled || access.isExpert || access.coordinatorRegions !== null;
}

/** A reader who is only a coordinator here sees the improvements of their regions' municipalities. */
export function boardRegions(access: StreamAccess): string[] | null {
  return access.isStaff || access.isEnrolled || access.isExpert ? null : access.coordinatorRegions;
}

export function canRecord(access: StreamAccess): boolean {
  return access.isStaff || (access.isEnrolled && access.personId !== null);
}

export function canEditImprovement(actor: Actor, access: StreamAccess, row: { personId: string | null; createdByUserId: string | null }): boolean {
  if (access.isStaff) return true;
  if (!access.isEnrolled) return false;
  return (actor.personId !== null && row.personId === actor.personId) || (actor.userId !== null && row.createdByUserId === actor.userId);
}
