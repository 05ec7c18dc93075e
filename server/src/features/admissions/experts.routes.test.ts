import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { admissionApplications, admissionExpertReviews, auditLog } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp, signInWithRole } from '../../../test/app.ts';
import { buildCampaign, buildSubmittedApplication } from '../../../test/admissions.ts';
import { buildPerson, buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let staff: TestAgent;
let otherStaff: TestAgent;
let participant: TestAgent;
const experts: Record<'mow' | 'sam' | 'per', { id: string; agent: TestAgent }> = {} as never;
let noRegionExpertId: string;

const rubric = [
  { key: 'vision', titleRu: 'Видение', titleEn: 'Vision', weight: 3, maxPoints: 10 },
  { key: 'realism', titleRu: 'Реалистичность', titleEn: 'Realism', weight: 1, maxPoints: 5 },
];
const stageBody = { kind: 'essay', taskRu: 'Эссе о развитии города', taskEn: 'An essay on the town', rubric, discrepancyThreshold: 20, dueAt: '2030-01-01T00:00:00Z' };

async function expertUser(regionCode: string | null) {
  const person = await buildPerson(t.db, { regionCode });
  return buildUser(t.db, { personId: person.id, grants: [{ role: 'expert', organisationId: tree.organisation.id, programmeId: tree.programme.id }] });
}

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildProgrammeTree(t.db);
  const other = await buildProgrammeTree(t.db);
  staff = await signInWithRole(t, tree, 'staff');
  otherStaff = await signInWithRole(t, other, 'staff');
  participant = await signInWithRole(t, tree, 'participant');
  for (const [key, region] of [['mow', 'RU-MOW'], ['sam', 'RU-SAM'], ['per', null]] as const) {
    const user = await expertUser(region);
    experts[key] = { id: user.id, agent: await signIn(t.app, user.email, TEST_PASSWORD) };
  }
  noRegionExpertId = (await expertUser(null)).id;
});
afterAll(async () => t?.close());

/** A campaign with the stage, the pool (Moscow, Samara, Perm given explicitly) and the given applications. */
async function setUpStage(regions: string[]) {
  const campaign = await buildCampaign(t.db, tree.intake.id);
  const apps = [];
  for (const region of regions) {
    apps.push((await buildSubmittedApplication(t.db, campaign.id, region, { motivation: 'Моё эссе о развитии муниципалитета', position: 'Глава города Энска', education: 'master', managementYears: 5 })).application);
  }
  expect((await staff.request({ method: 'PUT', url: `/api/admissions/campaigns/${campaign.id}/expert-stage`, payload: stageBody })).statusCode).toBe(200);
  const pool = await staff.request({
    method: 'PUT',
    url: `/api/admissions/campaigns/${campaign.id}/expert-stage/experts`,
    payload: { experts: [{ userId: experts.mow.id }, { userId: experts.sam.id }, { userId: experts.per.id, regionCode: 'RU-PER' }] },
  });
  expect(pool.statusCode).toBe(200);
  return { campaign, apps };
}

const reviewsOf = (applicationId: string) => t.db.select().from(admissionExpertReviews).where(eq(admissionExpertReviews.applicationId, applicationId));
const agentOf = (userId: string) => Object.values(experts).find((e) => e.id === userId)!.agent;

