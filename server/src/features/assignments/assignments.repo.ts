import { and, asc, eq, getTableColumns, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  assignmentGraders,
  assignments,
  enrolments,
  grades,
  intakes,
  people,
  programmes,
  roleGrants,
  scheduleModules,
  streams,
  submissionFiles,
  submissionVersions,
  submissions,
  users,
} from '../../db/schema/index.ts';

/** The database or a transaction. */
export type Executor = Pick<Database, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | 'execute'>;
export type AssignmentRow = typeof assignments.$inferSelect & { moduleNumber: number };

const assignmentColumns = { ...getTableColumns(assignments), moduleNumber: scheduleModules.number };

/**
 * A stream with the intake, programme and organisation above it, and the programme's completion threshold:
 * what assignments and the completion rules both authorize and report against. Null when no such stream.
 */
export async function findStreamPath(db: Executor, streamId: string) {
  const [row] = await db
    .select({ streamId: streams.id, intakeId: streams.intakeId, programmeId: intakes.programmeId, organisationId: programmes.organisationId, thresholdPct: programmes.completionThresholdPct, nameRu: streams.nameRu, nameEn: streams.nameEn })
    .from(streams)
    .innerJoin(intakes, eq(intakes.id, streams.intakeId))
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(eq(streams.id, streamId));
  return row ?? null;
}

/** Whether the person is enrolled (and has not withdrawn) in the stream. */
export async function isEnrolled(db: Executor, personId: string, streamId: string) {
  const [row] = await db.select({ id: enrolments.id }).from(enrolments).where(and(eq(enrolments.personId, personId), eq(enrolments.streamId, streamId), ne(enrolments.status, 'withdrawn')));
  return row !== undefined;
}

/** The ids of the streams the person is enrolled in (withdrawals left out). */
export async function listEnrolledStreams(db: Executor, personId: string) {
  const rows = await db.select({ streamId: enrolments.streamId }).from(enrolments).where(and(eq(enrolments.personId, personId), ne(enrolments.status, 'withdrawn')));
  return rows.map((r) => r.streamId);
}

