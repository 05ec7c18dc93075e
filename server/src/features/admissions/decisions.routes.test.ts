import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { admissionApplications, enrolments, jobRuns, outbox, users } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildCampaign, buildSubmittedApplication } from '../../../test/admissions.ts';
import { buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { balanceIntoStreams } from './decisions.service.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let staff: TestAgent;
beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildProgrammeTree(t.db);
  const user = await buildUser(t.db, { grants: [{ role: 'staff', organisationId: tree.organisation.id, programmeId: tree.programme.id }] });
  staff = await signIn(t.app, user.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

const config = { weights: { test: 1, expert: 0, interview: 0 }, targetTotal: 4, reserveSize: 2, caps: { 'RU-MOW': 2 } };

/** Six applicants, committed: four admitted (two from Moscow, its cap), two on the reserve list. */
async function committedCampaign() {
  const campaign = await buildCampaign(t.db, tree.intake.id);
  const plan: Array<[string, number, string]> = [
    ['RU-MOW', 99, '1980-01-01'],
    ['RU-MOW', 98, '1990-01-01'],
    ['RU-SAM', 97, '1975-01-01'],
    ['RU-IRK', 96, '1985-01-01'],
    ['RU-MOW', 95, '1982-01-01'],
    ['RU-KLU', 94, '1983-01-01'],
    ['RU-PER', 93, '1984-01-01'],
  ];
  const apps = [];
  for (const [region, score, birthDate] of plan) apps.push((await buildSubmittedApplication(t.db, campaign.id, region, { testScore: score, birthDate })).application);
  const committed = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/ranking/commit`, payload: { config, reason: 'Протокол' } });
  expect(committed.statusCode).toBe(200);
  return { campaign, apps };
}

describe('balanceIntoStreams', () => {
  it('deals region by region and by age, so stream sizes differ by at most one', () => {
    const people = ['RU-MOW', 'RU-MOW', 'RU-SAM', 'RU-SAM', 'RU-IRK'].map((regionCode, i) => ({ id: `p${i}`, regionCode, birthDate: `198${i}-01-01` }));
    const placed = balanceIntoStreams(people, ['s3', 's4']);
    expect(placed.filter((p) => p.streamId === 's3')).toHaveLength(3);
    expect(new Set(placed.filter((p) => p.regionCode === 'RU-MOW').map((p) => p.streamId))).toEqual(new Set(['s3', 's4']));
  });
});

describe('decisions', () => {
  it('pulls the next reserve candidate whose region is under its cap when an admitted applicant declines', async () => {
    const { campaign, apps } = await committedCampaign();
    // The reserve list is [RU-KLU 94, RU-PER 93]: Moscow's third (95) is blocked by the cap.
    const response = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/applications/${apps[2]!.id}/decline` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ promotedApplicationId: apps[5]!.id });
    const [declined] = await t.db.select().from(admissionApplications).where(eq(admissionApplications.id, apps[2]!.id));
    expect(declined).toMatchObject({ status: 'withdrawn', decision: 'declined' });
    const again = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/applications/${apps[2]!.id}/decline` });
    expect(again.statusCode).toBe(409);
    const foreign = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/applications/00000000-0000-4000-8000-000000000000/decline` });
    expect(foreign.statusCode).toBe(404);
  });

  it('enrols the admitted into the intake streams and refuses a new ranking afterwards', async () => {
    const { campaign, apps } = await committedCampaign();
    const response = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/enrolment` });
    expect(response.json()).toEqual({ enrolled: 4 });
    const rows = await t.db.select().from(enrolments).where(inArray(enrolments.personId, apps.slice(0, 4).map((a) => a.personId)));
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.streamId)).size).toBe(2);
    const again = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/enrolment` });
    expect(again.json()).toEqual({ enrolled: 0 });
    const rerank = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/ranking/commit`, payload: { config, reason: 'Ещё раз' } });
    expect(rerank.statusCode).toBe(409);
  });

  it('mails every decision once, in the applicant’s language, as a background job', async () => {
    const { campaign, apps } = await committedCampaign();
    const english = await buildUser(t.db, { locale: 'en', personId: apps[0]!.personId });
    await t.db.update(admissionApplications).set({ userId: english.id }).where(eq(admissionApplications.id, apps[0]!.id));
    const response = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/decisions/notify` });
    expect(response.statusCode).toBe(202);
    const { jobId } = response.json() as { jobId: string };
    await expect.poll(async () => (await t.db.select().from(jobRuns).where(eq(jobRuns.id, jobId)))[0]?.status, { timeout: 20_000 }).toBe('succeeded');
    const letters = await t.db.select().from(outbox).where(and(eq(outbox.kind, 'admission_decision')));
    const mine = letters.filter((l) => apps.some((a) => (l.meta as { applicationId?: string }).applicationId === a.id));
    expect(mine).toHaveLength(7);
    const [person] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, english.id));
    expect(person).toBeTruthy();
    const englishLetter = mine.find((l) => (l.meta as { applicationId: string }).applicationId === apps[0]!.id)!;
    expect(englishLetter.subject).toContain('Decision on your application');
    // A second run finds nobody left to notify.
    const second = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/decisions/notify` });
    const secondId = (second.json() as { jobId: string }).jobId;
    await expect.poll(async () => (await t.db.select().from(jobRuns).where(eq(jobRuns.id, secondId)))[0]?.status, { timeout: 20_000 }).toBe('succeeded');
    const after = (await t.db.select().from(outbox).where(eq(outbox.kind, 'admission_decision'))).filter((l) => apps.some((a) => (l.meta as { applicationId?: string }).applicationId === a.id));
    expect(after).toHaveLength(7);
  });
});