describe('expert stage setup', () => {
  it('keeps the rubric and the pool, taking an expert’s region from their person record unless given', async () => {
    const { campaign } = await setUpStage([]);
    const stage = (await staff.request({ method: 'GET', url: `/api/admissions/campaigns/${campaign.id}/expert-stage` })).json();
    expect(stage.stage).toMatchObject({ kind: 'essay', discrepancyThreshold: 20, rubric });
    expect(Object.fromEntries(stage.experts.map((e: { userId: string; regionCode: string }) => [e.userId, e.regionCode]))).toEqual({
      [experts.mow.id]: 'RU-MOW',
      [experts.sam.id]: 'RU-SAM',
      [experts.per.id]: 'RU-PER',
    });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, campaign.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['admission.set_expert_stage', 'admission.set_experts']));
  });

  it('refuses an expert without a known region, a non-expert, duplicate criteria and bad rubric input, naming the field', async () => {
    const { campaign } = await setUpStage([]);
    const url = `/api/admissions/campaigns/${campaign.id}/expert-stage`;
    const noRegion = await staff.request({ method: 'PUT', url: `${url}/experts`, payload: { experts: [{ userId: noRegionExpertId }] } });
    expect(noRegion.statusCode).toBe(400);
    expect(noRegion.json().errors[0]).toMatchObject({ path: 'body.experts.0.regionCode', message: 'Укажите регион эксперта: в его карточке региона нет' });
    const participantUser = await buildUser(t.db);
    const notExpert = await staff.request({ method: 'PUT', url: `${url}/experts`, payload: { experts: [{ userId: participantUser.id, regionCode: 'RU-MOW' }] } });
    expect(notExpert.json().errors[0].path).toBe('body.experts.0.userId');
    const cases: Array<[object, string]> = [
      [{ ...stageBody, rubric: [rubric[0], rubric[0]] }, 'body.rubric'],
      [{ ...stageBody, rubric: [{ ...rubric[0], weight: 0 }] }, 'body.rubric.0.weight'],
      [{ ...stageBody, rubric: [] }, 'body.rubric'],
      [{ ...stageBody, discrepancyThreshold: 101 }, 'body.discrepancyThreshold'],
      [{ ...stageBody, dueAt: 'tomorrow' }, 'body.dueAt'],
    ];
    for (const [payload, path] of cases) {
      const response = await staff.request({ method: 'PUT', url, payload });
      expect(response.statusCode, path).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path), path).toContain(path);
    }
  });

  it('answers 404 to staff of another programme and to non-staff, like an unknown campaign', async () => {
    const { campaign } = await setUpStage([]);
    for (const agent of [otherStaff, participant, experts.mow.agent]) {
      for (const suffix of ['', '/workload']) {
        expect((await agent.request({ method: 'GET', url: `/api/admissions/campaigns/${campaign.id}/expert-stage${suffix}` })).statusCode).toBe(404);
      }
      expect((await agent.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/expert-stage/assign` })).statusCode).toBe(404);
    }
    expect((await staff.request({ method: 'GET', url: `/api/admissions/campaigns/${crypto.randomUUID()}/expert-stage` })).statusCode).toBe(404);
  });
});

describe('blind double scoring', () => {
  it('gives each application two experts, never from the applicant’s region, and assigns nothing twice', async () => {
    const { campaign, apps } = await setUpStage(['RU-SAM', 'RU-MOW', 'RU-PER', 'RU-IRK']);
    const assigned = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/expert-stage/assign` });
    expect(assigned.json()).toEqual({ assigned: 8, unassignable: 0 });
    const regionOf: Record<string, string> = { [experts.mow.id]: 'RU-MOW', [experts.sam.id]: 'RU-SAM', [experts.per.id]: 'RU-PER' };
    for (const app of apps) {
      const reviews = await reviewsOf(app.id);
      expect(reviews).toHaveLength(2);
      expect(reviews.map((r) => regionOf[r.expertUserId])).not.toContain(app.regionCode);
    }
    const again = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/expert-stage/assign` });
    expect(again.json()).toEqual({ assigned: 0, unassignable: 0 });
  });

  it('shows the expert the essay but never the applicant’s name, region, position or contacts', async () => {
    const { campaign, apps } = await setUpStage(['RU-SAM']);
    const person = await t.db.select().from(admissionApplications).where(eq(admissionApplications.id, apps[0]!.id));
    await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/expert-stage/assign` });
    const queue = await experts.mow.agent.request({ method: 'GET', url: '/api/me/reviews' });
    expect(queue.statusCode).toBe(200);
    const [review] = (await reviewsOf(apps[0]!.id)).filter((r) => r.expertUserId === experts.mow.id);
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(review!.id);
    const single = await experts.mow.agent.request({ method: 'GET', url: `/api/me/reviews/${review!.id}` });
    for (const body of [queue.body, single.body]) {
      for (const secret of ['Иванова', 'Мария', 'RU-SAM', 'Глава города Энска', '@example.test', person[0]!.personId, apps[0]!.id]) expect(body).not.toContain(secret);
    }
    expect(single.json()).toMatchObject({ education: 'master', managementYears: 5, rubric, essay: 'Моё эссе о развитии муниципалитета' });
  });

  it('answers 404 for a review that is not the expert’s own or does not exist, and refuses bad points with translated messages', async () => {
    const { campaign, apps } = await setUpStage(['RU-SAM']);
    await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/expert-stage/assign` });
    const [review] = (await reviewsOf(apps[0]!.id)).filter((r) => r.expertUserId === experts.mow.id);
    const url = `/api/me/reviews/${review!.id}`;
    expect((await experts.sam.agent.request({ method: 'GET', url })).statusCode).toBe(404);
    expect((await experts.sam.agent.request({ method: 'POST', url, payload: { points: { vision: 5, realism: 5 } } })).statusCode).toBe(404);
    expect((await staff.request({ method: 'POST', url, payload: { points: { vision: 5, realism: 5 } } })).statusCode).toBe(404);
    expect((await experts.mow.agent.request({ method: 'GET', url: `/api/me/reviews/${crypto.randomUUID()}` })).statusCode).toBe(404);
    const over = await experts.mow.agent.request({ method: 'POST', url, payload: { points: { vision: 11, realism: 5 } } });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors).toEqual([{ path: 'body.points.vision', message: 'Не больше 10 баллов' }]);
    const cases: Array<[object, string]> = [
      [{ points: { vision: 5 } }, 'body.points.realism'],
      [{ points: { vision: 5, realism: 5, charm: 1 } }, 'body.points.charm'],
      [{ points: { vision: -1, realism: 5 } }, 'body.points.vision'],
      [{ points: { vision: 2.5, realism: 5 } }, 'body.points.vision'],
      [{ points: { vision: 'ten', realism: 5 } }, 'body.points.vision'],
    ];
    for (const [payload, path] of cases) {
      const response = await experts.mow.agent.request({ method: 'POST', url, payload });
      expect(response.statusCode, path).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path), path).toContain(path);
    }
    expect((await reviewsOf(apps[0]!.id)).every((r) => r.submittedAt === null)).toBe(true);
  });

  it('averages two close scorings into the expert score and refuses a second submit', async () => {
    const { campaign, apps } = await setUpStage(['RU-SAM']);
    await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/expert-stage/assign` });
    const reviews = await reviewsOf(apps[0]!.id);
    // 3·8/10 + 1·4/5 over 4 = 80; 3·7/10 + 1·4/5 over 4 = 72.5
    const first = await agentOf(reviews[0]!.expertUserId).request({ method: 'POST', url: `/api/me/reviews/${reviews[0]!.id}`, payload: { points: { vision: 8, realism: 4 }, comment: 'Ясно' } });
    expect(first.json()).toMatchObject({ total: 80, points: { vision: 8, realism: 4 } });
    const [halfway] = await t.db.select().from(admissionApplications).where(eq(admissionApplications.id, apps[0]!.id));
    expect(halfway!.expertScore).toBeNull();
    await agentOf(reviews[1]!.expertUserId).request({ method: 'POST', url: `/api/me/reviews/${reviews[1]!.id}`, payload: { points: { vision: 7, realism: 4 } } });
    const [done] = await t.db.select().from(admissionApplications).where(eq(admissionApplications.id, apps[0]!.id));
    expect(done!.expertScore).toBe(76.25);
    expect(await reviewsOf(apps[0]!.id)).toHaveLength(2);
    const again = await agentOf(reviews[0]!.expertUserId).request({ method: 'POST', url: `/api/me/reviews/${reviews[0]!.id}`, payload: { points: { vision: 1, realism: 1 } } });
    expect(again.statusCode).toBe(409);
  });

  it('assigns a third scoring when the two differ by more than the threshold, then drops the outlier', async () => {
    const { campaign, apps } = await setUpStage(['RU-IRK']);
    await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/expert-stage/assign` });
    const [a, b] = await reviewsOf(apps[0]!.id);
    await agentOf(a!.expertUserId).request({ method: 'POST', url: `/api/me/reviews/${a!.id}`, payload: { points: { vision: 10, realism: 5 } } });
    await agentOf(b!.expertUserId).request({ method: 'POST', url: `/api/me/reviews/${b!.id}`, payload: { points: { vision: 2, realism: 1 } } });
    const reviews = await reviewsOf(apps[0]!.id);
    expect(reviews).toHaveLength(3);
    const third = reviews.find((r) => r.round === 3)!;
    expect([a!.expertUserId, b!.expertUserId]).not.toContain(third.expertUserId);
    const [pending] = await t.db.select().from(admissionApplications).where(eq(admissionApplications.id, apps[0]!.id));
    expect(pending!.expertScore).toBeNull();
    const workload = (await staff.request({ method: 'GET', url: `/api/admissions/campaigns/${campaign.id}/expert-stage/workload` })).json();
    expect(workload.thirdScorings).toBe(1);
    expect(workload.items.reduce((s: number, i: { assigned: number }) => s + i.assigned, 0)).toBe(3);
    expect(workload.items.reduce((s: number, i: { done: number }) => s + i.done, 0)).toBe(2);
    // 100 and 20 disagree; the third, 90, sides with 100: the result is their mean, 95.
    await agentOf(third.expertUserId).request({ method: 'POST', url: `/api/me/reviews/${third.id}`, payload: { points: { vision: 9, realism: 4 } } });
    const [done] = await t.db.select().from(admissionApplications).where(eq(admissionApplications.id, apps[0]!.id));
    const thirdTotal = (await reviewsOf(apps[0]!.id)).find((r) => r.round === 3)!.total!;
    expect(done!.expertScore).toBe(Math.round(((100 + thirdTotal) / 2) * 100) / 100);
  });

  it('counts overdue scorings in the workload view', async () => {
    const { campaign } = await setUpStage(['RU-SAM']);
    await staff.request({ method: 'PUT', url: `/api/admissions/campaigns/${campaign.id}/expert-stage`, payload: { ...stageBody, dueAt: '2020-01-01T00:00:00Z' } });
    await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/expert-stage/assign` });
    const workload = (await staff.request({ method: 'GET', url: `/api/admissions/campaigns/${campaign.id}/expert-stage/workload` })).json();
    expect(workload.items).toHaveLength(3);
    expect(workload.items.reduce((s: number, i: { overdue: number }) => s + i.overdue, 0)).toBe(2);
    expect(workload.items.find((i: { userId: string }) => i.userId === experts.sam.id)).toMatchObject({ assigned: 0, done: 0, overdue: 0 });
  });
});
