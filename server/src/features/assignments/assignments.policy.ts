import { isStaffAt, type Actor, type ScopePath } from '../../lib/access.ts';
import { canViewNode, type VisibleScopes } from '../programmes/programmes.policy.ts';

/**
 * Who may do what with assignments:
 * - staff of the programme (or stream) set assignments, choose graders, release grades, read the gradebook;
 * - anyone who can see the stream reads its assignments (instructions and rubric hold no personal data);
 * - a participant enrolled in the stream submits and reads their own (or their team's) work, and its grade
 *   once released; nobody else's;
 * - an expert reads and grades only the submissions assigned to them.
 */
export function canManageAssignments(actor: Actor, path: ScopePath): boolean {
  return isStaffAt(actor, path);
}

export function canReadAssignments(actor: Actor, scopes: VisibleScopes, path: ScopePath & { intakeId: string; streamId: string }): boolean {
  return isStaffAt(actor, path) || canViewNode(scopes, path);
}

/** The submission's grader, or staff of its stream. */
export function canGradeSubmission(actor: Actor, submission: { graderUserId: string | null }, path: ScopePath): boolean {
  return isStaffAt(actor, path) || (actor.userId !== null && submission.graderUserId === actor.userId);
}

/** Owners: the person of an individual submission, or a current member of the submitting team. */
export function isSubmissionOwner(actor: Actor, submission: { personId: string | null; teamId: string | null }, teamIdOfActor: string | null): boolean {
  if (!actor.personId) return false;
  if (submission.teamId) return teamIdOfActor === submission.teamId;
  return submission.personId === actor.personId;
}
