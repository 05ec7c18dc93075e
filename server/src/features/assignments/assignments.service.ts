import {
  CreateAssignmentBodySchema,
  type Assignment,
  type CreateAssignmentBody,
  type Submission,
  type UpdateAssignmentBody,
} from '@ms/contracts/assignments';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound, type FieldProblem } from '../../lib/errors.ts';
import { fullName } from '../people/roster.service.ts';
import { createAssignmentsContext, toAssignment, toGrade } from './assignments.context.ts';
import { createAssignmentsRepo, type Executor } from './assignments.repo.ts';
import { isKnownTimeZone, zonedLocalToUtc } from './local-time.ts';
import { checkRubric } from './rubric.ts';

type SubmissionRow = Awaited<ReturnType<ReturnType<typeof createAssignmentsRepo>['listSubmissions']>>[number];

/** A submission row as graders and staff see it. */
export function toSubmission(row: SubmissionRow): Submission {
  const s = row.submission;
  return {
    id: s.id,
    assignmentId: s.assignmentId,
    ownerName: s.teamName ?? (row.lastName === null ? '—' : fullName({ lastName: row.lastName, firstName: row.firstName ?? '', middleName: row.middleName })),
    personId: s.personId,
    teamId: s.teamId,
    graderUserId: s.graderUserId,
    graderName: row.graderName,
    latestVersion: s.latestVersion,
    lastSubmittedAt: s.lastSubmittedAt?.toISOString() ?? null,
    isLate: s.isLate,
    grade: row.grade ? toGrade(row.grade) : null,
  };
}

