import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  admissionDocuments,
  admissionExpertReviews,
  admissionExpertStages,
  admissionInterviewBookings,
  admissionInterviewPanel,
  admissionInterviewScores,
  admissionInterviewSlots,
  admissionTestAttempts,
  auditLog,
  people,
} from '../../db/schema/index.ts';
import { anonymousAgent, buildTestApp, signInNewUser, signInWithRole, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildCampaign, buildSubmittedApplication, SAMPLE_PDF, SAMPLE_PNG } from '../../../test/admissions.ts';
import { buildMunicipality, buildProgrammeTree } from '../../../test/factories.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let staff: TestAgent;
let otherStaff: TestAgent;
let samaraCoordinator: { id: string; agent: TestAgent };
let moscowCoordinator: TestAgent;
let scorer: { id: string; agent: TestAgent };
let participant: TestAgent;
let campaignId: string;
let applicationId: string;
let pdfId: string;
let pngId: string;
let url: string;

const HOSTILE_NAME = 'Диплом "магистра"\r\nX-Evil: 1; filename=evil.exe';
const RUBRIC = [
  { key: 'vision', titleRu: 'Видение', titleEn: 'Vision', weight: 3, maxPoints: 10 },
  { key: 'realism', titleRu: 'Реалистичность', titleEn: 'Realism', weight: 1, maxPoints: 5 },
];

const userWith = (grant: { role: 'coordinator' | 'expert'; regionCode?: string }, displayName = 'Тестовый Пользователь') =>
  signInNewUser(t, tree, grant.role, { regionCode: grant.regionCode, displayName });

async function addDocument(appId: string, fileName: string, content: Buffer, mediaType: string, kind = 'diploma') {
  const [row] = await t.db
    .insert(admissionDocuments)
    .values({ applicationId: appId, kind, fileName, mediaType, sizeBytes: content.length, sha256: crypto.createHash('sha256').update(content).digest('hex'), content })
    .returning();
  return row!.id;
}

/** A Samara application with every stage filled: nomination, test, two expert scorings, an interview, a decision, two documents. */
async function buildFullApplication() {
  const municipality = await buildMunicipality(t.db, 'RU-SAM', { name: 'Городской округ Сызрань' });
  const { application } = await buildSubmittedApplication(t.db, campaignId, 'RU-SAM', {
    municipalityId: municipality.id,
    education: 'master',
    managementYears: 7,
    serviceKind: 'municipal',
    serviceYears: 9,
    position: 'Заместитель главы администрации',
    motivation: 'Хочу, чтобы в Сызрани появились новые общественные пространства.',
    answers: { languages: 'английский', hasCar: true },
    eligibilityReasons: [{ key: 'eligible' }],
    nominatedAt: new Date('2030-01-10T09:00:00Z'),
    nominatedBy: samaraCoordinator.id,
    nominationComment: 'Сильный управленец',
    status: 'nominated',
    testScore: 80,
    expertScore: 75,
    interviewScore: 90,
    compositeScore: 81.5,
    rankPosition: 3,
    decision: 'admitted',
    decisionReason: 'merit',
    decidedAt: new Date('2030-02-01T09:00:00Z'),
  });
  await t.db.insert(admissionTestAttempts).values({ applicationId: application.id, questionOrder: [], startedAt: new Date('2030-01-15T09:00:00Z'), deadlineAt: new Date('2030-01-15T09:20:00Z'), finishedAt: new Date('2030-01-15T09:12:00Z'), score: 80 });
  await t.db.insert(admissionExpertStages).values({ campaignId, rubric: RUBRIC, dueAt: new Date('2030-01-30T00:00:00Z') });
  const second = await userWith({ role: 'expert' }, 'Эксперт Второй');
  await t.db.insert(admissionExpertReviews).values([
    { campaignId, applicationId: application.id, expertUserId: scorer.id, round: 1, assignedAt: new Date('2030-01-20T00:00:00Z'), dueAt: new Date('2030-01-30T00:00:00Z'), points: { vision: 8, realism: 4 }, total: 80, comment: 'Убедительно', submittedAt: new Date('2030-01-21T00:00:00Z') },
    { campaignId, applicationId: application.id, expertUserId: second.id, round: 2, assignedAt: new Date('2030-01-20T00:00:00Z'), dueAt: new Date('2030-01-30T00:00:00Z'), points: { vision: 7, realism: 3 }, total: 70, submittedAt: new Date('2030-01-22T00:00:00Z') },
  ]);
  const [slot] = await t.db.insert(admissionInterviewSlots).values({ campaignId, startsAt: new Date('2030-01-25T07:00:00Z'), durationMinutes: 30, place: 'Москва, пр. Вернадского, 82', capacity: 4 }).returning();
  await t.db.insert(admissionInterviewPanel).values({ slotId: slot!.id, userId: scorer.id });
  await t.db.insert(admissionInterviewBookings).values({ applicationId: application.id, slotId: slot!.id, bookedAt: new Date('2030-01-23T00:00:00Z') });
  await t.db.insert(admissionInterviewScores).values({ applicationId: application.id, expertUserId: scorer.id, score: 90, comment: 'Отлично', scoredAt: new Date('2030-01-25T08:00:00Z') });
  return application;
}

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildProgrammeTree(t.db);
  const other = await buildProgrammeTree(t.db);
  staff = await signInWithRole(t, tree, 'staff');
  otherStaff = await signInWithRole(t, other, 'staff');
  participant = await signInWithRole(t, tree, 'participant');
  samaraCoordinator = await userWith({ role: 'coordinator', regionCode: 'RU-SAM' }, 'Координатор Самарский');
  moscowCoordinator = (await userWith({ role: 'coordinator', regionCode: 'RU-MOW' })).agent;
  scorer = await userWith({ role: 'expert' }, 'Эксперт Первый');
  campaignId = (await buildCampaign(t.db, tree.intake.id)).id;
  applicationId = (await buildFullApplication()).id;
  pdfId = await addDocument(applicationId, 'Диплом о высшем образовании.pdf', SAMPLE_PDF, 'application/pdf');
  pngId = await addDocument(applicationId, HOSTILE_NAME, SAMPLE_PNG, 'image/png', 'other');
  url = `/api/admissions/campaigns/${campaignId}/applications/${applicationId}`;
});
afterAll(async () => t?.close());

