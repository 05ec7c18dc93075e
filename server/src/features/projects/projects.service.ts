import type { AreaCode } from '@ms/contracts/areas';
import {
  DEFENCE_CRITERIA,
  type CreateProjectBody,
  type DefenceResultValue,
  type ImplementationStatus,
  type MyProjects,
  type Project,
  type ProjectListItem,
  type ProjectListQuery,
  type UpdateProjectBody,
} from '@ms/contracts/projects';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import { AppError, forbidden, type FieldProblem } from '../../lib/errors.ts';
import { resolveStreamAccess } from '../teams/stream-access.ts';
import { createTeamsRepo } from '../teams/teams.repo.ts';
import { loadProjectFor } from './projects.access.ts';
import { canEditProject, canManageProject, canReadProject, canScoreProject, canUpdateImplementation } from './projects.policy.ts';
import { createProjectsRepo } from './projects.repo.ts';

type Locale = 'ru' | 'en';
const invalid = (fields: FieldProblem[]) => new AppError('validation', { fields });
const asResult = (v: string) => (v === 'passed' || v === 'failed' ? v : 'pending') as DefenceResultValue;

/** Final projects: the stream's list, a project's page, creating and editing, membership. */
export function createProjectsService(deps: { db: Database; auditBuffer?: AuditBuffer }) {
  const db = deps.db;
  const repo = createProjectsRepo(db);

  /** People must be enrolled in the stream and on no other project of it. */
  async function checkPeople(streamId: string, personIds: string[], projectId: string | null, path: string): Promise<FieldProblem[]> {
    const [enrolled, taken] = await Promise.all([repo.enrolledAmong(streamId, personIds), repo.takenAmong(streamId, personIds, projectId)]);
    const problems: FieldProblem[] = [];
    personIds.forEach((id, i) => {
      if (!enrolled.has(id)) problems.push({ path: `${path}.${i}`, key: 'projects.person_not_enrolled' });
      else if (taken.has(id)) problems.push({ path: `${path}.${i}`, key: 'projects.person_taken' });
    });
    return problems;
  }

  async function checkSupervisor(path: { organisationId: string; programmeId: string; streamId: string }, userId: string | null | undefined): Promise<FieldProblem[]> {
    if (!userId) return [];
    const options = await createTeamsRepo(db).listTutorOptions(path);
    return options.some((o) => o.userId === userId) ? [] : [{ path: 'body.supervisorUserId', key: 'projects.not_supervisor' }];
  }

  async function checkDefenceSession(streamId: string, sessionId: string | null | undefined): Promise<FieldProblem[]> {
    if (!sessionId) return [];
    const session = await repo.findSession(sessionId);
    return session && session.streamId === streamId && session.kind === 'project_defence' ? [] : [{ path: 'body.defenceSessionId', key: 'projects.unknown_session' }];
  }

  return {
    async listProjects(actor: Actor, streamId: string, query: ProjectListQuery) {
      const access = await resolveStreamAccess(db, actor, streamId);
      const rows = await repo.listStreamProjects(streamId);
      const ids = rows.map((r) => r.project.id);
      const [members, panel, guests, implementation] = await Promise.all([repo.listMembers(ids), repo.listPanel(ids), repo.countGuests(ids), repo.latestImplementation(ids)]);
      const q = query.q?.toLocaleLowerCase('ru');
      const visible: ProjectListItem[] = [];
      for (const { project, teamName, tutorUserId } of rows) {
        const mine = members.filter((m) => m.projectId === project.id);
        const facts = { memberIds: mine.map((m) => m.personId), memberRegions: mine.map((m) => m.regionCode), supervisorUserId: project.supervisorUserId, teamTutorUserId: tutorUserId, panelUserIds: panel.filter((p) => p.projectId === project.id).map((p) => p.userId) };
        if (!canReadProject(actor, access, facts)) continue;
        if (query.result && project.defenceResult !== query.result) continue;
        if (query.area && !project.areas.includes(query.area)) continue;
        if (q && !project.title.toLocaleLowerCase('ru').includes(q)) continue;
        visible.push({
          id: project.id,
          streamId,
          title: project.title,
          areas: project.areas as AreaCode[],
          teamId: project.teamId,
          teamName,
          memberCount: mine.length,
          guestCount: guests.find((g) => g.projectId === project.id)?.n ?? 0,
          defenceResult: asResult(project.defenceResult),
          implementationStatus: (implementation.find((i) => i.projectId === project.id)?.status ?? null) as ImplementationStatus | null,
        });
      }
      const start = (query.page - 1) * query.pageSize;
      return { items: visible.slice(start, start + query.pageSize), total: visible.length, page: query.page, pageSize: query.pageSize };
    },

    async getProject(actor: Actor, id: string, locale: Locale): Promise<Project> {
      const { row, access, facts, members, panel } = await loadProjectFor(db, actor, id, 'read');
      const { project } = row;
      const [guests, milestones, documents, scores, implementation, session] = await Promise.all([
        repo.listGuests(id),
        repo.listMilestones(id),
        repo.listDocuments(id),
        repo.listScores(id),
        repo.listImplementation(id),
        project.defenceSessionId ? repo.findSession(project.defenceSessionId) : Promise.resolve(null),
      ]);
      const canScore = canScoreProject(actor, facts);
      const visibleScores = access.isStaff ? scores : canScore ? scores.filter((s) => s.panelUserId === actor.userId) : [];
      const averages = DEFENCE_CRITERIA.map((criterion) => {
        const list = scores.filter((s) => s.criterion === criterion);
        return { criterion, mean: list.length === 0 ? null : Math.round((list.reduce((sum, s) => sum + s.score, 0) / list.length) * 10) / 10 };
      });
      // Guests' e-mails are personal data of people outside the programme: only those who edit see them.
      const canEdit = canEditProject(actor, access, facts);
      deps.auditBuffer?.record({ actor, action: 'project.read', entity: 'project', entityId: id, details: { guestContacts: canEdit && guests.length > 0 } });
      return {
        id,
        streamId: project.streamId,
        title: project.title,
        summary: project.summary,
        areas: project.areas as AreaCode[],
        teamId: project.teamId,
        teamName: row.teamName,
        supervisorUserId: project.supervisorUserId,
        supervisorName: row.supervisorName,
        members: members.map(({ projectId: _p, ...m }) => m),
        guests: guests.map((g) => ({ id: g.id, fullName: g.fullName, position: g.position, email: canEdit ? g.email : null, hostPersonId: g.hostPersonId })),
        milestones: milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, doneAt: m.doneAt?.toISOString() ?? null })),
        documents: documents.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
        defence: {
          sessionId: project.defenceSessionId,
          sessionTitle: session ? (locale === 'en' ? session.titleEn : session.titleRu) : null,
          sessionStartsAt: session?.startsAt.toISOString() ?? null,
          result: asResult(project.defenceResult),
          decidedAt: project.defenceDecidedAt?.toISOString() ?? null,
          panel: panel.map(({ projectId: _p, ...p }) => p),
          averages,
          scores: visibleScores.map((s) => ({ panelUserId: s.panelUserId, criterion: s.criterion as (typeof DEFENCE_CRITERIA)[number], score: s.score, comment: s.comment })),
        },
        implementation: implementation.map((i) => ({ status: i.status as ImplementationStatus, note: i.note, updatedBy: i.updatedBy, createdAt: i.createdAt.toISOString() })),
        can: { edit: canEdit, manage: canManageProject(access), score: canScore, updateImplementation: canUpdateImplementation(access, facts) },
      };
    },

    /** Staff create a project for a team (its members join) or for named participants. */
    async createProject(actor: Actor, streamId: string, body: CreateProjectBody, locale: Locale): Promise<Project> {
      const access = await resolveStreamAccess(db, actor, streamId);
      if (!canManageProject(access)) throw forbidden();
      const problems: FieldProblem[] = [];
      if (body.teamId && !(await repo.teamInStream(streamId, body.teamId))) problems.push({ path: 'body.teamId', key: 'projects.unknown_team' });
      const personIds = [...new Set(body.personIds ?? (body.teamId && problems.length === 0 ? await repo.teamMemberIds(streamId, body.teamId) : []))];
      if (personIds.length === 0) problems.push({ path: 'body.personIds', key: 'projects.no_members' });
      problems.push(...(await checkPeople(streamId, personIds, null, 'body.personIds')), ...(await checkSupervisor(access.path, body.supervisorUserId)));
      if (problems.length > 0) throw invalid(problems);
      const id = await db.transaction(async (tx) => {
        const txRepo = createProjectsRepo(tx);
        const row = await txRepo.insertProject({ streamId, teamId: body.teamId ?? null, title: body.title, summary: body.summary, areas: body.areas, supervisorUserId: body.supervisorUserId ?? null });
        await txRepo.setMembers(row.id, streamId, personIds);
        await recordAudit(tx, { actor, action: 'project.create', entity: 'project', entityId: row.id, details: { streamId, members: personIds.length } });
        return row.id;
      });
      return this.getProject(actor, id, locale);
    },

    async updateProject(actor: Actor, id: string, body: UpdateProjectBody, locale: Locale): Promise<Project> {
      const { row, access } = await loadProjectFor(db, actor, id, 'edit');
      // Supervisor and defence session are programme decisions; members edit the content.
      const isManaging = body.supervisorUserId !== undefined || body.defenceSessionId !== undefined;
      if (isManaging && !canManageProject(access)) throw forbidden();
      const problems = [...(await checkSupervisor(access.path, body.supervisorUserId)), ...(await checkDefenceSession(row.project.streamId, body.defenceSessionId))];
      if (problems.length > 0) throw invalid(problems);
      await db.transaction(async (tx) => {
        await createProjectsRepo(tx).updateProject(id, body);
        await recordAudit(tx, { actor, action: 'project.update', entity: 'project', entityId: id, details: { fields: Object.keys(body) } });
      });
      return this.getProject(actor, id, locale);
    },

    async setMembers(actor: Actor, id: string, personIds: string[], locale: Locale): Promise<Project> {
      const { row } = await loadProjectFor(db, actor, id, 'manage');
      const unique = [...new Set(personIds)];
      const problems = await checkPeople(row.project.streamId, unique, id, 'body.personIds');
      if (problems.length > 0) throw invalid(problems);
      await db.transaction(async (tx) => {
        await createProjectsRepo(tx).setMembers(id, row.project.streamId, unique);
        await recordAudit(tx, { actor, action: 'project.members', entity: 'project', entityId: id, details: { members: unique.length } });
      });
      return this.getProject(actor, id, locale);
    },

    async myProjects(actor: Actor): Promise<MyProjects> {
      if (!actor.personId) return { items: [] };
      const rows = await repo.listProjectsOfPerson(actor.personId);
      return { items: rows.map((r) => ({ ...r, defenceResult: asResult(r.defenceResult) })) };
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
