import type { Assignment, Grade, SubmissionVersion } from '@ms/contracts/assignments';
import type { Database } from '../../db/client.ts';
import type { grades } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/access.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { fullName } from '../people/roster.service.ts';
import { createProgrammesRepo } from '../programmes/programmes.repo.ts';
import { findTeamOfPerson } from '../teams/teams.membership.ts';
import { canManageAssignments, canReadAssignments } from './assignments.policy.ts';
import { createAssignmentsRepo, type AssignmentRow } from './assignments.repo.ts';
import { utcToZonedLocal } from './local-time.ts';

/** Scope lookups every assignments service starts with: the stream or assignment, and what the actor may do. */
export function createAssignmentsContext(db: Database) {
  const repo = createAssignmentsRepo(db);
  const programmes = createProgrammesRepo(db);

  /** The stream's path if the actor may read it ('read') or manage it ('manage'); 404 when they cannot see it. */
  async function streamFor(actor: Actor, streamId: string, mode: 'read' | 'manage') {
    const stream = await repo.findStreamPath(streamId);
    if (!stream) throw notFound();
    const canManage = canManageAssignments(actor, stream);
    if (canManage) return { stream, canManage };
    const canRead = canReadAssignments(actor, await programmes.resolveScopes(actor), stream);
    if (mode === 'read' && canRead) return { stream, canManage };
    throw canRead ? new AppError('forbidden') : notFound();
  }

  async function assignmentFor(actor: Actor, id: string, mode: 'read' | 'manage') {
    const assignment = await repo.findAssignment(id);
    if (!assignment) throw notFound();
    const { stream, canManage } = await streamFor(actor, assignment.streamId, mode);
    return { assignment, stream, canManage };
  }

  /**
   * Whose work the actor submits on this assignment: themselves, or their team. Null when they are not
   * enrolled in its stream (callers answer 404) — or, for a team assignment, not in a team yet.
   */
  async function ownerFor(actor: Actor, assignment: AssignmentRow) {
    if (!actor.personId || !(await repo.isEnrolled(actor.personId, assignment.streamId))) return null;
    if (assignment.kind === 'individual') return { ownerKey: `person:${actor.personId}`, personId: actor.personId, teamId: null, teamName: null, isInTeam: true };
    const team = await findTeamOfPerson(db, assignment.streamId, actor.personId);
    if (!team) return { ownerKey: null, personId: null, teamId: null, teamName: null, isInTeam: false };
    return { ownerKey: `team:${team.teamId}`, personId: null, teamId: team.teamId, teamName: team.teamName, isInTeam: true };
  }

  return { repo, streamFor, assignmentFor, ownerFor };
}

export type AssignmentsContext = ReturnType<typeof createAssignmentsContext>;

/** The allow-listed shape of an assignment; grader ids only for staff. */
export function toAssignment(row: AssignmentRow, graderUserIds: string[]): Assignment {
  return {
    id: row.id,
    moduleId: row.moduleId,
    moduleNumber: row.moduleNumber,
    streamId: row.streamId,
    kind: row.kind as Assignment['kind'],
    titleRu: row.titleRu,
    titleEn: row.titleEn,
    instructionsRu: row.instructionsRu,
    instructionsEn: row.instructionsEn,
    dueAt: row.dueAt.toISOString(),
    timeZone: row.timeZone,
    dueLocal: utcToZonedLocal(row.dueAt, row.timeZone),
    latePolicy: row.latePolicy as Assignment['latePolicy'],
    rubric: row.rubric,
    passMark: row.passMark,
    isRequired: row.isRequired,
    graderUserIds,
  };
}

export function toGrade(row: typeof grades.$inferSelect): Grade {
  return {
    version: row.version,
    levels: row.levels,
    score: row.score,
    isPassed: row.isPassed,
    feedback: row.feedback,
    gradedAt: row.gradedAt.toISOString(),
    releasedAt: row.releasedAt?.toISOString() ?? null,
  };
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof createAssignmentsRepo>['listVersions']>>[number];

export function toVersion(row: VersionRow): SubmissionVersion {
  return {
    version: row.version,
    text: row.text,
    submittedAt: row.submittedAt.toISOString(),
    submittedBy: row.lastName === null ? null : fullName({ lastName: row.lastName, firstName: row.firstName ?? '', middleName: row.middleName }),
    isLate: row.isLate,
    files: row.files.map((f) => ({ id: f.id, fileName: f.fileName, mediaType: f.mediaType, sizeBytes: f.sizeBytes })),
  };
}
