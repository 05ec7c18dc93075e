import { and, asc, eq, ne } from 'drizzle-orm';
import { assignments, enrolments, grades, people, submissions } from '../../db/schema/index.ts';
import type { Executor } from './assignments.repo.ts';

/** Everything a stream's gradebook (and the completion rules) read, in three set-based queries. */
export function createGradebookRepo(db: Executor) {
  return {
    async listParticipants(streamId: string) {
      return db
        .select({ personId: people.id, lastName: people.lastName, firstName: people.firstName, middleName: people.middleName })
        .from(enrolments)
        .innerJoin(people, eq(people.id, enrolments.personId))
        .where(and(eq(enrolments.streamId, streamId), ne(enrolments.status, 'withdrawn')))
        .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id));
    },
    async listStreamWork(streamId: string) {
      return db
        .select({
          assignmentId: submissions.assignmentId,
          ownerKey: submissions.ownerKey,
          latestVersion: submissions.latestVersion,
          isLate: submissions.isLate,
          score: grades.score,
          isPassed: grades.isPassed,
          releasedAt: grades.releasedAt,
        })
        .from(submissions)
        .innerJoin(assignments, eq(assignments.id, submissions.assignmentId))
        .leftJoin(grades, eq(grades.submissionId, submissions.id))
        .where(eq(assignments.streamId, streamId));
    },
  };
}
