import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { admissionApplications } from '../../db/schema/index.ts';
import { buildTestApp, signInNewUser, signInWithRole, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildCampaign, buildSubmittedApplication } from '../../../test/admissions.ts';
import { buildProgrammeTree } from '../../../test/factories.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let staff: TestAgent;
let otherStaff: TestAgent;
let panelA: { id: string; agent: TestAgent };
let panelB: { id: string; agent: TestAgent };
let outsider: { id: string; agent: TestAgent };

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildProgrammeTree(t.db);
  const other = await buildProgrammeTree(t.db);
  staff = await signInWithRole(t, tree, 'staff');
  otherStaff = await signInWithRole(t, other, 'staff');
  panelA = await signInNewUser(t, tree, 'expert');
  panelB = await signInNewUser(t, tree, 'expert');
  outsider = await signInNewUser(t, other, 'expert');
});
afterAll(async () => t?.close());

const slotBody = () => ({ startsAt: '2030-03-01T07:00:00Z', durationMinutes: 30, onlineUrl: 'https://meet.example.test/room-1', capacity: 2, panel: [panelA.id, panelB.id] });

async function campaignWithSlot() {
  const campaign = await buildCampaign(t.db, tree.intake.id);
  const created = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/interviews/slots`, payload: slotBody() });
  expect(created.statusCode).toBe(200);
  return { campaign, slot: created.json().slots[0] as { id: string } };
}

describe('interviews', () => {
  it('books candidates into a slot within its capacity, and the panel’s mean becomes the interview score', async () => {
    const { campaign, slot } = await campaignWithSlot();
    const apps = await Promise.all(['RU-SAM', 'RU-MOW', 'RU-PER'].map(async (r) => (await buildSubmittedApplication(t.db, campaign.id, r)).application));
    const url = `/api/admissions/campaigns/${campaign.id}/interviews/slots/${slot.id}/bookings`;
    for (const app of apps.slice(0, 2)) expect((await staff.request({ method: 'PUT', url, payload: { applicationId: app.id } })).statusCode).toBe(200);
    const full = await staff.request({ method: 'PUT', url, payload: { applicationId: apps[2]!.id } });
    expect(full.statusCode).toBe(409);
    expect(full.json().errors[0].message).toBe('В этом слоте нет свободных мест');
    // Re-booking the same candidate does not count twice.
    expect((await staff.request({ method: 'PUT', url, payload: { applicationId: apps[0]!.id } })).statusCode).toBe(200);

    const mine = (await panelA.agent.request({ method: 'GET', url: '/api/me/interviews' })).json();
    expect(mine.slots).toHaveLength(1);
    expect(mine.slots[0]).toMatchObject({ onlineUrl: 'https://meet.example.test/room-1', capacity: 2 });
    expect(mine.slots[0].candidates).toHaveLength(2);
    const scoreUrl = `/api/me/interviews/${slot.id}/scores/${apps[0]!.id}`;
    expect((await panelA.agent.request({ method: 'PUT', url: scoreUrl, payload: { score: 80, comment: 'Убедительно' } })).statusCode).toBe(200);
    expect((await panelB.agent.request({ method: 'PUT', url: scoreUrl, payload: { score: 65 } })).statusCode).toBe(200);
    // The last score of a member counts.
    const again = await panelA.agent.request({ method: 'PUT', url: scoreUrl, payload: { score: 90 } });
    expect(again.json().slots[0].candidates.find((c: { applicationId: string }) => c.applicationId === apps[0]!.id).myScore).toBe(90);
    const [row] = await t.db.select().from(admissionApplications).where(eq(admissionApplications.id, apps[0]!.id));
    expect(row!.interviewScore).toBe(77.5);
    const board = (await staff.request({ method: 'GET', url: `/api/admissions/campaigns/${campaign.id}/interviews` })).json();
    expect(board.slots[0].candidates.find((c: { applicationId: string }) => c.applicationId === apps[0]!.id)).toMatchObject({ scores: 2, interviewScore: 77.5 });
  });

  it('refuses a slot without a place or link, a panel member who is not the programme’s expert, and bad input', async () => {
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const url = `/api/admissions/campaigns/${campaign.id}/interviews/slots`;
    const cases: Array<[object, string]> = [
      [{ ...slotBody(), onlineUrl: undefined }, 'body.place'],
      [{ ...slotBody(), panel: [outsider.id] }, 'body.panel.0'],
      [{ ...slotBody(), onlineUrl: 'javascript:alert(1)' }, 'body.onlineUrl'],
      [{ ...slotBody(), capacity: 0 }, 'body.capacity'],
      [{ ...slotBody(), startsAt: 'soon' }, 'body.startsAt'],
      [{ ...slotBody(), panel: [] }, 'body.panel'],
    ];
    for (const [payload, path] of cases) {
      const response = await staff.request({ method: 'POST', url, payload });
      expect(response.statusCode, path).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path), path).toContain(path);
    }
  });

  it('answers 404 for foreign campaigns, slots and applications, and for scoring outside one’s panel', async () => {
    const { campaign, slot } = await campaignWithSlot();
    const { campaign: otherCampaign } = await campaignWithSlot();
    const { application } = await buildSubmittedApplication(t.db, campaign.id, 'RU-SAM');
    const { application: foreign } = await buildSubmittedApplication(t.db, otherCampaign.id, 'RU-SAM');
    const bookUrl = `/api/admissions/campaigns/${campaign.id}/interviews/slots/${slot.id}/bookings`;
    expect((await otherStaff.request({ method: 'GET', url: `/api/admissions/campaigns/${campaign.id}/interviews` })).statusCode).toBe(404);
    expect((await otherStaff.request({ method: 'PUT', url: bookUrl, payload: { applicationId: application.id } })).statusCode).toBe(404);
    expect((await panelA.agent.request({ method: 'GET', url: `/api/admissions/campaigns/${campaign.id}/interviews` })).statusCode).toBe(404);
    expect((await staff.request({ method: 'PUT', url: bookUrl, payload: { applicationId: foreign.id } })).statusCode).toBe(404);
    expect((await staff.request({ method: 'PUT', url: `/api/admissions/campaigns/${otherCampaign.id}/interviews/slots/${slot.id}/bookings`, payload: { applicationId: foreign.id } })).statusCode).toBe(404);
    await staff.request({ method: 'PUT', url: bookUrl, payload: { applicationId: application.id } });
    const scoreUrl = `/api/me/interviews/${slot.id}/scores/${application.id}`;
    expect((await outsider.agent.request({ method: 'PUT', url: scoreUrl, payload: { score: 50 } })).statusCode).toBe(404);
    expect((await staff.request({ method: 'PUT', url: scoreUrl, payload: { score: 50 } })).statusCode).toBe(404);
    expect((await panelA.agent.request({ method: 'PUT', url: `/api/me/interviews/${slot.id}/scores/${foreign.id}`, payload: { score: 50 } })).statusCode).toBe(404);
    const outOfRange = await panelA.agent.request({ method: 'PUT', url: scoreUrl, payload: { score: 101 } });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().errors[0].path).toBe('body.score');
    expect(outOfRange.json().errors[0].message).not.toMatch(/Too big|expected/i);
  });

  it('refuses to book an ineligible candidate', async () => {
    const { campaign, slot } = await campaignWithSlot();
    const { application } = await buildSubmittedApplication(t.db, campaign.id, 'RU-SAM', { isEligible: false });
    const response = await staff.request({ method: 'PUT', url: `/api/admissions/campaigns/${campaign.id}/interviews/slots/${slot.id}/bookings`, payload: { applicationId: application.id } });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors[0].message).toBe('Кандидат не допущен к собеседованию');
  });
});
