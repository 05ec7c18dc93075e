import crypto from 'node:crypto';
import type { Database } from '../../src/db/client.ts';
import { desc, eq } from 'drizzle-orm';
import { admissionApplications, admissionCampaigns, admissionDocuments, admissionExpertReviews, admissionExpertStages, admissionInterviewBookings, admissionInterviewPanel, admissionInterviewSlots, admissionTestAttemptBlocks, admissionTestAttempts, admissionTestQuestions, consentDocuments, consents } from '../../src/db/schema/index.ts';
import { SAMPLE_PDF } from '../admissions.ts';
import { buildPerson } from '../factories.ts';
import type { AccessFixture } from './fixture.ts';
import type { RouteCase } from './route-table.ts';

const STAFF = ['staff', 'admin'] as const;
const uid = () => crypto.randomBytes(4).toString('hex');
const DAY = 86_400_000;

interface AdmissionsFixture {
  campaignId: string;
  slug: string;
}
const fixtures = new WeakMap<AccessFixture, Promise<AdmissionsFixture>>();

/** An open, published campaign of programme A with the nomination gate (built once per access fixture). */
function admissionsFixture(fx: AccessFixture, db: Database): Promise<AdmissionsFixture> {
  let built = fixtures.get(fx);
  if (!built) {
    built = (async () => {
      const slug = `access-${uid()}`;
      const [campaign] = await db
        .insert(admissionCampaigns)
        .values({
          intakeId: fx.a.intake.id,
          slug,
          titleRu: 'Набор',
          titleEn: 'Intake',
          opensAt: new Date(Date.now() - DAY),
          closesAt: new Date(Date.now() + 30 * DAY),
          isPublished: true,
          hasNominationGate: true,
          defaultNominationQuota: 10_000,
        })
        .returning();
      return { campaignId: campaign!.id, slug };
    })();
    fixtures.set(fx, built);
  }
  return built;
}

/** A fresh application of the fixture participant (a draft with the base profile filled in). */
async function participantDraft(fx: AccessFixture, db: Database) {
  // One application per person and campaign: each case gets a campaign of its own.
  const [campaign] = await db
    .insert(admissionCampaigns)
    .values({
      intakeId: fx.a.intake.id,
      slug: `access-own-${uid()}`,
      titleRu: 'Набор',
      titleEn: 'Intake',
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + 30 * DAY),
      isPublished: true,
    })
    .returning();
  const [row] = await db
    .insert(admissionApplications)
    .values({ campaignId: campaign!.id, personId: fx.people.pSam.id, userId: fx.users.participant.id, birthDate: '1985-03-14', regionCode: 'RU-SAM' })
    .returning();
  return { application: row! };
}

/** A submitted, eligible application from the coordinator's region (RU-SAM), optionally nominated. */
async function samApplication(fx: AccessFixture, db: Database, isNominated: boolean) {
  const { campaignId } = await admissionsFixture(fx, db);
  const person = await buildPerson(db, { regionCode: 'RU-SAM' });
  const [row] = await db
    .insert(admissionApplications)
    .values({
      campaignId,
      personId: person.id,
      status: isNominated ? 'nominated' : 'submitted',
      regionCode: 'RU-SAM',
      birthDate: '1980-01-01',
      isEligible: true,
      submittedAt: new Date(),
      nominatedAt: isNominated ? new Date() : null,
      testScore: 70,
    })
    .returning();
  return { application: row!, campaignId };
}

