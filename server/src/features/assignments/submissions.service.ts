import { SUBMISSION_MAX_FILE_BYTES, SUBMISSION_MAX_FILES, SUBMISSION_MAX_TEXT, type MyAssignment } from '@ms/contracts/assignments';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound, type FieldProblem } from '../../lib/errors.ts';
import { findTeamOfPerson } from '../teams/teams.membership.ts';
import { createAssignmentsContext, toAssignment, toGrade, toVersion } from './assignments.context.ts';
import { canGradeSubmission, isSubmissionOwner } from './assignments.policy.ts';
import { createAssignmentsRepo } from './assignments.repo.ts';
import { checkSubmissionFile, safeFileName } from './file-type.ts';

export interface UploadedSubmission {
  text: string;
  files: Array<{ fileName: string; bytes: Buffer }>;
}

/** The participant's side: their assignments, submitting versions, reading released grades; file downloads. */
export function createSubmissionsService(deps: { db: Database; clock: Clock; auditBuffer: AuditBuffer }) {
  const ctx = createAssignmentsContext(deps.db);
  const { repo } = ctx;

  /** The assignment and the actor's ownership of work on it; 404 unless they are enrolled in its stream. */
  async function mine(actor: Actor, id: string) {
    const assignment = await repo.findAssignment(id);
    const owner = assignment ? await ctx.ownerFor(actor, assignment) : null;
    if (!assignment || !owner) throw notFound();
    return { assignment, owner };
  }

  function checkFiles(files: UploadedSubmission['files']): FieldProblem[] {
    if (files.length > SUBMISSION_MAX_FILES) return [{ path: 'file', key: 'assignments.too_many_files', params: { max: SUBMISSION_MAX_FILES } }];
    return files.flatMap((file, i): FieldProblem[] => {
      if (file.bytes.length > SUBMISSION_MAX_FILE_BYTES) return [{ path: `file.${i}`, key: 'assignments.file_too_large', params: { max: SUBMISSION_MAX_FILE_BYTES / 1024 / 1024 } }];
      const check = checkSubmissionFile(file.fileName, file.bytes);
      if ('refusal' in check) return [{ path: `file.${i}`, key: check.refusal === 'mismatch' ? 'assignments.file_mismatch' : 'assignments.file_unsupported' }];
      return [];
    });
  }

  return {
    async listMine(actor: Actor) {
      if (!actor.personId) return { items: [] };
      const streamIds = await repo.listEnrolledStreams(actor.personId);
      const rows = await repo.listAssignments(streamIds);
      const items = [];
      for (const row of rows) {
        const owner = await ctx.ownerFor(actor, row);
        const submission = owner?.ownerKey ? await repo.findSubmissionByOwner(row.id, owner.ownerKey) : null;
        const grade = submission ? await repo.findGrade(submission.id) : null;
        const released = grade?.releasedAt ? grade : null;
        items.push({
          assignment: toAssignment(row, []),
          latestVersion: submission?.latestVersion ?? 0,
          isLate: submission?.isLate ?? false,
          isGradeReleased: released !== null,
          score: released?.score ?? null,
          isPassed: released?.isPassed ?? null,
        });
      }
      return { items };
    },

    async getMine(actor: Actor, id: string): Promise<MyAssignment> {
      const { assignment, owner } = await mine(actor, id);
      const submission = owner.ownerKey ? await repo.findSubmissionByOwner(id, owner.ownerKey) : null;
      const grade = submission ? await repo.findGrade(submission.id) : null;
      const versions = submission ? await repo.listVersions(submission.id) : [];
      return {
        assignment: toAssignment(assignment, []),
        submissionId: submission?.id ?? null,
        teamName: owner.teamName,
        isLate: submission?.isLate ?? false,
        versions: versions.map(toVersion),
        // Unreleased feedback and scores never leave the server.
        grade: grade?.releasedAt ? toGrade(grade) : null,
        isClosed: assignment.latePolicy === 'refuse' && deps.clock.now() > assignment.dueAt,
      };
    },

    /**
     * Adds a version: text and up to three files whose type is judged by content. After the due time the
     * version is flagged late, or refused when the assignment refuses late work. A team shares one submission.
     */
    async submit(actor: Actor, id: string, read: () => Promise<UploadedSubmission>): Promise<MyAssignment> {
      const { assignment, owner } = await mine(actor, id);
      if (!owner.ownerKey) throw new AppError('validation', { fields: [{ path: 'team', key: 'assignments.not_in_team' }] });
      const now = deps.clock.now();
      const isLate = now > assignment.dueAt;
      if (isLate && assignment.latePolicy === 'refuse') throw new AppError('validation', { fields: [{ path: 'dueAt', key: 'assignments.deadline_passed' }] });
      const upload = await read();
      const text = upload.text.trim();
      const problems = checkFiles(upload.files);
      if (text.length > SUBMISSION_MAX_TEXT) problems.push({ path: 'text', key: 'field.too_long', params: { max: SUBMISSION_MAX_TEXT } });
      if (!text && upload.files.length === 0) problems.push({ path: 'text', key: 'assignments.empty_submission' });
      if (problems.length > 0) throw new AppError('validation', { fields: problems });

      await deps.db.transaction(async (tx) => {
        const txRepo = createAssignmentsRepo(tx);
        const existing = await txRepo.findSubmissionByOwner(id, owner.ownerKey!);
        const submission =
          existing ??
          (await txRepo.insertSubmission({ assignmentId: id, ownerKey: owner.ownerKey!, personId: owner.personId, teamId: owner.teamId, teamName: owner.teamName, graderUserId: await txRepo.leastLoadedGrader(id) })) ??
          (await txRepo.findSubmissionByOwner(id, owner.ownerKey!))!;
        const version = await txRepo.nextVersion(submission.id, now, isLate);
        const row = await txRepo.insertVersion({ submissionId: submission.id, version, text, submittedByPersonId: actor.personId, submittedAt: now, isLate });
        await txRepo.insertFiles(
          upload.files.map((file) => {
            const check = checkSubmissionFile(file.fileName, file.bytes) as { mediaType: string };
            return { versionId: row.id, fileName: safeFileName(file.fileName), mediaType: check.mediaType, sizeBytes: file.bytes.length, content: file.bytes };
          }),
        );
        await recordAudit(tx, { actor, action: 'submission.submit', entity: 'submission', entityId: submission.id, details: { version, isLate, files: upload.files.length } });
      });
      return this.getMine(actor, id);
    },

    /** A submitted file, for its owners, its grader and staff; 404 for anyone else. */
    async getFile(actor: Actor, fileId: string) {
      const found = await repo.findFile(fileId);
      const submission = found ? await repo.findSubmission(found.submissionId) : null;
      const assignment = submission ? await repo.findAssignment(submission.assignmentId) : null;
      if (!found || !submission || !assignment) throw notFound();
      const stream = (await repo.findStreamPath(assignment.streamId))!;
      const team = submission.teamId && actor.personId ? await findTeamOfPerson(deps.db, assignment.streamId, actor.personId) : null;
      if (!canGradeSubmission(actor, submission, stream) && !isSubmissionOwner(actor, submission, team?.teamId ?? null)) throw notFound();
      deps.auditBuffer.record({ actor, action: 'submission.file_read', entity: 'submission', entityId: submission.id, details: { fileId } });
      return { fileName: found.file.fileName, mediaType: found.file.mediaType, content: found.file.content };
    },
  };
}
