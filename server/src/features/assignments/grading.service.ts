import { GradeBodySchema, type GradeBody, type GradingQueue, type SubmissionDetail } from '@ms/contracts/assignments';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { createAssignmentsContext, toAssignment, toVersion } from './assignments.context.ts';
import { canGradeSubmission } from './assignments.policy.ts';
import { createAssignmentsRepo } from './assignments.repo.ts';
import { toSubmission } from './assignments.service.ts';
import { scoreRubric } from './rubric.ts';

/** The expert's side: their queue, a submission with its versions, and grading it with the rubric. */
export function createGradingService(deps: { db: Database; clock: Clock; auditBuffer: AuditBuffer }) {
  const ctx = createAssignmentsContext(deps.db);
  const { repo } = ctx;

  /** The submission, if the actor grades it (its grader, or staff of its stream); 404 otherwise. */
  async function gradable(actor: Actor, id: string) {
    const submission = await repo.findSubmission(id);
    const assignment = submission ? await repo.findAssignment(submission.assignmentId) : null;
    const stream = assignment ? await repo.findStreamPath(assignment.streamId) : null;
    if (!submission || !assignment || !stream || !canGradeSubmission(actor, submission, stream)) throw notFound();
    return { submission, assignment };
  }

  async function detail(actor: Actor, id: string): Promise<SubmissionDetail> {
    const { assignment } = await gradable(actor, id);
    const [row] = (await repo.listSubmissions({ assignmentId: assignment.id, status: 'all' })).filter((r) => r.submission.id === id);
    const versions = await repo.listVersions(id);
    deps.auditBuffer.record({ actor, action: 'submission.read', entity: 'submission', entityId: id });
    return { ...toSubmission(row!), assignment: toAssignment(assignment, []), versions: versions.map(toVersion) };
  }

  return {
    /** Submissions assigned to the actor (staff: none unless assigned; they use the assignment's list). */
    async queue(actor: Actor, query: { status: 'to_grade' | 'graded' | 'all'; assignmentId?: string }): Promise<GradingQueue> {
      if (!actor.userId) return { items: [] };
      const rows = await repo.listSubmissions({ graderUserId: actor.userId, status: query.status, assignmentId: query.assignmentId });
      return { items: rows.map((r) => ({ ...toSubmission(r), assignmentTitleRu: r.assignmentTitleRu, assignmentTitleEn: r.assignmentTitleEn, streamId: r.streamId })) };
    },

    detail,

    /** Grades the latest version with one level per criterion and written feedback; staff release it later. */
    async grade(actor: Actor, id: string, input: GradeBody): Promise<SubmissionDetail> {
      const { submission, assignment } = await gradable(actor, id);
      // A grade names its grader: the system actor (no account) cannot grade.
      if (!actor.userId) throw notFound();
      const body = GradeBodySchema.parse(input);
      if (submission.latestVersion === 0) throw new AppError('validation', { fields: [{ path: 'submission', key: 'assignments.nothing_to_grade' }] });
      const { score, problems } = scoreRubric(assignment.rubric, body.levels);
      if (problems.length > 0) throw new AppError('validation', { fields: problems });
      await deps.db.transaction(async (tx) => {
        await createAssignmentsRepo(tx).upsertGrade({
          submissionId: id,
          version: submission.latestVersion,
          graderUserId: actor.userId!,
          levels: body.levels,
          score,
          isPassed: score >= assignment.passMark,
          feedback: body.feedback,
          gradedAt: deps.clock.now(),
        });
        await recordAudit(tx, { actor, action: 'submission.grade', entity: 'submission', entityId: id, details: { version: submission.latestVersion, score } });
      });
      return detail(actor, id);
    },
  };
}
