import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { admissionApplications, auditLog } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildCampaign, buildSubmittedApplication } from '../../../test/admissions.ts';
import { buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let other: Awaited<ReturnType<typeof buildProgrammeTree>>;
let staff: TestAgent;
let otherStaff: TestAgent;
let coordinator: TestAgent;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildProgrammeTree(t.db);
  other = await buildProgrammeTree(t.db);
  const staffUser = await buildUser(t.db, { grants: [{ role: 'staff', organisationId: tree.organisation.id, programmeId: tree.programme.id }] });
  const otherUser = await buildUser(t.db, { grants: [{ role: 'staff', organisationId: other.organisation.id, programmeId: other.programme.id }] });
  const coordinatorUser = await buildUser(t.db, {
    grants: [{ role: 'coordinator', organisationId: tree.organisation.id, programmeId: tree.programme.id, regionCode: 'RU-SAM' }],
  });
  staff = await signIn(t.app, staffUser.email, TEST_PASSWORD);
  otherStaff = await signIn(t.app, otherUser.email, TEST_PASSWORD);
  coordinator = await signIn(t.app, coordinatorUser.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

const campaignBody = () => ({
  intakeId: tree.intake.id,
  slug: `mayors-${Date.now()}`,
  titleRu: 'Школа мэров — набор',
  titleEn: 'School of Mayors — intake',
  opensAt: '2026-01-10T00:00:00Z',
  closesAt: '2026-03-01T00:00:00Z',
  rules: { minAge: 26, maxAge: 60, ageReferenceDate: '2026-10-01', minEducation: 'bachelor', minManagementYears: 2, requiresService: true },
  form: { fields: ['education', 'motivation', 'documents'], required: ['motivation'] },
  hasNominationGate: true,
  defaultNominationQuota: 2,
});

describe('campaign setup', () => {
  it('creates and edits a campaign with its form and rules, with an audit trail', async () => {
    const created = await staff.request({ method: 'POST', url: '/api/admissions/campaigns', payload: campaignBody() });
    expect(created.statusCode).toBe(201);
    const campaign = created.json();
    expect(campaign).toMatchObject({ isPublished: false, isOpen: false, rules: { minAge: 26, minServiceYears: null }, form: { required: ['motivation'], motivationMaxLength: 4000 } });
    const edited = await staff.request({ method: 'PATCH', url: `/api/admissions/campaigns/${campaign.id}`, payload: { isPublished: true, rules: { ...campaign.rules, maxAge: 55 } } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ isPublished: true, rules: { maxAge: 55 } });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, campaign.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['admission_campaign.create', 'admission_campaign.update']);
    const list = await staff.request({ method: 'GET', url: `/api/admissions/campaigns?intakeId=${tree.intake.id}` });
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(campaign.id);
  });

  it('refuses bad campaign input naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ ...campaignBody(), closesAt: '2026-01-01T00:00:00Z' }, 'body.closesAt'],
      [{ ...campaignBody(), slug: 'Bad Slug!' }, 'body.slug'],
      [{ ...campaignBody(), rules: { minAge: 60, maxAge: 30 } }, 'body.rules.maxAge'],
      [{ ...campaignBody(), rules: { minEducation: 'kindergarten' } }, 'body.rules.minEducation'],
      [{ ...campaignBody(), titleRu: '<script>\u0000' }, 'body.titleRu'],
      [{ ...campaignBody(), defaultNominationQuota: 'many' }, 'body.defaultNominationQuota'],
      [{ ...campaignBody(), intakeId: other.intake.id }, 'body.intakeId'],
    ];
    for (const [payload, path] of cases) {
      const response = await staff.request({ method: 'POST', url: '/api/admissions/campaigns', payload });
      expect(response.statusCode, path).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path), path).toContain(path);
    }
  });

  it('refuses a taken slug with 409', async () => {
    const body = campaignBody();
    await staff.request({ method: 'POST', url: '/api/admissions/campaigns', payload: body });
    const again = await staff.request({ method: 'POST', url: '/api/admissions/campaigns', payload: body });
    expect(again.statusCode).toBe(409);
  });

  it("answers 404 to staff of another programme, for the campaign and everything under it", async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id);
    for (const url of [`/api/admissions/campaigns/${campaign.id}`, `/api/admissions/campaigns/${campaign.id}/applications`, `/api/admissions/campaigns/${campaign.id}/ranking`]) {
      expect((await otherStaff.request({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    const list = await otherStaff.request({ method: 'GET', url: '/api/admissions/campaigns' });
    expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(campaign.id);
  });

  it('sets regional quotas and refuses unknown or repeated regions', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const url = `/api/admissions/campaigns/${campaign.id}/quotas`;
    const ok = await staff.request({ method: 'PUT', url, payload: { quotas: [{ regionCode: 'ru-sam', nominationQuota: 3 }] } });
    expect(ok.json()).toEqual({ items: [{ regionCode: 'RU-SAM', nominationQuota: 3 }] });
    expect((await staff.request({ method: 'PUT', url, payload: { quotas: [{ regionCode: 'RU-ZZZ', nominationQuota: 3 }] } })).statusCode).toBe(400);
    const repeated = { quotas: [{ regionCode: 'RU-SAM', nominationQuota: 1 }, { regionCode: 'RU-SAM', nominationQuota: 2 }] };
    expect((await staff.request({ method: 'PUT', url, payload: repeated })).statusCode).toBe(400);
  });
});

