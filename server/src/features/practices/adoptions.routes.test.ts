import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { AdoptionPlan, Flows, KpiProgress } from '@ms/contracts/practices';
import { jobRuns, outbox } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp, signInWithRole } from '../../../test/app.ts';
import { buildAdoptionPlan, buildMunicipality, buildPerson, buildPractice, buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';

/** "Now" for these tests: 1 September 2025, noon in Moscow. */
const NOW = new Date('2025-09-01T09:00:00Z');

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let staff: TestAgent;
let participant: TestAgent;
let classmate: TestAgent;
let outsider: TestAgent;
let practiceId: string;
let municipalityId: string;
let classmatePersonId: string;

async function planBody(overrides: Record<string, unknown> = {}) {
  return {
    practiceId,
    municipalityId,
    ownerName: 'Заместитель главы по ЖКХ',
    summary: 'Запустить голосование за дворы к весне',
    committedOn: '2025-03-10',
    milestones: [{ title: 'Положение о народном бюджете', dueOn: '2025-04-30' }],
    kpis: [{ name: 'Благоустроенные дворы', unit: 'count', baseline: 4, baselineOn: '2025-03-01', target: 20, targetOn: '2026-03-01' }],
    ...overrides,
  };
}

beforeAll(async () => {
  t = await buildTestApp({ clock: { now: () => NOW } });
  tree = await buildProgrammeTree(t.db);
  const other = await buildProgrammeTree(t.db);
  const scope = { organisationId: tree.organisation.id, programmeId: tree.programme.id };
  staff = await signIn(t.app, (await buildUser(t.db, { grants: [{ role: 'staff', ...scope }] })).email, TEST_PASSWORD);
  const stream = tree.streams[0]!.id;
  const me = await buildPerson(t.db, { regionCode: 'RU-SAM', streamIds: [stream] });
  participant = await signIn(t.app, (await buildUser(t.db, { personId: me.id, grants: [{ role: 'participant', ...scope, streamId: stream }] })).email, TEST_PASSWORD);
  const mate = await buildPerson(t.db, { regionCode: 'RU-IRK', streamIds: [stream], email: 'mate@example.test' });
  classmatePersonId = mate.id;
  classmate = await signIn(t.app, (await buildUser(t.db, { personId: mate.id, grants: [{ role: 'participant', ...scope, streamId: stream }] })).email, TEST_PASSWORD);
  outsider = await signInWithRole(t, other, 'staff');
  practiceId = (await buildPractice(t.db, tree.programme.id)).id;
  municipalityId = (await buildMunicipality(t.db, 'RU-SAM', { name: 'Городской округ Сызрань' })).id;
});
afterAll(async () => t?.close());

describe('adoption plans', () => {
  it('commits a participant to a practice with check-ins due at +3, +6 and +12 months', async () => {
    const response = await participant.request({ method: 'POST', url: '/api/adoption-plans', payload: await planBody() });
    expect(response.statusCode, response.body).toBe(201);
    const plan = response.json() as AdoptionPlan;
    expect(plan.checkIns.map((c) => [c.monthsAfter, c.dueOn, c.state])).toEqual([
      [3, '2025-06-10', 'overdue'],
      [6, '2025-09-10', 'upcoming'],
      [12, '2026-03-10', 'upcoming'],
    ]);
    expect(plan).toMatchObject({ stage: 'idea', canEdit: true, overdueCheckIns: 1, nextCheckInDueOn: '2025-06-10', municipalityName: 'Городской округ Сызрань' });
    expect(plan.kpis[0]).toMatchObject({ unit: 'count', baseline: 4, target: 20, actual: null, progressPct: null });
    const mine = (await participant.request({ method: 'GET', url: '/api/me/adoption-plans' })).json() as { items: Array<{ id: string }> };
    expect(mine.items.map((i) => i.id)).toEqual([plan.id]);
  });

  it('refuses a KPI value of the wrong type or range for its unit, with a translated message naming the field', async () => {
    const asText = await participant.request({ method: 'POST', url: '/api/adoption-plans', payload: await planBody({ kpis: [{ name: 'Дворы', unit: 'count', baseline: 4, baselineOn: '2025-03-01', target: '20 шт.', targetOn: '2026-03-01' }] }) });
    expect(asText.statusCode).toBe(400);
    expect(asText.json().errors).toEqual([{ path: 'body.kpis.0.target', message: 'Ожидается number' }]);
    const fractional = await participant.request({ method: 'POST', url: '/api/adoption-plans', payload: await planBody({ kpis: [{ name: 'Дворы', unit: 'count', baseline: 4.5, baselineOn: '2025-03-01', target: 20, targetOn: '2026-03-01' }] }) });
    expect(fractional.statusCode).toBe(400);
    expect(fractional.json().errors).toEqual([{ path: 'body.kpis.0.baseline', message: 'Для единицы «count» значение должно быть целым числом' }]);
    const percent = await participant.request({
      method: 'POST',
      url: '/api/adoption-plans',
      payload: await planBody({ kpis: [{ name: 'Охват', unit: 'percent', baseline: 10, baselineOn: '2025-03-01', target: 140, targetOn: '2026-03-01' }] }),
    });
    expect(percent.json().errors[0]).toEqual({ path: 'body.kpis.0.target', message: 'Для единицы «percent» значение должно быть от 0 до 100' });
    const unit = await participant.request({ method: 'POST', url: '/api/adoption-plans', payload: await planBody({ kpis: [{ name: 'Охват', unit: 'parsecs', baseline: 1, baselineOn: '2025-03-01', target: 2, targetOn: '2026-03-01' }] }) });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().errors[0].path).toBe('body.kpis.0.unit');
  });

  it("answers 404 for someone else's plan, to read or to change; the programme's staff read it but may not change it", async () => {
    const { plan, checkIns } = await buildAdoptionPlan(t.db, { practiceId, personId: classmatePersonId, programmeId: tree.programme.id, municipalityId });
    for (const request of [
      { method: 'GET', url: `/api/adoption-plans/${plan.id}` },
      { method: 'PATCH', url: `/api/adoption-plans/${plan.id}`, payload: { stage: 'scaled' } },
      { method: 'POST', url: `/api/adoption-plans/${plan.id}/check-ins/${checkIns[0]!.id}`, payload: { stage: 'pilot' } },
    ]) {
      const response = await participant.request(request);
      expect(response.statusCode, request.method).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found' });
      expect((await outsider.request(request)).statusCode).toBe(404);
    }
    expect((await staff.request({ method: 'GET', url: `/api/adoption-plans/${plan.id}` })).json()).toMatchObject({ canEdit: false, adopterName: 'Иванова Мария Петровна' });
    expect((await staff.request({ method: 'PATCH', url: `/api/adoption-plans/${plan.id}`, payload: { stage: 'scaled' } })).statusCode).toBe(403);
    expect((await classmate.request({ method: 'PATCH', url: `/api/adoption-plans/${plan.id}`, payload: { stage: 'pilot', ownerName: '<b>Отдел</b>' } })).json()).toMatchObject({ stage: 'pilot', ownerName: '<b>Отдел</b>' });
  });

  it('records a check-in with KPI actuals, checked against their units, and shows the progress', async () => {
    const plan = (await participant.request({ method: 'POST', url: '/api/adoption-plans', payload: await planBody() })).json() as AdoptionPlan;
    const [first] = plan.checkIns;
    const kpiId = plan.kpis[0]!.id;
    const wrong = await participant.request({ method: 'POST', url: `/api/adoption-plans/${plan.id}/check-ins/${first!.id}`, payload: { stage: 'pilot', actuals: [{ kpiId, value: 7.5 }] } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.actuals.0.value');
    const response = await participant.request({ method: 'POST', url: `/api/adoption-plans/${plan.id}/check-ins/${first!.id}`, payload: { stage: 'pilot', note: 'Первые 8 дворов', actuals: [{ kpiId, value: 12, measuredOn: '2025-06-09' }] } });
    expect(response.statusCode, response.body).toBe(200);
    const updated = response.json() as AdoptionPlan;
    expect(updated.stage).toBe('pilot');
    expect(updated.checkIns[0]).toMatchObject({ state: 'done', stage: 'pilot', note: 'Первые 8 дворов', actuals: [{ kpiId, value: 12, measuredOn: '2025-06-09' }] });
    expect(updated.kpis[0]).toMatchObject({ actual: 12, actualOn: '2025-06-09', progressPct: 50 });
    expect(updated.overdueCheckIns).toBe(0);
    const progress = (await participant.request({ method: 'GET', url: `/api/practices/${practiceId}/kpi-progress` })).json() as KpiProgress;
    expect(progress.items.find((i) => i.planId === plan.id)).toMatchObject({ actual: 12, progressPct: 50, unit: 'count' });
  });
});

describe('overdue check-ins, reminders and flows', () => {
  it("lists overdue check-ins for the programme's staff, most overdue first; participants are refused", async () => {
    const response = await staff.request({ method: 'GET', url: `/api/adoption-check-ins/overdue?programmeId=${tree.programme.id}` });
    expect(response.statusCode).toBe(200);
    const page = response.json() as { items: Array<{ dueOn: string; daysOverdue: number; adopterEmail: string | null }>; total: number };
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.items[0]!.dueOn <= page.items[1]!.dueOn).toBe(true);
    expect(page.items.find((i) => i.adopterEmail === 'mate@example.test')).toMatchObject({ dueOn: '2025-04-15', daysOverdue: 139 });
    expect((await participant.request({ method: 'GET', url: `/api/adoption-check-ins/overdue?programmeId=${tree.programme.id}` })).statusCode).toBe(403);
    expect((await outsider.request({ method: 'GET', url: `/api/adoption-check-ins/overdue?programmeId=${tree.programme.id}` })).statusCode).toBe(404);
  });

  it('sends each reminder exactly once, however often (and however concurrently) the job runs', async () => {
    // Committed 5 June: the +3 check-in falls due on 5 September, within the week before it is announced.
    await buildAdoptionPlan(t.db, { practiceId, personId: classmatePersonId, programmeId: tree.programme.id, municipalityId, committedOn: '2025-06-05' });
    const run = async () => {
      const response = await staff.request({ method: 'POST', url: '/api/adoption-check-ins/reminders', payload: { programmeId: tree.programme.id } });
      expect(response.statusCode, response.body).toBe(202);
      return (response.json() as { runId: string }).runId;
    };
    const waitFor = async (runId: string) => {
      for (let i = 0; i < 100; i++) {
        const job = (await staff.request({ method: 'GET', url: `/api/jobs/${runId}` })).json() as { status: string; result: Record<string, number> | null };
        if (job.status === 'succeeded' || job.status === 'failed') return job;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('reminder job did not finish');
    };
    const first = await Promise.all([run(), run()]);
    const results = await Promise.all(first.map(waitFor));
    expect(results.every((r) => r.status === 'succeeded')).toBe(true);
    const again = await waitFor(await run());
    expect(again.result).toEqual({ due: 0, overdue: 0 });
    const mails = await t.db.select().from(outbox).where(like(outbox.kind, 'practice-reminder-%'));
    const keys = mails.map((m) => `${m.kind}:${(m.meta as { checkInId: string }).checkInId}`);
    expect(new Set(keys).size).toBe(keys.length);
    const due = mails.filter((m) => m.kind === 'practice-reminder-due');
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ toAddress: 'mate@example.test' });
    expect(due[0]!.subject).toContain('Народный бюджет дворовых территорий');
    expect(due[0]!.textBody).toContain('/me/adoptions/');
    expect(mails.filter((m) => m.kind === 'practice-reminder-overdue').length).toBeGreaterThanOrEqual(2);
    expect(await t.db.select().from(outbox).where(eq(outbox.toAddress, 'nobody@example.test'))).toEqual([]);
  });

  it('schedules the reminders daily at 09:00 Moscow time, and a tick of the schedule reminds each check-in once', async () => {
    const schedules = await t.db.execute<{ cron: string; timezone: string; data: unknown }>(sql`select cron, timezone, data from pgboss.schedule where name = 'practice-reminders'`);
    expect(schedules.rows).toEqual([{ cron: '0 9 * * *', timezone: 'Europe/Moscow', data: { scheduledInput: { programmeId: null } } }]);
    // Due 6 September: announced by the next tick. A tick is what pg-boss's clock sends: the schedule's data.
    const { checkIns } = await buildAdoptionPlan(t.db, { practiceId, personId: classmatePersonId, programmeId: tree.programme.id, municipalityId, committedOn: '2025-06-06' });
    const boss = new PgBoss({ connectionString: t.url, supervise: false, schedule: false, migrate: false });
    await boss.start();
    const tick = async () => {
      const jobId = (await boss.send('practice-reminders', { scheduledInput: { programmeId: null } }))!;
      for (let i = 0; i < 100; i++) {
        const [run] = await t.db.select().from(jobRuns).where(eq(jobRuns.id, jobId));
        if (run?.status === 'succeeded') return run.result;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('scheduled tick did not finish');
    };
    try {
      expect(await tick()).toEqual({ due: 1, overdue: 0 });
      expect(await tick()).toEqual({ due: 0, overdue: 0 });
    } finally {
      await boss.stop({ graceful: false });
    }
    const mails = await t.db.select().from(outbox).where(like(outbox.kind, 'practice-reminder-due'));
    expect(mails.filter((m) => (m.meta as { checkInId: string }).checkInId === checkIns[0]!.id)).toHaveLength(1);
  });

  it("draws the programme's flows from origin regions to adopting municipalities, with coverage of all 30 areas", async () => {
    const response = await participant.request({ method: 'GET', url: `/api/practices/flows?programmeId=${tree.programme.id}` });
    expect(response.statusCode).toBe(200);
    const flows = response.json() as Flows;
    expect(flows.flows[0]).toMatchObject({ originRegionCode: 'RU-KLU', municipalityName: 'Городской округ Сызрань', regionCode: 'RU-SAM' });
    expect(flows.coverage).toHaveLength(30);
    expect(flows.coverage.find((c) => c.area === 'urban')!.plans).toBe(flows.totals.plans);
    expect(flows.topPractices[0]).toMatchObject({ id: practiceId, municipalities: 1 });
    expect(flows.regions.find((r) => r.regionCode === 'RU-KLU')).toMatchObject({ practices: 1, outgoing: flows.totals.plans });
    expect(flows.totals).toMatchObject({ municipalities: 1, regions: 1 });
    expect(flows.flowsTotal).toBe(flows.flows.length);
    // A selected region: only flows from or into it (the totals stay the programme's).
    const into = (await participant.request({ method: 'GET', url: `/api/practices/flows?programmeId=${tree.programme.id}&region=RU-SAM` })).json() as Flows;
    expect(into.flows.map((f) => f.regionCode)).toEqual(['RU-SAM']);
    const elsewhere = (await participant.request({ method: 'GET', url: `/api/practices/flows?programmeId=${tree.programme.id}&region=RU-MOW` })).json() as Flows;
    expect(elsewhere).toMatchObject({ flows: [], flowsTotal: 0, totals: flows.totals });
    expect((await outsider.request({ method: 'GET', url: `/api/practices/flows?programmeId=${tree.programme.id}` })).statusCode).toBe(404);
  });
});