/** A submitted application of the participant in a campaign whose online test is open now; optionally started. */
async function participantTest(fx: AccessFixture, db: Database, isStarted: boolean) {
  const [campaign] = await db
    .insert(admissionCampaigns)
    .values({
      intakeId: fx.a.intake.id,
      slug: `access-test-${uid()}`,
      titleRu: 'Набор',
      titleEn: 'Intake',
      opensAt: new Date(Date.now() - 2 * DAY),
      closesAt: new Date(Date.now() - DAY),
      isPublished: true,
      testOpensAt: new Date(Date.now() - DAY),
      testClosesAt: new Date(Date.now() + DAY),
      testDurationMinutes: 60,
    })
    .returning();
  const [question] = await db
    .insert(admissionTestQuestions)
    .values({ campaignId: campaign!.id, position: 0, kind: 'numeric', textRu: 'Сколько?', textEn: 'How many?', correct: { value: 1, tolerance: 0 } })
    .returning();
  const [application] = await db
    .insert(admissionApplications)
    .values({ campaignId: campaign!.id, personId: fx.people.pSam.id, userId: fx.users.participant.id, status: 'submitted', isEligible: true, submittedAt: new Date(), regionCode: 'RU-SAM' })
    .returning();
  if (isStarted) {
    const [attempt] = await db
      .insert(admissionTestAttempts)
      .values({ applicationId: application!.id, questionOrder: [question!.id], startedAt: new Date(), deadlineAt: new Date(Date.now() + 3_600_000) })
      .returning();
    // A bank without blocks is one implicit block, opened with the attempt.
    await db.insert(admissionTestAttemptBlocks).values({
      attemptId: attempt!.id,
      position: 0,
      timeLimitMinutes: 60,
      questionOrder: [question!.id],
      startedAt: new Date(),
      deadlineAt: new Date(Date.now() + 3_600_000),
    });
  }
  return { applicationId: application!.id, questionId: question!.id };
}

const RUBRIC = [{ key: 'vision', titleRu: 'Видение', titleEn: 'Vision', weight: 1, maxPoints: 10 }];

/** The fixture campaign's expert stage (created once; repeated calls are harmless). */
async function expertStage(fx: AccessFixture, db: Database) {
  const { campaignId } = await admissionsFixture(fx, db);
  await db.insert(admissionExpertStages).values({ campaignId, rubric: RUBRIC, dueAt: new Date(Date.now() + 30 * DAY) }).onConflictDoNothing();
  return campaignId;
}

/** A blind scoring of a nominated Samara application, assigned to the fixture expert. */
async function expertReview(fx: AccessFixture, db: Database) {
  await expertStage(fx, db);
  const { application, campaignId } = await samApplication(fx, db, true);
  const [review] = await db
    .insert(admissionExpertReviews)
    .values({ campaignId, applicationId: application.id, expertUserId: fx.users.expert.id, round: 1, assignedAt: new Date(), dueAt: new Date(Date.now() + DAY) })
    .returning();
  return review!.id;
}

/** An interview slot of the fixture campaign with the fixture expert on its panel and a nominated Samara candidate booked. */
async function interviewSlot(fx: AccessFixture, db: Database) {
  const { application, campaignId } = await samApplication(fx, db, true);
  const [slot] = await db.insert(admissionInterviewSlots).values({ campaignId, startsAt: new Date(Date.now() + DAY), durationMinutes: 30, place: 'Ауд. 1', capacity: 5 }).returning();
  await db.insert(admissionInterviewPanel).values({ slotId: slot!.id, userId: fx.users.expert.id });
  await db.insert(admissionInterviewBookings).values({ applicationId: application.id, slotId: slot!.id, bookedAt: new Date() });
  return { campaignId, slotId: slot!.id, applicationId: application.id };
}

/** The participant's own application, booked into an interview slot tomorrow. */
async function participantInterview(fx: AccessFixture, db: Database) {
  const { application } = await participantDraft(fx, db);
  const [slot] = await db.insert(admissionInterviewSlots).values({ campaignId: application.campaignId, startsAt: new Date(Date.now() + DAY), durationMinutes: 30, place: 'Ауд. 3', capacity: 2 }).returning();
  await db.insert(admissionInterviewBookings).values({ applicationId: application.id, slotId: slot!.id, bookedAt: new Date() });
  return application.id;
}

const config = { weights: { test: 1, expert: 1, interview: 1 }, targetTotal: 10, reserveSize: 2 };