describe('regional nomination gate', () => {
  it('shows the coordinator only eligible applicants of their regions', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id, { hasNominationGate: true, defaultNominationQuota: 2 });
    const sam = await buildSubmittedApplication(t.db, campaign.id, 'RU-SAM');
    await buildSubmittedApplication(t.db, campaign.id, 'RU-IRK');
    await buildSubmittedApplication(t.db, campaign.id, 'RU-SAM', { isEligible: false });
    const board = await coordinator.request({ method: 'GET', url: `/api/admissions/campaigns/${campaign.id}/nominations` });
    expect(board.statusCode).toBe(200);
    expect(board.json().regions).toEqual([{ regionCode: 'RU-SAM', quota: 2, used: 0 }]);
    expect(board.json().candidates.map((c: { applicationId: string }) => c.applicationId)).toEqual([sam.application.id]);
  });

  it('nominates up to the quota with a comment and refuses the one over it', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id, { hasNominationGate: true, defaultNominationQuota: 2 });
    const apps = [];
    for (let i = 0; i < 3; i += 1) apps.push((await buildSubmittedApplication(t.db, campaign.id, 'RU-SAM')).application);
    const url = `/api/admissions/campaigns/${campaign.id}/nominations`;
    for (const application of apps.slice(0, 2)) {
      const response = await coordinator.request({ method: 'POST', url, payload: { applicationId: application.id, comment: 'Рекомендую' } });
      expect(response.statusCode).toBe(200);
    }
    const over = await coordinator.request({ method: 'POST', url, payload: { applicationId: apps[2]!.id, comment: 'Ещё один' } });
    expect(over.statusCode).toBe(409);
    expect(over.json().errors[0].message).toBe('Квота номинаций региона RU-SAM исчерпана (2)');
    const nominated = await t.db.select().from(admissionApplications).where(and(eq(admissionApplications.campaignId, campaign.id), eq(admissionApplications.status, 'nominated')));
    expect(nominated).toHaveLength(2);
    expect(nominated[0]!.nominationComment).toBe('Рекомендую');
    // Taking one back frees the place.
    await coordinator.request({ method: 'DELETE', url: `${url}/${apps[0]!.id}` });
    expect((await coordinator.request({ method: 'POST', url, payload: { applicationId: apps[2]!.id, comment: 'Теперь можно' } })).statusCode).toBe(200);
  });

  it('never lets simultaneous nominations overshoot the quota', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id, { hasNominationGate: true, defaultNominationQuota: 1 });
    const apps = await Promise.all([0, 1, 2, 3].map(() => buildSubmittedApplication(t.db, campaign.id, 'RU-SAM')));
    const url = `/api/admissions/campaigns/${campaign.id}/nominations`;
    const responses = await Promise.all(apps.map(({ application }) => coordinator.request({ method: 'POST', url, payload: { applicationId: application.id, comment: 'Да' } })));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
  });

  it("answers 404 for another region's applicant and refuses an ineligible one and an empty comment", async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id, { hasNominationGate: true, defaultNominationQuota: 5 });
    const irk = await buildSubmittedApplication(t.db, campaign.id, 'RU-IRK');
    const ineligible = await buildSubmittedApplication(t.db, campaign.id, 'RU-SAM', { isEligible: false });
    const sam = await buildSubmittedApplication(t.db, campaign.id, 'RU-SAM');
    const url = `/api/admissions/campaigns/${campaign.id}/nominations`;
    expect((await coordinator.request({ method: 'POST', url, payload: { applicationId: irk.application.id, comment: 'x' } })).statusCode).toBe(404);
    expect((await coordinator.request({ method: 'POST', url, payload: { applicationId: ineligible.application.id, comment: 'x' } })).statusCode).toBe(409);
    expect((await coordinator.request({ method: 'POST', url, payload: { applicationId: sam.application.id, comment: '' } })).statusCode).toBe(400);
    expect((await coordinator.request({ method: 'POST', url, payload: { applicationId: 'not-a-uuid', comment: 'x' } })).statusCode).toBe(400);
  });

  it('answers 404 to a coordinator of another programme and 409 when the campaign has no gate', async () => {
    const foreign = await buildCampaign(t.db, other.intake.id, { hasNominationGate: true });
    expect((await coordinator.request({ method: 'GET', url: `/api/admissions/campaigns/${foreign.id}/nominations` })).statusCode).toBe(404);
    const open = await buildCampaign(t.db, tree.intake.id, { hasNominationGate: false });
    expect((await coordinator.request({ method: 'GET', url: `/api/admissions/campaigns/${open.id}/nominations` })).statusCode).toBe(409);
  });
});