/** Setting assignments, choosing graders, listing and releasing grades: the staff side. */
export function createAssignmentsService(deps: { db: Database; clock: Clock; auditBuffer: AuditBuffer }) {
  const ctx = createAssignmentsContext(deps.db);
  const { repo } = ctx;

  const fail = (problems: FieldProblem[]) => {
    if (problems.length > 0) throw new AppError('validation', { fields: problems });
  };
  const dueOf = (dueLocal: string, timeZone: string): Date => {
    fail(isKnownTimeZone(timeZone) ? [] : [{ path: 'body.timeZone', key: 'assignments.bad_time_zone' }]);
    return zonedLocalToUtc(dueLocal, timeZone);
  };

  async function present(ids: string[], canManage: boolean): Promise<Map<string, string[]>> {
    const graders = canManage ? await repo.listGraders(ids) : [];
    const byAssignment = new Map<string, string[]>(ids.map((id) => [id, []]));
    for (const g of graders) byAssignment.get(g.assignmentId)?.push(g.userId);
    return byAssignment;
  }

  /** Shares submissions out among the graders in turn, starting with the least loaded. */
  async function shareOut(tx: Executor, assignmentId: string, graderIds: string[], isRebalancing: boolean) {
    const txRepo = createAssignmentsRepo(tx);
    const ids = await txRepo.listSubmissionIds(assignmentId, !isRebalancing);
    if (graderIds.length === 0) return 0;
    for (const [i, graderId] of graderIds.entries()) {
      await txRepo.setGrader(ids.filter((_, index) => index % graderIds.length === i), graderId);
    }
    return ids.length;
  }

  return {
    async list(actor: Actor, streamId: string): Promise<{ items: Assignment[] }> {
      const { canManage } = await ctx.streamFor(actor, streamId, 'read');
      const rows = await repo.listAssignments([streamId]);
      const graders = await present(rows.map((r) => r.id), canManage);
      return { items: rows.map((r) => toAssignment(r, graders.get(r.id) ?? [])) };
    },

    async get(actor: Actor, id: string): Promise<Assignment> {
      const { assignment, canManage } = await ctx.assignmentFor(actor, id, 'read');
      return toAssignment(assignment, (await present([id], canManage)).get(id) ?? []);
    },

    async create(actor: Actor, input: CreateAssignmentBody): Promise<Assignment> {
      const body = CreateAssignmentBodySchema.parse(input);
      const module = await repo.findModule(body.moduleId);
      if (!module) throw new AppError('validation', { fields: [{ path: 'body.moduleId', key: 'assignments.unknown_module' }] });
      await ctx.streamFor(actor, module.streamId, 'manage');
      fail(checkRubric(body.rubric));
      const dueAt = dueOf(body.dueLocal, body.timeZone);
      const { dueLocal: _local, ...values } = body;
      return deps.db.transaction(async (tx) => {
        const row = await createAssignmentsRepo(tx).insertAssignment({ ...values, streamId: module.streamId, dueAt, createdBy: actor.userId });
        await recordAudit(tx, { actor, action: 'assignment.create', entity: 'assignment', entityId: row.id });
        return toAssignment({ ...row, moduleNumber: module.number }, []);
      });
    },

    async update(actor: Actor, id: string, body: UpdateAssignmentBody): Promise<Assignment> {
      const { assignment } = await ctx.assignmentFor(actor, id, 'manage');
      if (body.rubric) fail(checkRubric(body.rubric));
      const timeZone = body.timeZone ?? assignment.timeZone;
      const { dueLocal, ...rest } = body;
      const values = { ...rest, ...(dueLocal || body.timeZone ? { dueAt: dueOf(dueLocal ?? toAssignment(assignment, []).dueLocal, timeZone) } : {}) };
      await deps.db.transaction(async (tx) => {
        await createAssignmentsRepo(tx).updateAssignment(id, values);
        await recordAudit(tx, { actor, action: 'assignment.update', entity: 'assignment', entityId: id, details: { fields: Object.keys(body) } });
      });
      const next = await repo.findAssignment(id);
      return toAssignment(next!, (await present([id], true)).get(id) ?? []);
    },

    /** Sets the assignment's graders and shares its submissions out among them (round robin). */
    async setGraders(actor: Actor, id: string, body: { userIds: string[]; isRebalancing?: boolean }): Promise<Assignment> {
      const { assignment, stream } = await ctx.assignmentFor(actor, id, 'manage');
      const candidates = new Set((await repo.listGraderCandidates(stream)).map((c) => c.userId));
      const userIds = [...new Set(body.userIds)];
      fail(userIds.flatMap((userId, i) => (candidates.has(userId) ? [] : [{ path: `body.userIds.${i}`, key: 'assignments.not_expert' as const }])));
      await deps.db.transaction(async (tx) => {
        await createAssignmentsRepo(tx).replaceGraders(id, userIds);
        const shared = await shareOut(tx, id, userIds, body.isRebalancing === true);
        await recordAudit(tx, { actor, action: 'assignment.graders', entity: 'assignment', entityId: id, details: { graders: userIds.length, shared } });
      });
      return toAssignment(assignment, userIds);
    },

    async listGraderCandidates(actor: Actor, streamId: string) {
      const { stream } = await ctx.streamFor(actor, streamId, 'manage');
      return { items: await repo.listGraderCandidates(stream) };
    },

    async listSubmissions(actor: Actor, id: string): Promise<{ items: Submission[] }> {
      await ctx.assignmentFor(actor, id, 'manage');
      deps.auditBuffer.record({ actor, action: 'assignment.submissions_read', entity: 'assignment', entityId: id });
      return { items: (await repo.listSubmissions({ assignmentId: id, status: 'all' })).map(toSubmission) };
    },

    /** Puts one submission in another grader's queue (staff). */
    async setSubmissionGrader(actor: Actor, submissionId: string, userId: string): Promise<{ ok: true }> {
      const submission = await repo.findSubmission(submissionId);
      if (!submission) throw notFound();
      const { stream } = await ctx.assignmentFor(actor, submission.assignmentId, 'manage');
      const candidates = await repo.listGraderCandidates(stream);
      fail(candidates.some((c) => c.userId === userId) ? [] : [{ path: 'body.userId', key: 'assignments.not_expert' }]);
      await deps.db.transaction(async (tx) => {
        await createAssignmentsRepo(tx).setGrader([submissionId], userId);
        await recordAudit(tx, { actor, action: 'submission.grader', entity: 'submission', entityId: submissionId, details: { graderUserId: userId } });
      });
      return { ok: true };
    },

    /** Releases graded work to its owners: all graded submissions of the assignment, or the listed ones. */
    async release(actor: Actor, id: string, submissionIds: string[] | undefined): Promise<{ released: number }> {
      await ctx.assignmentFor(actor, id, 'manage');
      return deps.db.transaction(async (tx) => {
        const released = await createAssignmentsRepo(tx).releaseGrades(id, submissionIds, actor.userId, deps.clock.now());
        await recordAudit(tx, { actor, action: 'assignment.release', entity: 'assignment', entityId: id, details: { released } });
        return { released };
      });
    },
  };
}
