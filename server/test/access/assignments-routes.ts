import type { Database } from '../../src/db/client.ts';
import { completionExceptions, submissionFiles, submissionVersions, submissions } from '../../src/db/schema/index.ts';
import { buildAssignment, buildPerson, enrol, TEST_RUBRIC } from '../factories.ts';
import type { AccessFixture } from './fixture.ts';
import type { RouteCase } from './route-table.ts';

const STAFF = ['staff', 'admin'] as const;
const IN_PROGRAMME_A = ['participant', 'alumnus', 'expert', 'coordinator', 'staff', 'admin'] as const;
/** The fixture expert grades pSam's submission. */
const GRADER = ['expert', 'staff', 'admin'] as const;
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/** An assignment on stream A3's module with pSam's submission (one PDF), graded by the fixture expert. */
async function buildAssignmentsFixture(fx: AccessFixture, db: Database) {
  const assignment = await buildAssignment(db, fx.schedule.module, { dueAt: new Date('2099-01-01T00:00:00Z') });
  const [submission] = await db
    .insert(submissions)
    .values({ assignmentId: assignment.id, ownerKey: `person:${fx.people.pSam.id}`, personId: fx.people.pSam.id, graderUserId: fx.users.expert.id, latestVersion: 1, lastSubmittedAt: new Date() })
    .returning();
  const [version] = await db.insert(submissionVersions).values({ submissionId: submission!.id, version: 1, text: 'Текст', submittedByPersonId: fx.people.pSam.id, submittedAt: new Date() }).returning();
  const [file] = await db.insert(submissionFiles).values({ versionId: version!.id, fileName: 'work.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, content: PDF }).returning();
  return { assignment, submission: submission!, file: file! };
}

const cache = new WeakMap<AccessFixture, ReturnType<typeof buildAssignmentsFixture>>();
const fixture = (fx: AccessFixture, db: Database) => {
  let built = cache.get(fx);
  if (!built) cache.set(fx, (built = buildAssignmentsFixture(fx, db)));
  return built;
};
const freshParticipant = async (fx: AccessFixture, db: Database) => {
  const person = await buildPerson(db);
  await enrol(db, person.id, fx.a.a3.id);
  return person;
};

/** Assignments, grading, the gradebook and completion (issue 5). */
export const ASSIGNMENT_ROUTE_CASES: RouteCase[] = [
  { key: 'GET /api/assignments', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/assignments?streamId=${fx.a.a3.id}` }) },
  {
    key: 'POST /api/assignments',
    allowed: STAFF,
    build: async (fx) => ({ url: '/api/assignments', body: { moduleId: fx.schedule.module.id, kind: 'individual', titleRu: 'Эссе', titleEn: 'Essay', dueLocal: '2025-03-01T18:00', rubric: TEST_RUBRIC } }),
  },
  { key: 'GET /api/assignments/{id}', allowed: IN_PROGRAMME_A, build: async (fx, db) => ({ url: `/api/assignments/${(await fixture(fx, db)).assignment.id}` }) },
  { key: 'PATCH /api/assignments/{id}', allowed: STAFF, build: async (fx, db) => ({ url: `/api/assignments/${(await fixture(fx, db)).assignment.id}`, body: { passMark: 60 } }) },
  { key: 'PUT /api/assignments/{id}/graders', allowed: STAFF, build: async (fx, db) => ({ url: `/api/assignments/${(await fixture(fx, db)).assignment.id}/graders`, body: { userIds: [fx.users.expert.id] } }) },
  { key: 'GET /api/assignments/{id}/submissions', allowed: STAFF, build: async (fx, db) => ({ url: `/api/assignments/${(await fixture(fx, db)).assignment.id}/submissions` }) },
  { key: 'POST /api/assignments/{id}/release', allowed: STAFF, build: async (fx, db) => ({ url: `/api/assignments/${(await fixture(fx, db)).assignment.id}/release`, body: {} }) },
  { key: 'GET /api/streams/{id}/graders', allowed: STAFF, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/graders` }) },
  { key: 'GET /api/me/assignments', allowed: 'signed-in', build: async () => ({ url: '/api/me/assignments' }) },
  { key: 'GET /api/me/assignments/{id}', allowed: ['participant'], build: async (fx, db) => ({ url: `/api/me/assignments/${(await fixture(fx, db)).assignment.id}` }) },
  {
    key: 'POST /api/me/assignments/{id}/submissions',
    allowed: ['participant'],
    build: async (fx, db) => ({ url: `/api/me/assignments/${(await fixture(fx, db)).assignment.id}/submissions`, multipart: { fileName: 'work.pdf', bytes: PDF } }),
  },
  { key: 'GET /api/submission-files/{id}', allowed: ['participant', ...GRADER], build: async (fx, db) => ({ url: `/api/submission-files/${(await fixture(fx, db)).file.id}` }) },
  { key: 'GET /api/grading/queue', allowed: 'signed-in', build: async () => ({ url: '/api/grading/queue' }) },
  { key: 'GET /api/submissions/{id}', allowed: GRADER, build: async (fx, db) => ({ url: `/api/submissions/${(await fixture(fx, db)).submission.id}` }) },
  {
    key: 'PUT /api/submissions/{id}/grade',
    allowed: GRADER,
    build: async (fx, db) => ({ url: `/api/submissions/${(await fixture(fx, db)).submission.id}/grade`, body: { levels: { analysis: 2, proposal: 1 }, feedback: 'Хорошо' } }),
  },
  { key: 'PUT /api/submissions/{id}/grader', allowed: STAFF, build: async (fx, db) => ({ url: `/api/submissions/${(await fixture(fx, db)).submission.id}/grader`, body: { userId: fx.users.expert.id } }) },
  { key: 'GET /api/streams/{id}/gradebook', allowed: STAFF, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/gradebook` }) },
  { key: 'GET /api/streams/{id}/gradebook/export', allowed: STAFF, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/gradebook/export?format=csv` }) },
  { key: 'GET /api/programmes/{id}/completion-rules', allowed: STAFF, build: async (fx) => ({ url: `/api/programmes/${fx.a.programme.id}/completion-rules` }) },
  { key: 'PUT /api/programmes/{id}/completion-rules', allowed: STAFF, build: async (fx) => ({ url: `/api/programmes/${fx.a.programme.id}/completion-rules`, body: { isProjectRequired: true } }) },
  { key: 'GET /api/streams/{id}/progress', allowed: STAFF, build: async (fx) => ({ url: `/api/streams/${fx.a.a3.id}/progress` }) },
  { key: 'GET /api/me/progress', allowed: 'signed-in', build: async () => ({ url: '/api/me/progress' }) },
  {
    key: 'PUT /api/streams/{id}/participants/{personId}/completion-exception',
    allowed: STAFF,
    build: async (fx, db) => ({ url: `/api/streams/${fx.a.a3.id}/participants/${(await freshParticipant(fx, db)).id}/completion-exception`, body: { reason: 'Болезнь, справка' } }),
  },
  {
    key: 'DELETE /api/streams/{id}/participants/{personId}/completion-exception',
    allowed: STAFF,
    build: async (fx, db) => {
      const person = await freshParticipant(fx, db);
      await db.insert(completionExceptions).values({ streamId: fx.a.a3.id, personId: person.id, reason: 'Командировка', grantedAt: new Date() });
      return { url: `/api/streams/${fx.a.a3.id}/participants/${person.id}/completion-exception` };
    },
  },
];
