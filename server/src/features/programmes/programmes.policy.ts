import { isAdmin, isStaffAt, type Actor, type Role, type ScopePath } from '../../lib/access.ts';

/**
 * A grant (or an enrolment) with its ancestors filled in from the database, so that a grant on a
 * stream also makes its intake, programme and organisation visible. Null columns mean "any".
 */
export interface ResolvedScope {
  role: Role | 'enrolled';
  organisationId: string | null;
  programmeId: string | null;
  intakeId: string | null;
  streamId: string | null;
}

/** 'all' for admins and platform-wide grants; otherwise the scopes the actor can read. */
export type VisibleScopes = 'all' | ResolvedScope[];

/** Where an organisation, programme, intake or stream sits; deeper levels set more columns. */
export interface NodePath {
  organisationId: string;
  programmeId?: string;
  intakeId?: string;
  streamId?: string;
}

/** Platform-wide grants (no organisation, programme or stream) see every programme. */
export function isPlatformWide(actor: Actor): boolean {
  return isAdmin(actor) || actor.grants.some((g) => !g.organisationId && !g.programmeId && !g.streamId);
}

function scopeMatches(scope: ResolvedScope, node: NodePath): boolean {
  if (scope.organisationId && scope.organisationId !== node.organisationId) return false;
  if (node.programmeId !== undefined && scope.programmeId && scope.programmeId !== node.programmeId) return false;
  if (node.intakeId !== undefined && scope.intakeId && scope.intakeId !== node.intakeId) return false;
  if (node.streamId !== undefined && scope.streamId && scope.streamId !== node.streamId) return false;
  return true;
}

/** Anyone holding a grant in (or enrolled under) this node may read it. */
export function canViewNode(scopes: VisibleScopes, node: NodePath): boolean {
  return scopes === 'all' || scopes.some((scope) => scopeMatches(scope, node));
}

/** Staff of the node's subtree manage it; an intake is managed at the programme level. */
export function canManageNode(actor: Actor, node: NodePath): boolean {
  const path: ScopePath = { organisationId: node.organisationId, programmeId: node.programmeId, streamId: node.streamId };
  return isStaffAt(actor, path);
}

/** Organisations are created by admins and platform-wide staff only. */
export function canCreateOrganisation(actor: Actor): boolean {
  return isAdmin(actor) || actor.grants.some((g) => g.role === 'staff' && !g.organisationId && !g.programmeId && !g.streamId);
}