const audits = (action: string, entityId: string) => t.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

describe('the staff view of one application', () => {
  it('gives staff every section, the assessors by name, and records the read', async () => {
    const response = await staff.request({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const body = response.json();
    expect(body.applicant).toMatchObject({ fullName: 'Иванова Мария Петровна', regionCode: 'RU-SAM', regionNameRu: 'Самарская область', municipalityName: 'Городской округ Сызрань', position: 'Заместитель главы администрации', birthDate: '1980-05-05' });
    expect(body.applicant.email).toMatch(/@example\.test$/);
    expect(body.answers).toMatchObject({ education: 'master', managementYears: 7, serviceKind: 'municipal', serviceYears: 9, custom: [{ key: 'hasCar', value: 'true' }, { key: 'languages', value: 'английский' }] });
    expect(body.answers.motivation).toContain('Сызрани');
    expect(body.eligibility).toEqual({ isEligible: true, reasons: [{ key: 'eligible' }] });
    expect(body.nomination).toEqual({ nominatedAt: '2030-01-10T09:00:00.000Z', nominatedByName: 'Координатор Самарский', comment: 'Сильный управленец' });
    expect(body.test).toMatchObject({ score: 80, attempt: { finishedAt: '2030-01-15T09:12:00.000Z', score: 80, answered: 0 } });
    expect(body.canSeeAssessors).toBe(true);
    expect(body.expert.rubric).toEqual(RUBRIC);
    expect(body.expert.reviews.map((r: { round: number; expertName: string; total: number }) => [r.round, r.expertName, r.total])).toEqual([
      [1, 'Эксперт Первый', 80],
      [2, 'Эксперт Второй', 70],
    ]);
    expect(body.interview).toMatchObject({ score: 90, slot: { place: 'Москва, пр. Вернадского, 82', panel: ['Эксперт Первый'], panelSize: 1 }, scores: [{ expertName: 'Эксперт Первый', score: 90 }] });
    expect(body.ranking).toMatchObject({ compositeScore: 81.5, rankPosition: 3, decision: 'admitted', decisionReason: 'merit' });
    expect(body.documents.map((d: { id: string; kind: string; mediaType: string }) => [d.id, d.kind, d.mediaType])).toEqual([
      [pdfId, 'diploma', 'application/pdf'],
      [pngId, 'other', 'image/png'],
    ]);
    // The allow-list: nothing internal leaves (no bytes, hashes, person ids).
    expect(JSON.stringify(body)).not.toMatch(/sha256|personId|content"/);
    const [audit] = await audits('admission.application_read', applicationId);
    expect(audit).toMatchObject({ entity: 'admission_application', details: { campaignId, view: 'staff' } });
  });

  it('gives a coordinator of the applicant’s region the file without naming experts or the panel', async () => {
    const response = await samaraCoordinator.agent.request({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.canSeeAssessors).toBe(false);
    expect(body.applicant.fullName).toBe('Иванова Мария Петровна');
    expect(body.expert.reviews.map((r: { expertName: string | null; total: number }) => [r.expertName, r.total])).toEqual([
      [null, 80],
      [null, 70],
    ]);
    expect(body.interview.slot).toMatchObject({ panel: [], panelSize: 1 });
    expect(body.interview.scores[0].expertName).toBeNull();
    expect(JSON.stringify(body)).not.toContain('Эксперт');
    expect((await audits('admission.application_read', applicationId)).some((a) => a.actorUserId === samaraCoordinator.id && (a.details as { view: string }).view === 'coordinator')).toBe(true);
  });

  it('answers 404 to a coordinator of another region, an expert (even one who scored it), a participant and other programmes’ staff', async () => {
    for (const agent of [moscowCoordinator, scorer.agent, participant, otherStaff]) {
      expect((await agent.request({ method: 'GET', url })).statusCode).toBe(404);
      expect((await agent.request({ method: 'GET', url: `${url}/documents/${pdfId}` })).statusCode).toBe(404);
      expect((await agent.request({ method: 'GET', url: `${url}/documents.zip` })).statusCode).toBe(404);
    }
  });

  it('asks an anonymous visitor to sign in', async () => {
    expect((await anonymousAgent(t.app).request({ method: 'GET', url })).statusCode).toBe(401);
    expect((await anonymousAgent(t.app).request({ method: 'GET', url: `${url}/documents/${pdfId}` })).statusCode).toBe(401);
  });

  it('keeps a draft from the region’s coordinator but shows it to staff', async () => {
    const { application: draft } = await buildSubmittedApplication(t.db, campaignId, 'RU-SAM', { status: 'draft', submittedAt: null, isEligible: null });
    const draftUrl = `/api/admissions/campaigns/${campaignId}/applications/${draft.id}`;
    expect((await samaraCoordinator.agent.request({ method: 'GET', url: draftUrl })).statusCode).toBe(404);
    const response = await staff.request({ method: 'GET', url: draftUrl });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'draft', nomination: null, test: { score: null, attempt: null }, interview: { slot: null, scores: [] }, documents: [] });
  });

  it('answers 404 for unknown ids and for an application or document reached through the wrong parent', async () => {
    const otherCampaign = await buildCampaign(t.db, tree.intake.id);
    const { application: elsewhere } = await buildSubmittedApplication(t.db, otherCampaign.id, 'RU-SAM');
    const foreignDoc = await addDocument(elsewhere.id, 'чужой.pdf', SAMPLE_PDF, 'application/pdf');
    const unknown = crypto.randomUUID();
    for (const path of [
      `/api/admissions/campaigns/${campaignId}/applications/${unknown}`,
      `/api/admissions/campaigns/${unknown}/applications/${applicationId}`,
      `/api/admissions/campaigns/${campaignId}/applications/${elsewhere.id}`,
      `${url}/documents/${unknown}`,
      `${url}/documents/${foreignDoc}`,
      `/api/admissions/campaigns/${otherCampaign.id}/applications/${elsewhere.id}/documents/${pdfId}`,
    ]) {
      const response = await staff.request({ method: 'GET', url: path });
      expect(response.statusCode, path).toBe(404);
      expect(response.json().code).toBe('not_found');
    }
    expect((await staff.request({ method: 'GET', url: `${url}/documents/not-a-uuid` })).statusCode).toBe(400);
  });
});

describe('document downloads', () => {
  it('streams the stored bytes as an attachment with a Cyrillic filename*, the detected type, nosniff and no caching, and records the download', async () => {
    const response = await staff.request({ method: 'GET', url: `${url}/documents/${pdfId}` });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(SAMPLE_PDF)).toBe(true);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('Диплом о высшем образовании.pdf');
    const [audit] = await audits('admission.document_download', pdfId);
    expect(audit).toMatchObject({ entity: 'admission_document', details: { applicationId, campaignId, view: 'staff', sha256: crypto.createHash('sha256').update(SAMPLE_PDF).digest('hex') } });
  });

  it('keeps a hostile file name inside the header: no quotes, line breaks or second filename', async () => {
    const response = await samaraCoordinator.agent.request({ method: 'GET', url: `${url}/documents/${pngId}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['x-evil']).toBeUndefined();
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).not.toMatch(/[\r\n]/);
    const [, fallback] = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(\S+)$/.exec(disposition) ?? [];
    expect(fallback).toBeDefined();
    expect(fallback).not.toMatch(/[";\\]/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('Диплом магистраX-Evil: 1; filename=evil.exe');
    expect(response.rawPayload.equals(SAMPLE_PNG)).toBe(true);
    expect((await audits('admission.document_download', pngId))[0]).toMatchObject({ actorUserId: samaraCoordinator.id, details: { view: 'coordinator' } });
  });

  it('sends every document of the application in one ZIP named after the applicant', async () => {
    const response = await staff.request({ method: 'GET', url: `${url}/documents.zip` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(decodeURIComponent(String(response.headers['content-disposition']).split("UTF-8''")[1]!)).toBe('Иванова Мария Петровна.zip');
    const zip = response.rawPayload;
    expect(zip.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(true);
    // Stored, not compressed: each document's bytes and its UTF-8 name are in the archive as they are.
    expect(zip.includes(SAMPLE_PDF)).toBe(true);
    expect(zip.includes(SAMPLE_PNG)).toBe(true);
    expect(zip.includes(Buffer.from('Диплом о высшем образовании.pdf'))).toBe(true);
    expect((await audits('admission.documents_zip', applicationId))[0]).toMatchObject({ details: { documents: [pdfId, pngId] } });
  });

  it('answers 404 for the ZIP of an application without documents', async () => {
    const { application } = await buildSubmittedApplication(t.db, campaignId, 'RU-SAM');
    expect((await staff.request({ method: 'GET', url: `/api/admissions/campaigns/${campaignId}/applications/${application.id}/documents.zip` })).statusCode).toBe(404);
  });

  it('never sends a stored type it does not accept as itself', async () => {
    const odd = await addDocument(applicationId, 'page.html', Buffer.from('<script>alert(1)</script>'), 'text/html');
    const response = await staff.request({ method: 'GET', url: `${url}/documents/${odd}` });
    expect(response.headers['content-type']).toBe('application/octet-stream');
    await t.db.delete(admissionDocuments).where(eq(admissionDocuments.id, odd));
  });
});

describe('the staff list of applications', () => {
  it('finds applications by part of the name or the e-mail, taking LIKE wildcards literally', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id);
    await buildSubmittedApplication(t.db, campaign.id, 'RU-SAM');
    const { person } = await buildSubmittedApplication(t.db, campaign.id, 'RU-MOW');
    await t.db.update(people).set({ lastName: 'Щукин', firstName: 'Ян', middleName: null, email: 'yan_100%@example.test' }).where(eq(people.id, person.id));
    const list = (q: string) => staff.request({ method: 'GET', url: `/api/admissions/campaigns/${campaign.id}/applications?q=${encodeURIComponent(q)}` }).then((r) => r.json());
    expect((await list('щукин ян')).items.map((a: { fullName: string }) => a.fullName)).toEqual(['Щукин Ян']);
    expect((await list('100%@')).total).toBe(1);
    expect((await list('%')).total).toBe(1);
    expect((await list('_')).total).toBe(1);
    expect((await staff.request({ method: 'GET', url: `/api/admissions/campaigns/${campaign.id}/applications` })).json().total).toBe(2);
  });
});