describe('ranking', () => {
  const config = { weights: { test: 2, expert: 1, interview: 0 }, targetTotal: 3, reserveSize: 1 };

  async function rankedCampaign() {
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const scores: Array<[string, number]> = [['RU-MOW', 95], ['RU-MOW', 90], ['RU-MOW', 85], ['RU-SAM', 60], ['RU-IRK', 40]];
    const apps = [];
    for (const [region, score] of scores) apps.push((await buildSubmittedApplication(t.db, campaign.id, region, { testScore: score, expertScore: score })).application);
    return { campaign, apps };
  }

  it('previews without writing anything', async () => {
    const { campaign } = await rankedCampaign();
    const response = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/ranking/preview`, payload: { config } });
    expect(response.statusCode).toBe(200);
    expect(response.json().summary).toMatchObject({ candidates: 5, admitted: 3, reserve: 1, rejected: 1 });
    expect(response.json().admitted.map((c: { regionCode: string }) => c.regionCode)).toEqual(['RU-MOW', 'RU-MOW', 'RU-MOW']);
    const decided = await t.db.select().from(admissionApplications).where(eq(admissionApplications.campaignId, campaign.id));
    expect(decided.every((a) => a.decision === null)).toBe(true);
  });

  it('shows who moves in and out when a cap is added', async () => {
    const { campaign, apps } = await rankedCampaign();
    const response = await staff.request({
      method: 'POST',
      url: `/api/admissions/campaigns/${campaign.id}/ranking/what-if`,
      payload: { current: config, proposed: { ...config, caps: { 'RU-MOW': 2 } } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().movedIn.map((c: { applicationId: string }) => c.applicationId)).toEqual([apps[3]!.id]);
    expect(response.json().movedOut).toMatchObject([{ applicationId: apps[2]!.id, outcome: 'rejected', reason: 'cap_reached' }]);
  });

  it('commits decisions with reasons, statuses the applicants follow, and an audit entry', async () => {
    const { campaign, apps } = await rankedCampaign();
    const url = `/api/admissions/campaigns/${campaign.id}/ranking`;
    const committed = await staff.request({ method: 'POST', url: `${url}/commit`, payload: { config: { ...config, floors: { 'RU-IRK': 1 } }, reason: 'Решение комиссии, протокол №1' } });
    expect(committed.statusCode).toBe(200);
    const rows = await t.db.select().from(admissionApplications).where(eq(admissionApplications.campaignId, campaign.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(apps[4]!.id)).toMatchObject({ status: 'admitted', decisionReason: 'floor' });
    expect(byId.get(apps[2]!.id)).toMatchObject({ status: 'reserve', decisionReason: 'reserve' });
    expect(byId.get(apps[3]!.id)).toMatchObject({ status: 'rejected', decisionReason: 'outside_target' });
    const state = await staff.request({ method: 'GET', url });
    expect(state.json()).toMatchObject({ config: { targetTotal: 3, floors: { 'RU-IRK': 1 } }, runs: [{ reason: 'Решение комиссии, протокол №1', summary: { admitted: 3 } }] });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'admission.ranking_commit'), eq(auditLog.entityId, campaign.id)));
    expect(audit).toHaveLength(1);
  });

  it('refuses bad configurations, a missing reason and an empty pool', async () => {
    const { campaign } = await rankedCampaign();
    const url = `/api/admissions/campaigns/${campaign.id}/ranking`;
    for (const bad of [{ ...config, targetTotal: 0 }, { ...config, weights: { test: -1, expert: 1, interview: 0 } }, { ...config, caps: { 'RU-MOW': 'two' } }, { ...config, extra: 1 }]) {
      expect((await staff.request({ method: 'POST', url: `${url}/preview`, payload: { config: bad } })).statusCode).toBe(400);
    }
    expect((await staff.request({ method: 'POST', url: `${url}/commit`, payload: { config, reason: '' } })).statusCode).toBe(400);
    const empty = await buildCampaign(t.db, tree.intake.id);
    expect((await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${empty.id}/ranking/commit`, payload: { config, reason: 'Итог' } })).statusCode).toBe(409);
  });

  it('ranks only nominees when the campaign has the gate', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id, { hasNominationGate: true });
    await buildSubmittedApplication(t.db, campaign.id, 'RU-SAM', { testScore: 99 });
    const nominee = await buildSubmittedApplication(t.db, campaign.id, 'RU-SAM', { testScore: 10, status: 'nominated', nominatedAt: new Date() });
    const response = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/ranking/preview`, payload: { config } });
    expect(response.json().admitted.map((c: { applicationId: string }) => c.applicationId)).toEqual([nominee.application.id]);
  });
});