/** Assignments, graders, submissions with their versions and files, and grades. */
export function createAssignmentsRepo(db: Executor) {
  return {
    findStreamPath: (streamId: string) => findStreamPath(db, streamId),
    async findModule(moduleId: string) {
      const [row] = await db.select({ id: scheduleModules.id, streamId: scheduleModules.streamId, number: scheduleModules.number }).from(scheduleModules).where(eq(scheduleModules.id, moduleId));
      return row ?? null;
    },
    isEnrolled: (personId: string, streamId: string) => isEnrolled(db, personId, streamId),
    listEnrolledStreams: (personId: string) => listEnrolledStreams(db, personId),

    async insertAssignment(values: typeof assignments.$inferInsert) {
      const [row] = await db.insert(assignments).values(values).returning();
      return row!;
    },
    async updateAssignment(id: string, values: Partial<typeof assignments.$inferInsert>) {
      await db.update(assignments).set(values).where(eq(assignments.id, id));
    },
    async findAssignment(id: string): Promise<AssignmentRow | null> {
      const [row] = await db.select(assignmentColumns).from(assignments).innerJoin(scheduleModules, eq(scheduleModules.id, assignments.moduleId)).where(eq(assignments.id, id));
      return row ?? null;
    },
    async listAssignments(streamIds: string[]): Promise<AssignmentRow[]> {
      if (streamIds.length === 0) return [];
      return db
        .select(assignmentColumns)
        .from(assignments)
        .innerJoin(scheduleModules, eq(scheduleModules.id, assignments.moduleId))
        .where(inArray(assignments.streamId, streamIds))
        .orderBy(asc(scheduleModules.number), asc(assignments.dueAt), asc(assignments.titleRu));
    },
    async listGraders(assignmentIds: string[]) {
      if (assignmentIds.length === 0) return [];
      return db.select().from(assignmentGraders).where(inArray(assignmentGraders.assignmentId, assignmentIds)).orderBy(asc(assignmentGraders.userId));
    },
    async replaceGraders(assignmentId: string, userIds: string[]) {
      await db.delete(assignmentGraders).where(eq(assignmentGraders.assignmentId, assignmentId));
      if (userIds.length > 0) await db.insert(assignmentGraders).values(userIds.map((userId) => ({ assignmentId, userId })));
    },
    /** Users with an expert (or staff) grant covering the stream: the people who may grade its work. */
    async listGraderCandidates(path: { organisationId: string; programmeId: string; streamId: string }) {
      return db
        .selectDistinct({ userId: users.id, displayName: users.displayName })
        .from(roleGrants)
        .innerJoin(users, eq(users.id, roleGrants.userId))
        .where(
          and(
            inArray(roleGrants.role, ['expert', 'staff']),
            eq(users.isActive, true),
            sql`(${roleGrants.organisationId} is null or ${roleGrants.organisationId} = ${path.organisationId})`,
            sql`(${roleGrants.programmeId} is null or ${roleGrants.programmeId} = ${path.programmeId})`,
            sql`(${roleGrants.streamId} is null or ${roleGrants.streamId} = ${path.streamId})`,
          ),
        )
        .orderBy(asc(users.displayName));
    },

    async findSubmissionByOwner(assignmentId: string, ownerKey: string) {
      const [row] = await db.select().from(submissions).where(and(eq(submissions.assignmentId, assignmentId), eq(submissions.ownerKey, ownerKey)));
      return row ?? null;
    },
    async findSubmission(id: string) {
      const [row] = await db.select().from(submissions).where(eq(submissions.id, id));
      return row ?? null;
    },
    async insertSubmission(values: typeof submissions.$inferInsert) {
      const [row] = await db.insert(submissions).values(values).onConflictDoNothing().returning();
      return row ?? null;
    },
    /** Bumps the version counter atomically, so two simultaneous resubmissions get different numbers. */
    async nextVersion(submissionId: string, at: Date, isLate: boolean) {
      const [row] = await db
        .update(submissions)
        .set({ latestVersion: sql`${submissions.latestVersion} + 1`, lastSubmittedAt: at, isLate })
        .where(eq(submissions.id, submissionId))
        .returning({ version: submissions.latestVersion });
      return row!.version;
    },
    async insertVersion(values: typeof submissionVersions.$inferInsert) {
      const [row] = await db.insert(submissionVersions).values(values).returning();
      return row!;
    },
    async insertFiles(rows: Array<typeof submissionFiles.$inferInsert>) {
      if (rows.length > 0) await db.insert(submissionFiles).values(rows);
    },
    /** The grader with the fewest submissions of this assignment (ties by id): round robin that survives gaps. */
    async leastLoadedGrader(assignmentId: string) {
      const result = await db.execute<{ user_id: string }>(sql`
        select g.user_id from assignment_graders g
        left join submissions s on s.assignment_id = g.assignment_id and s.grader_user_id = g.user_id
        where g.assignment_id = ${assignmentId}
        group by g.user_id order by count(s.id), g.user_id limit 1`);
      return result.rows[0]?.user_id ?? null;
    },
    async listSubmissionIds(assignmentId: string, onlyUnassigned: boolean) {
      const rows = await db
        .select({ id: submissions.id })
        .from(submissions)
        .where(and(eq(submissions.assignmentId, assignmentId), onlyUnassigned ? isNull(submissions.graderUserId) : undefined))
        .orderBy(asc(submissions.createdAt), asc(submissions.id));
      return rows.map((r) => r.id);
    },
    async setGrader(submissionIds: string[], userId: string | null) {
      if (submissionIds.length > 0) await db.update(submissions).set({ graderUserId: userId }).where(inArray(submissions.id, submissionIds));
    },

    async listVersions(submissionId: string) {
      const versions = await db
        .select({ ...getTableColumns(submissionVersions), lastName: people.lastName, firstName: people.firstName, middleName: people.middleName })
        .from(submissionVersions)
        .leftJoin(people, eq(people.id, submissionVersions.submittedByPersonId))
        .where(eq(submissionVersions.submissionId, submissionId))
        .orderBy(asc(submissionVersions.version));
      const files = versions.length
        ? await db
            .select({ id: submissionFiles.id, versionId: submissionFiles.versionId, fileName: submissionFiles.fileName, mediaType: submissionFiles.mediaType, sizeBytes: submissionFiles.sizeBytes })
            .from(submissionFiles)
            .where(inArray(submissionFiles.versionId, versions.map((v) => v.id)))
            .orderBy(asc(submissionFiles.createdAt), asc(submissionFiles.fileName))
        : [];
      return versions.map((v) => ({ ...v, files: files.filter((f) => f.versionId === v.id) }));
    },
    async findFile(id: string) {
      const [row] = await db
        .select({ file: getTableColumns(submissionFiles), submissionId: submissionVersions.submissionId })
        .from(submissionFiles)
        .innerJoin(submissionVersions, eq(submissionVersions.id, submissionFiles.versionId))
        .where(eq(submissionFiles.id, id));
      return row ?? null;
    },

    async findGrade(submissionId: string) {
      const [row] = await db.select().from(grades).where(eq(grades.submissionId, submissionId));
      return row ?? null;
    },
    async upsertGrade(values: typeof grades.$inferInsert) {
      // A re-grade replaces the grade and takes it back from participants until staff release it again.
      await db
        .insert(grades)
        .values(values)
        .onConflictDoUpdate({ target: grades.submissionId, set: { ...values, releasedAt: null, releasedBy: null } });
    },
    async releaseGrades(assignmentId: string, submissionIds: string[] | undefined, by: string | null, at: Date) {
      const rows = await db
        .update(grades)
        .set({ releasedAt: at, releasedBy: by })
        .where(
          and(
            isNull(grades.releasedAt),
            inArray(grades.submissionId, db.select({ id: submissions.id }).from(submissions).where(eq(submissions.assignmentId, assignmentId))),
            submissionIds ? inArray(grades.submissionId, submissionIds.length ? submissionIds : ['00000000-0000-0000-0000-000000000000']) : undefined,
          ),
        )
        .returning({ id: grades.submissionId });
      return rows.length;
    },

    /** Submissions with owner, grader and grade; for one assignment, or a grader's queue across streams. */
    async listSubmissions(where: { assignmentId?: string; graderUserId?: string; status?: 'to_grade' | 'graded' | 'all' }) {
      return db
        .select({
          submission: getTableColumns(submissions),
          grade: getTableColumns(grades),
          lastName: people.lastName,
          firstName: people.firstName,
          middleName: people.middleName,
          graderName: users.displayName,
          assignmentTitleRu: assignments.titleRu,
          assignmentTitleEn: assignments.titleEn,
          streamId: assignments.streamId,
        })
        .from(submissions)
        .innerJoin(assignments, eq(assignments.id, submissions.assignmentId))
        .leftJoin(people, eq(people.id, submissions.personId))
        .leftJoin(users, eq(users.id, submissions.graderUserId))
        .leftJoin(grades, eq(grades.submissionId, submissions.id))
        .where(
          and(
            where.assignmentId ? eq(submissions.assignmentId, where.assignmentId) : undefined,
            where.graderUserId ? eq(submissions.graderUserId, where.graderUserId) : undefined,
            sql`${submissions.latestVersion} > 0`,
            where.status === 'to_grade' ? sql`(${grades.submissionId} is null or ${grades.version} < ${submissions.latestVersion})` : undefined,
            where.status === 'graded' ? isNotNull(grades.submissionId) : undefined,
          ),
        )
        .orderBy(asc(assignments.dueAt), asc(submissions.lastSubmittedAt), asc(submissions.id))
        .limit(2000);
    },
  };
}

export type AssignmentsRepo = ReturnType<typeof createAssignmentsRepo>;
