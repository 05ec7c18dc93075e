import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildTestApp, signInWithRole, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildCampaign, buildSubmittedApplication } from '../../../test/admissions.ts';
import { buildProgrammeTree } from '../../../test/factories.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let staff: TestAgent;
let otherStaff: TestAgent;
let expert: TestAgent;
let campaignId: string;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildProgrammeTree(t.db);
  const other = await buildProgrammeTree(t.db);
  staff = await signInWithRole(t, tree, 'staff');
  otherStaff = await signInWithRole(t, other, 'staff');
  expert = await signInWithRole(t, tree, 'expert');
  campaignId = (await buildCampaign(t.db, tree.intake.id, { hasNominationGate: true })).id;
  const nominated = { status: 'nominated', nominatedAt: new Date() };
  // Samara (Volga): one ineligible, one eligible only, one through every stage and admitted.
  await buildSubmittedApplication(t.db, campaignId, 'RU-SAM', { isEligible: false });
  await buildSubmittedApplication(t.db, campaignId, 'RU-SAM');
  await buildSubmittedApplication(t.db, campaignId, 'RU-SAM', { ...nominated, testScore: 80, expertScore: 70, interviewScore: 75, decision: 'admitted', status: 'admitted' });
  // Moscow (Central): nominated, failed the test at a pass mark of 60.
  await buildSubmittedApplication(t.db, campaignId, 'RU-MOW', { ...nominated, testScore: 40 });
  // A draft does not count.
  await buildSubmittedApplication(t.db, campaignId, 'RU-MOW', { status: 'draft', submittedAt: null });
});
afterAll(async () => t?.close());

describe('funnel report', () => {
  it('counts each stage by region and federal district, the test by its pass mark', async () => {
    const response = await staff.request({ method: 'GET', url: `/api/admissions/campaigns/${campaignId}/funnel?testPassMark=60` });
    expect(response.statusCode).toBe(200);
    const funnel = response.json();
    expect(funnel.total).toEqual({ applications: 4, eligible: 3, nominated: 2, testPassed: 1, expertScored: 1, interviewed: 1, admitted: 1 });
    expect(funnel.byRegion).toEqual([
      { regionCode: 'RU-MOW', applications: 1, eligible: 1, nominated: 1, testPassed: 0, expertScored: 0, interviewed: 0, admitted: 0 },
      { regionCode: 'RU-SAM', applications: 3, eligible: 2, nominated: 1, testPassed: 1, expertScored: 1, interviewed: 1, admitted: 1 },
    ]);
    expect(funnel.byDistrict.map((d: { district: string; applications: number }) => [d.district, d.applications])).toEqual([
      ['CFD', 1],
      ['VFD', 3],
    ]);
    const anyTest = (await staff.request({ method: 'GET', url: `/api/admissions/campaigns/${campaignId}/funnel` })).json();
    expect(anyTest.total.testPassed).toBe(2);
  });

  it('exports the funnel as an XLSX workbook in the reader’s language', async () => {
    const response = await staff.request({ method: 'GET', url: `/api/admissions/campaigns/${campaignId}/funnel.xlsx` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('По регионам');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Регион', 'Заявки', 'Соответствуют требованиям', 'Номинированы', 'Прошли тест', 'Экспертная оценка', 'Собеседование', 'Приняты']);
    expect(sheet.getRow(3).values).toEqual([undefined, 'RU-SAM', 3, 2, 1, 1, 1, 1, 1]);
    expect(book.worksheets[1]!.name).toBe('По федеральным округам');
  });

  it('answers 404 to staff of another programme and to experts, and refuses a bad pass mark', async () => {
    for (const agent of [otherStaff, expert]) {
      expect((await agent.request({ method: 'GET', url: `/api/admissions/campaigns/${campaignId}/funnel` })).statusCode).toBe(404);
      expect((await agent.request({ method: 'GET', url: `/api/admissions/campaigns/${campaignId}/funnel.xlsx` })).statusCode).toBe(404);
    }
    const bad = await staff.request({ method: 'GET', url: `/api/admissions/campaigns/${campaignId}/funnel?testPassMark=101` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.testPassMark');
  });
});