/** Admissions (issue 3). */
export const ADMISSIONS_ROUTE_CASES: RouteCase[] = [
  // the public side
  { key: 'GET /api/public/admissions/campaigns', allowed: 'everyone', build: async () => ({ url: '/api/public/admissions/campaigns' }) },
  { key: 'GET /api/public/admissions/campaigns/{slug}', allowed: 'everyone', build: async (fx, db) => ({ url: `/api/public/admissions/campaigns/${(await admissionsFixture(fx, db)).slug}` }) },
  {
    key: 'POST /api/public/admissions/campaigns/{slug}/start',
    allowed: 'everyone',
    build: async (fx, db) => ({
      url: `/api/public/admissions/campaigns/${(await admissionsFixture(fx, db)).slug}/start`,
      body: { email: `applicant-${uid()}@example.test`, lastName: 'Сидорова', firstName: 'Анна' },
    }),
  },
  { key: 'GET /api/public/admissions/confirmations/{token}', allowed: 'everyone', alsoAccepted: [410], build: async () => ({ url: `/api/public/admissions/confirmations/${'x'.repeat(40)}` }) },
  { key: 'POST /api/public/admissions/confirmations', allowed: 'everyone', alsoAccepted: [410], build: async () => ({ url: '/api/public/admissions/confirmations', body: { token: 'x'.repeat(40), password: 'long-enough-password' } }) },
  // the applicant's own applications: only the participant's account owns one
  { key: 'GET /api/me/applications', allowed: 'signed-in', build: async () => ({ url: '/api/me/applications' }) },
  { key: 'GET /api/me/applications/{id}', allowed: ['participant'], build: async (fx, db) => ({ url: `/api/me/applications/${(await participantDraft(fx, db)).application.id}` }) },
  { key: 'PUT /api/me/applications/{id}', allowed: ['participant'], build: async (fx, db) => ({ url: `/api/me/applications/${(await participantDraft(fx, db)).application.id}`, body: { position: 'Глава' } }) },
  {
    key: 'POST /api/me/applications/{id}/submit',
    allowed: ['participant'],
    build: async (fx, db) => {
      // The separate consent to the text in force (other fixtures may have published newer versions).
      const [current] = await db.select().from(consentDocuments).orderBy(desc(consentDocuments.publishedAt), desc(consentDocuments.version)).limit(1);
      await db.insert(consents).values({ personId: fx.people.pSam.id, documentVersion: current!.version });
      return { url: `/api/me/applications/${(await participantDraft(fx, db)).application.id}/submit` };
    },
  },
  {
    key: 'POST /api/me/applications/{id}/documents',
    allowed: ['participant'],
    build: async (fx, db) => ({ url: `/api/me/applications/${(await participantDraft(fx, db)).application.id}/documents?kind=diploma`, multipart: { fileName: 'diploma.pdf', bytes: SAMPLE_PDF } }),
  },
  {
    key: 'DELETE /api/me/applications/{id}/documents/{documentId}',
    allowed: ['participant'],
    build: async (fx, db) => {
      const { application } = await participantDraft(fx, db);
      const [document] = await db
        .insert(admissionDocuments)
        .values({ applicationId: application.id, kind: 'other', fileName: 'a.pdf', mediaType: 'application/pdf', sizeBytes: SAMPLE_PDF.length, sha256: 'x', content: SAMPLE_PDF })
        .returning();
      return { url: `/api/me/applications/${application.id}/documents/${document!.id}` };
    },
  },
  // campaign setup and ranking: staff of programme A
  { key: 'GET /api/admissions/campaigns', allowed: 'signed-in', build: async () => ({ url: '/api/admissions/campaigns' }) },
  {
    key: 'POST /api/admissions/campaigns',
    allowed: STAFF,
    build: async (fx) => ({
      url: '/api/admissions/campaigns',
      body: { intakeId: fx.a.intake.id, slug: `new-${uid()}`, titleRu: 'Набор', titleEn: 'Intake', opensAt: '2026-01-01T00:00:00Z', closesAt: '2026-02-01T00:00:00Z' },
    }),
  },
  { key: 'GET /api/admissions/campaigns/{id}', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}` }) },
  { key: 'PATCH /api/admissions/campaigns/{id}', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}`, body: { descriptionEn: 'Open' } }) },
  { key: 'GET /api/admissions/campaigns/{id}/quotas', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/quotas` }) },
  {
    key: 'PUT /api/admissions/campaigns/{id}/quotas',
    allowed: STAFF,
    build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/quotas`, body: { quotas: [{ regionCode: 'RU-IRK', nominationQuota: 5 }] } }),
  },
  { key: 'GET /api/admissions/campaigns/{id}/applications', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/applications` }) },
  // nomination: the coordinator of RU-SAM in programme A
  { key: 'GET /api/admissions/campaigns/{id}/nominations', allowed: ['coordinator'], build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/nominations` }) },
  {
    key: 'POST /api/admissions/campaigns/{id}/nominations',
    allowed: ['coordinator'],
    build: async (fx, db) => {
      const { application, campaignId } = await samApplication(fx, db, false);
      return { url: `/api/admissions/campaigns/${campaignId}/nominations`, body: { applicationId: application.id, comment: 'Сильный кандидат' } };
    },
  },
  {
    key: 'DELETE /api/admissions/campaigns/{id}/nominations/{applicationId}',
    allowed: ['coordinator'],
    build: async (fx, db) => {
      const { application, campaignId } = await samApplication(fx, db, true);
      return { url: `/api/admissions/campaigns/${campaignId}/nominations/${application.id}` };
    },
  },
  { key: 'GET /api/admissions/campaigns/{id}/ranking', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/ranking` }) },
  {
    key: 'POST /api/admissions/campaigns/{id}/ranking/preview',
    allowed: STAFF,
    build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/ranking/preview`, body: { config } }),
  },
  {
    key: 'POST /api/admissions/campaigns/{id}/ranking/what-if',
    allowed: STAFF,
    build: async (fx, db) => ({
      url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/ranking/what-if`,
      body: { current: config, proposed: { ...config, targetTotal: 1 } },
    }),
  },
  {
    key: 'POST /api/admissions/campaigns/{id}/ranking/commit',
    allowed: STAFF,
    build: async (fx, db) => {
      const { campaignId } = await samApplication(fx, db, true);
      return { url: `/api/admissions/campaigns/${campaignId}/ranking/commit`, body: { config, reason: 'Итоговое ранжирование' } };
    },
  },
  // decisions: staff of programme A
  { key: 'POST /api/admissions/campaigns/{id}/decisions/notify', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/decisions/notify` }) },
  { key: 'POST /api/admissions/campaigns/{id}/enrolment', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/enrolment` }) },
  {
    key: 'POST /api/admissions/campaigns/{id}/applications/{applicationId}/decline',
    allowed: STAFF,
    build: async (fx, db) => {
      const { application, campaignId } = await samApplication(fx, db, true);
      await db.update(admissionApplications).set({ status: 'admitted', decision: 'admitted' }).where(eq(admissionApplications.id, application.id));
      return { url: `/api/admissions/campaigns/${campaignId}/applications/${application.id}/decline` };
    },
  },
  // the online test: staff set it, the applicant sits it
  { key: 'GET /api/admissions/campaigns/{id}/test', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/test` }) },
  {
    key: 'PUT /api/admissions/campaigns/{id}/test',
    allowed: STAFF,
    build: async (fx, db) => ({
      url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/test`,
      body: {
        opensAt: '2026-01-01T00:00:00Z',
        closesAt: '2026-01-03T00:00:00Z',
        durationMinutes: 30,
        questions: [{ kind: 'single', textRu: 'Вопрос', textEn: 'Question', options: [{ key: 'a', textRu: 'Да', textEn: 'Yes' }, { key: 'b', textRu: 'Нет', textEn: 'No' }], correct: ['a'] }],
      },
    }),
  },
  { key: 'GET /api/me/applications/{id}/test', allowed: ['participant'], build: async (fx, db) => ({ url: `/api/me/applications/${(await participantTest(fx, db, false)).applicationId}/test` }) },
  { key: 'POST /api/me/applications/{id}/test/start', allowed: ['participant'], build: async (fx, db) => ({ url: `/api/me/applications/${(await participantTest(fx, db, false)).applicationId}/test/start` }) },
  {
    key: 'PUT /api/me/applications/{id}/test/answers/{questionId}',
    allowed: ['participant'],
    build: async (fx, db) => {
      const { applicationId, questionId } = await participantTest(fx, db, true);
      return { url: `/api/me/applications/${applicationId}/test/answers/${questionId}`, body: { answer: 1 } };
    },
  },
  // opening the open block again changes nothing; finishing the only block finishes the test
  { key: 'POST /api/me/applications/{id}/test/blocks/{block}/start', allowed: ['participant'], build: async (fx, db) => ({ url: `/api/me/applications/${(await participantTest(fx, db, true)).applicationId}/test/blocks/1/start` }) },
  { key: 'POST /api/me/applications/{id}/test/blocks/{block}/finish', allowed: ['participant'], build: async (fx, db) => ({ url: `/api/me/applications/${(await participantTest(fx, db, true)).applicationId}/test/blocks/1/finish` }) },
  { key: 'POST /api/me/applications/{id}/test/finish', allowed: ['participant'], build: async (fx, db) => ({ url: `/api/me/applications/${(await participantTest(fx, db, true)).applicationId}/test/finish` }) },
  // the expert stage: staff set it up and watch the workload; the expert scores blind
  { key: 'GET /api/admissions/campaigns/{id}/expert-stage', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${await expertStage(fx, db)}/expert-stage` }) },
  {
    key: 'PUT /api/admissions/campaigns/{id}/expert-stage',
    allowed: STAFF,
    build: async (fx, db) => ({
      url: `/api/admissions/campaigns/${await expertStage(fx, db)}/expert-stage`,
      body: { kind: 'essay', taskRu: 'Эссе', taskEn: 'Essay', rubric: RUBRIC, discrepancyThreshold: 20, dueAt: new Date(Date.now() + 30 * DAY).toISOString() },
    }),
  },
  {
    key: 'PUT /api/admissions/campaigns/{id}/expert-stage/experts',
    allowed: STAFF,
    build: async (fx, db) => ({ url: `/api/admissions/campaigns/${await expertStage(fx, db)}/expert-stage/experts`, body: { experts: [{ userId: fx.users.expert.id, regionCode: 'RU-MOW' }] } }),
  },
  { key: 'POST /api/admissions/campaigns/{id}/expert-stage/assign', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${await expertStage(fx, db)}/expert-stage/assign` }) },
  { key: 'GET /api/admissions/campaigns/{id}/expert-stage/workload', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${await expertStage(fx, db)}/expert-stage/workload` }) },
  { key: 'GET /api/me/reviews', allowed: 'signed-in', build: async () => ({ url: '/api/me/reviews' }) },
  { key: 'GET /api/me/reviews/{id}', allowed: ['expert'], build: async (fx, db) => ({ url: `/api/me/reviews/${await expertReview(fx, db)}` }) },
  { key: 'POST /api/me/reviews/{id}', allowed: ['expert'], build: async (fx, db) => ({ url: `/api/me/reviews/${await expertReview(fx, db)}`, body: { points: { vision: 7 } } }) },
  // interviews: staff set slots and book; the panel scores
  { key: 'GET /api/admissions/campaigns/{id}/interviews', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/interviews` }) },
  {
    key: 'POST /api/admissions/campaigns/{id}/interviews/slots',
    allowed: STAFF,
    build: async (fx, db) => ({
      url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/interviews/slots`,
      body: { startsAt: new Date(Date.now() + DAY).toISOString(), durationMinutes: 30, place: 'Ауд. 2', capacity: 3, panel: [fx.users.expert.id] },
    }),
  },
  {
    key: 'PUT /api/admissions/campaigns/{id}/interviews/slots/{slotId}/bookings',
    allowed: STAFF,
    build: async (fx, db) => {
      const { campaignId, slotId } = await interviewSlot(fx, db);
      const { application } = await samApplication(fx, db, true);
      return { url: `/api/admissions/campaigns/${campaignId}/interviews/slots/${slotId}/bookings`, body: { applicationId: application.id } };
    },
  },
  {
    key: 'PUT /api/admissions/campaigns/{id}/interviews/slots/{slotId}',
    allowed: STAFF,
    build: async (fx, db) => {
      const { campaignId, slotId } = await interviewSlot(fx, db);
      return {
        url: `/api/admissions/campaigns/${campaignId}/interviews/slots/${slotId}`,
        body: { startsAt: new Date(Date.now() + 2 * DAY).toISOString(), durationMinutes: 30, place: 'Ауд. 4', capacity: 5, panel: [fx.users.expert.id], isConfirmed: true },
      };
    },
  },
  {
    key: 'DELETE /api/admissions/campaigns/{id}/interviews/slots/{slotId}',
    allowed: STAFF,
    build: async (fx, db) => {
      const { campaignId, slotId } = await interviewSlot(fx, db);
      return { url: `/api/admissions/campaigns/${campaignId}/interviews/slots/${slotId}?confirmed=true` };
    },
  },
  {
    key: 'DELETE /api/admissions/campaigns/{id}/interviews/slots/{slotId}/bookings/{applicationId}',
    allowed: STAFF,
    build: async (fx, db) => {
      const { campaignId, slotId, applicationId } = await interviewSlot(fx, db);
      return { url: `/api/admissions/campaigns/${campaignId}/interviews/slots/${slotId}/bookings/${applicationId}` };
    },
  },
  { key: 'GET /api/admissions/campaigns/{id}/interviews/candidates', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/interviews/candidates?q=a` }) },
  { key: 'GET /api/me/applications/{id}/interview', allowed: ['participant'], build: async (fx, db) => ({ url: `/api/me/applications/${await participantInterview(fx, db)}/interview` }) },
  { key: 'GET /api/me/applications/{id}/interview.ics', allowed: ['participant'], build: async (fx, db) => ({ url: `/api/me/applications/${await participantInterview(fx, db)}/interview.ics` }) },
  { key: 'GET /api/me/interviews', allowed: 'signed-in', build: async () => ({ url: '/api/me/interviews' }) },
  {
    key: 'PUT /api/me/interviews/{slotId}/scores/{applicationId}',
    allowed: ['expert'],
    build: async (fx, db) => {
      const { slotId, applicationId } = await interviewSlot(fx, db);
      return { url: `/api/me/interviews/${slotId}/scores/${applicationId}`, body: { score: 70 } };
    },
  },
  // the funnel report: staff
  { key: 'GET /api/admissions/campaigns/{id}/funnel', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/funnel` }) },
  { key: 'GET /api/admissions/campaigns/{id}/funnel.xlsx', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/funnel.xlsx` }) },
  // one application's file and documents: staff, and the coordinator of the applicant's region (RU-SAM)
  {
    key: 'GET /api/admissions/campaigns/{id}/applications/{applicationId}',
    allowed: [...STAFF, 'coordinator'],
    build: async (fx, db) => {
      const { application, campaignId } = await samApplication(fx, db, true);
      return { url: `/api/admissions/campaigns/${campaignId}/applications/${application.id}` };
    },
  },
  {
    key: 'GET /api/admissions/campaigns/{id}/applications/{applicationId}/documents/{documentId}',
    allowed: [...STAFF, 'coordinator'],
    build: async (fx, db) => {
      const { application, campaignId } = await samApplication(fx, db, true);
      const [document] = await db
        .insert(admissionDocuments)
        .values({ applicationId: application.id, kind: 'diploma', fileName: 'diploma.pdf', mediaType: 'application/pdf', sizeBytes: SAMPLE_PDF.length, sha256: 'x', content: SAMPLE_PDF })
        .returning();
      return { url: `/api/admissions/campaigns/${campaignId}/applications/${application.id}/documents/${document!.id}` };
    },
  },
  {
    key: 'GET /api/admissions/campaigns/{id}/applications/{applicationId}/documents.zip',
    allowed: [...STAFF, 'coordinator'],
    build: async (fx, db) => {
      const { application, campaignId } = await samApplication(fx, db, true);
      await db.insert(admissionDocuments).values({ applicationId: application.id, kind: 'diploma', fileName: 'diploma.pdf', mediaType: 'application/pdf', sizeBytes: SAMPLE_PDF.length, sha256: 'x', content: SAMPLE_PDF });
      return { url: `/api/admissions/campaigns/${campaignId}/applications/${application.id}/documents.zip` };
    },
  },
  { key: 'POST /api/admissions/campaigns/{id}/test/score', allowed: STAFF, build: async (fx, db) => ({ url: `/api/admissions/campaigns/${(await admissionsFixture(fx, db)).campaignId}/test/score` }) },
];
