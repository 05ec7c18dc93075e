import { isAdmin, isStaffAt, type Actor, type ScopePath } from '../../lib/access.ts';

/**
 * Who may do what with practices and adoption plans:
 * - an approved practice is read by every signed-in user: the library exists so that practices travel
 *   between programmes (a regional school learns from the federal one);
 * - a proposed, rejected or merged practice is read by the staff of its curating programme and by the
 *   person who proposed it;
 * - anyone holding a grant in a programme may propose a practice there; its staff add practices
 *   directly (approved), edit, approve, reject, merge and read the edit history; the proposer may edit
 *   their proposal until it is decided;
 * - an adoption plan is read by its adopter and by the staff of the programme the adopter studied in,
 *   and changed only by its adopter (others get 404, as if it did not exist);
 * - overdue check-ins and reminder runs are for the programme's staff; flows are aggregates without
 *   personal data, read by anyone who takes part in the programme.
 */
export interface PracticeScope {
  status: string;
  programmeId: string;
  organisationId: string;
  proposedByUserId: string | null;
}

const pathOf = (p: { organisationId: string; programmeId: string }): ScopePath => ({ organisationId: p.organisationId, programmeId: p.programmeId });

export function canCuratePractice(actor: Actor, practice: { organisationId: string; programmeId: string }): boolean {
  return isStaffAt(actor, pathOf(practice));
}

export function isProposer(actor: Actor, practice: PracticeScope): boolean {
  return actor.userId !== null && practice.proposedByUserId === actor.userId;
}

export function canReadPractice(actor: Actor, practice: PracticeScope): boolean {
  return practice.status === 'approved' || canCuratePractice(actor, practice) || isProposer(actor, practice);
}

export function canEditPractice(actor: Actor, practice: PracticeScope): boolean {
  return canCuratePractice(actor, practice) || (practice.status === 'proposed' && isProposer(actor, practice));
}

/** Any grant inside the programme counts, a stream-scoped participant's included. */
export function canProposePractice(actor: Actor, programme: { organisationId: string; programmeId: string }): boolean {
  if (isAdmin(actor)) return true;
  return actor.grants.some((g) => (!g.organisationId || g.organisationId === programme.organisationId) && (!g.programmeId || g.programmeId === programme.programmeId));
}

export interface PlanScope {
  personId: string;
  programmeId: string;
  organisationId: string;
}

export function isPlanAdopter(actor: Actor, plan: PlanScope): boolean {
  return actor.personId !== null && actor.personId === plan.personId;
}

export function canReadPlan(actor: Actor, plan: PlanScope): boolean {
  return isPlanAdopter(actor, plan) || isStaffAt(actor, pathOf(plan));
}

/** Only the adopter changes a plan and records its check-ins; staff follow it read-only. */
export function canEditPlan(actor: Actor, plan: PlanScope): boolean {
  return isPlanAdopter(actor, plan);
}

export function canFollowAdoptions(actor: Actor, programme: { organisationId: string; programmeId: string }): boolean {
  return isStaffAt(actor, pathOf(programme));
}

/** Programme ids whose non-approved practices the actor curates, or 'all' for admins. */
export function curatedProgrammeIds(actor: Actor): string[] | 'all' {
  if (isAdmin(actor)) return 'all';
  const staff = actor.grants.filter((g) => g.role === 'staff');
  // A staff grant on a whole organisation (or platform-wide) curates all of its programmes: resolved by the service.
  return staff.filter((g) => g.programmeId).map((g) => g.programmeId!);
}

export function hasWideStaffGrant(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'staff' && !g.programmeId && !g.streamId);
}
