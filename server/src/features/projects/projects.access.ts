import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { resolveStreamAccess, type StreamAccess } from '../teams/stream-access.ts';
import { canEditProject, canManageProject, canReadProject, type ProjectFacts } from './projects.policy.ts';
import { createProjectsRepo } from './projects.repo.ts';

export type ProjectNeed = 'read' | 'edit' | 'manage';

/**
 * Loads a project with the facts its rules need and checks the actor may do `need`. A project the
 * actor may not read answers 404; one they read but may not change answers 403.
 */
export async function loadProjectFor(db: Database, actor: Actor, id: string, need: ProjectNeed) {
  const repo = createProjectsRepo(db);
  const row = await repo.findProject(id);
  if (!row) throw notFound();
  const access: StreamAccess = await resolveStreamAccess(db, actor, row.project.streamId);
  const [members, panel] = await Promise.all([repo.listMembers([id]), repo.listPanel([id])]);
  const facts: ProjectFacts = {
    memberIds: members.map((m) => m.personId),
    memberRegions: members.map((m) => m.regionCode),
    supervisorUserId: row.project.supervisorUserId,
    teamTutorUserId: row.tutorUserId,
    panelUserIds: panel.map((p) => p.userId),
  };
  if (!canReadProject(actor, access, facts)) throw notFound();
  if (need === 'edit' && !canEditProject(actor, access, facts)) throw forbidden();
  if (need === 'manage' && !canManageProject(access)) throw forbidden();
  return { row, access, facts, members, panel };
}
