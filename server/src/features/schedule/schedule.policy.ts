import { coordinatorRegionsAt, isStaffAt, type Actor, type ScopePath } from '../../lib/access.ts';
import { canViewNode, type VisibleScopes } from '../programmes/programmes.policy.ts';

/**
 * Who may do what with the schedule:
 * - staff of the programme (or stream) manage venues, modules, speakers, sessions, travel and attendance;
 * - anyone who can see a stream (its participants, the programme's experts, coordinators, staff) reads its
 *   timetable, modules and itinerary: a timetable holds no personal data;
 * - a module's host coordinator (the user named on the module, or a coordinator of the programme for the
 *   host region) reads the module's logistics, which name the people travelling;
 * - a speaker with an account reads the sessions they lead; a participant reads their own timetable,
 *   travel and attendance.
 */
export interface StreamPath extends ScopePath {
  programmeId: string;
  streamId: string;
  intakeId: string;
}

export function canManageSchedule(actor: Actor, path: ScopePath): boolean {
  return isStaffAt(actor, path);
}

export function canReadStreamSchedule(actor: Actor, scopes: VisibleScopes, path: StreamPath): boolean {
  return isStaffAt(actor, path) || canViewNode(scopes, path);
}

/** The module's host: the named coordinator, or a coordinator of the programme for the host region. */
export interface HostedModule {
  hostCoordinatorUserId: string | null;
  hostRegionCode: string | null;
  coHostRegionCodes: string[];
}

export function isModuleHost(actor: Actor, module: HostedModule, path: ScopePath): boolean {
  if (actor.userId && module.hostCoordinatorUserId === actor.userId) return true;
  const hosts = [module.hostRegionCode, ...module.coHostRegionCodes].filter((code): code is string => code !== null);
  const regions = coordinatorRegionsAt(actor, path) ?? [];
  return hosts.some((code) => regions.includes(code));
}

export function canReadModuleLogistics(actor: Actor, module: HostedModule, path: ScopePath): boolean {
  return isStaffAt(actor, path) || isModuleHost(actor, module, path);
}

/** A speaker's own sessions: the speaker's account, and the programme's staff. */
export function canReadSpeakerSchedule(actor: Actor, speaker: { userId: string | null }, path: ScopePath): boolean {
  return isStaffAt(actor, path) || (actor.userId !== null && speaker.userId === actor.userId);
}
