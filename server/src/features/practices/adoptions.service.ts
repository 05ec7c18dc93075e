import { CHECK_IN_MONTHS, type AdoptionPlan, type CreateAdoptionPlanBody, type KpiInput, type RecordCheckInBody, type UpdateAdoptionPlanBody } from '@ms/contracts/practices';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound, type FieldProblem } from '../../lib/errors.ts';
import { localDate } from '../schedule/geo.ts';
import { createAdoptionsRepo } from './adoptions.repo.ts';
import { fullName, toPlan, toPlanSummary } from './adoptions.present.ts';
import { addMonths, checkKpiValue, daysBetween, progressPct } from './kpi.ts';
import { canEditPlan, canReadPlan, isPlanAdopter } from './practices.policy.ts';
import { createPracticesRepo, type Executor } from './practices.repo.ts';
import type { PracticesService } from './practices.service.ts';

function checkKpis(kpis: KpiInput[], base: string): FieldProblem[] {
  return kpis.flatMap((k, i) => [
    ...checkKpiValue(k.unit, k.baseline, `${base}.${i}.baseline`),
    ...checkKpiValue(k.unit, k.target, `${base}.${i}.target`),
    ...(k.targetOn < k.baselineOn ? [{ path: `${base}.${i}.targetOn`, key: 'field.end_before_start' as const }] : []),
  ]);
}
const fail = (problems: FieldProblem[]) => {
  if (problems.length > 0) throw new AppError('validation', { fields: problems });
};

/** Adoption plans: a participant's or alumnus's commitment to adapt a practice at home, and its check-ins. */
export function createAdoptionsService(deps: { db: Database; clock: Clock; timeZone: string; auditBuffer: AuditBuffer; practices: PracticesService }) {
  const repo = createAdoptionsRepo(deps.db);
  const practicesRepo = createPracticesRepo(deps.db);
  const today = () => localDate(deps.clock.now(), deps.timeZone);

  /** The plan if the actor may read it (adopter, programme staff); 404 for everyone else. */
  async function readablePlan(actor: Actor, id: string) {
    const row = await repo.findPlan(id);
    if (!row) throw notFound();
    const scope = { personId: row.plan.personId, programmeId: row.plan.programmeId, organisationId: row.organisationId };
    if (!canReadPlan(actor, scope)) throw notFound();
    return { row, scope };
  }
  /** The plan if the actor is its adopter; staff who follow it get 403, anyone else 404. */
  async function editablePlan(actor: Actor, id: string) {
    const found = await readablePlan(actor, id);
    if (!canEditPlan(actor, found.scope)) throw new AppError('forbidden');
    return found;
  }

  async function present(actor: Actor, id: string): Promise<AdoptionPlan> {
    const { row, scope } = await readablePlan(actor, id);
    // Staff reading someone's plan read their name: a personal-data read, audited (batched, off the hot path).
    if (!isPlanAdopter(actor, scope)) deps.auditBuffer.record({ actor, action: 'adoption_plan.read', entity: 'adoption_plan', entityId: id });
    const [milestones, kpis, checkIns, actuals] = await Promise.all([repo.listMilestones([id]), repo.listKpis([id]), repo.listCheckIns([id]), repo.listActuals([id])]);
    return toPlan(row, { milestones, kpis, checkIns, actuals }, today(), canEditPlan(actor, scope));
  }

  return {
    getPlan: present,

    async listMyPlans(actor: Actor) {
      if (!actor.personId) return { items: [] };
      const rows = await repo.listPlansOf(actor.personId);
      const checkIns = await repo.listCheckIns(rows.map((r) => r.plan.id));
      const day = today();
      return { items: rows.map((r) => toPlanSummary(r, checkIns.filter((c) => c.planId === r.plan.id), day)) };
    },

    /** Commits the actor (a participant or alumnus) to adapt an approved practice in a municipality. */
    async createPlan(actor: Actor, body: CreateAdoptionPlanBody): Promise<AdoptionPlan> {
      const programmeId = actor.personId ? await repo.findAdopterProgramme(actor.personId) : null;
      if (!actor.personId || !programmeId) throw new AppError('forbidden', { fields: [{ path: 'personId', key: 'practices.not_adopter' }] });
      const { row: practice } = await deps.practices.readable(actor, body.practiceId);
      const problems: FieldProblem[] = [];
      if (practice.practice.status !== 'approved') problems.push({ path: 'body.practiceId', key: 'practices.not_approved' });
      const municipality = await practicesRepo.findMunicipality(body.municipalityId);
      if (!municipality) problems.push({ path: 'body.municipalityId', key: 'field.unknown_municipality' });
      problems.push(...checkKpis(body.kpis, 'body.kpis'));
      fail(problems);
      const committedOn = body.committedOn ?? today();
      const personId = actor.personId;
      const id = await deps.db.transaction(async (tx) => {
        const txRepo = createAdoptionsRepo(tx as Executor);
        const planId = await txRepo.insertPlan({
          practiceId: body.practiceId,
          personId,
          programmeId,
          municipalityId: body.municipalityId,
          ownerName: body.ownerName,
          stage: body.stage,
          summary: body.summary,
          committedOn,
          createdByUserId: actor.userId,
          createdAt: deps.clock.now(),
          updatedAt: deps.clock.now(),
        });
        await txRepo.replaceMilestones(planId, body.milestones);
        await txRepo.replaceKpis(planId, body.kpis.map(({ id: _id, ...k }) => k));
        await txRepo.insertCheckIns(CHECK_IN_MONTHS.map((months) => ({ planId, monthsAfter: months, dueOn: addMonths(committedOn, months) })));
        await recordAudit(tx, { actor, action: 'adoption_plan.create', entity: 'adoption_plan', entityId: planId, details: { practiceId: body.practiceId } });
        return planId;
      });
      return present(actor, id);
    },

    /** Changes the plan (its adopter only): owner, stage, summary, milestones, KPIs. */
    async updatePlan(actor: Actor, id: string, body: UpdateAdoptionPlanBody): Promise<AdoptionPlan> {
      await editablePlan(actor, id);
      const existing = new Set((await repo.listKpis([id])).map((k) => k.id));
      fail([
        ...checkKpis(body.kpis ?? [], 'body.kpis'),
        ...(body.kpis ?? []).flatMap((k, i) => (k.id && !existing.has(k.id) ? [{ path: `body.kpis.${i}.id`, key: 'practices.unknown_kpi' as const }] : [])),
      ]);
      await deps.db.transaction(async (tx) => {
        const txRepo = createAdoptionsRepo(tx as Executor);
        const { milestones, kpis, ...fields } = body;
        await txRepo.updatePlan(id, { ...fields, updatedAt: deps.clock.now() });
        if (milestones) await txRepo.replaceMilestones(id, milestones);
        if (kpis) await txRepo.replaceKpis(id, kpis);
        await recordAudit(tx, { actor, action: 'adoption_plan.update', entity: 'adoption_plan', entityId: id, details: { fields: Object.keys(body) } });
      });
      return present(actor, id);
    },

    /** Records (or corrects) a check-in: the stage reached, a note and KPI actuals checked against their units. */
    async recordCheckIn(actor: Actor, id: string, checkInId: string, body: RecordCheckInBody): Promise<AdoptionPlan> {
      await editablePlan(actor, id);
      const [checkIns, kpis] = await Promise.all([repo.listCheckIns([id]), repo.listKpis([id])]);
      if (!checkIns.some((c) => c.id === checkInId)) throw notFound();
      const kpiById = new Map(kpis.map((k) => [k.id, k]));
      const day = today();
      fail(
        body.actuals.flatMap((a, i) => {
          const kpi = kpiById.get(a.kpiId);
          if (!kpi) return [{ path: `body.actuals.${i}.kpiId`, key: 'practices.unknown_kpi' as const }];
          return [...checkKpiValue(kpi.unit as KpiInput['unit'], a.value, `body.actuals.${i}.value`), ...(a.measuredOn && a.measuredOn > day ? [{ path: `body.actuals.${i}.measuredOn`, key: 'practices.future_date' as const }] : [])];
        }),
      );
      await deps.db.transaction(async (tx) => {
        const txRepo = createAdoptionsRepo(tx as Executor);
        await txRepo.updateCheckIn(checkInId, { doneAt: deps.clock.now(), stage: body.stage, note: body.note });
        await txRepo.updatePlan(id, { stage: body.stage, updatedAt: deps.clock.now() });
        await txRepo.upsertActuals(body.actuals.map((a) => ({ checkInId, kpiId: a.kpiId, value: a.value, measuredOn: a.measuredOn ?? day })));
        await recordAudit(tx, { actor, action: 'adoption_check_in.record', entity: 'adoption_plan', entityId: id, details: { checkInId, actuals: body.actuals.length } });
      });
      return present(actor, id);
    },

    /** Check-ins past due and not recorded, in a programme the actor is staff of (names and e-mails: audited). */
    async listOverdue(actor: Actor, programmeId: string, page: { page: number; pageSize: number }) {
      const programme = await deps.practices.programmeFor(actor, programmeId);
      const day = today();
      const rows = await repo.listOverdue(programme.id, day, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
      await recordAudit(deps.db, { actor, action: 'adoption_check_in.overdue_list', entity: 'programme', entityId: programmeId, details: { count: rows.length } });
      return {
        items: rows.map((r) => ({
          checkInId: r.check_in_id,
          planId: r.plan_id,
          monthsAfter: r.months_after,
          dueOn: r.due_on,
          daysOverdue: daysBetween(r.due_on, day),
          adopterName: fullName({ lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name }),
          adopterEmail: r.email,
          practiceTitle: r.practice_title,
          municipalityName: r.municipality_name,
          regionCode: r.region_code,
          stage: r.stage as AdoptionPlan['stage'],
          remindedAt: r.overdue_reminded_at ?? r.reminded_at ? new Date((r.overdue_reminded_at ?? r.reminded_at)!).toISOString() : null,
        })),
        total: rows[0]?.total ?? 0,
        page: page.page,
        pageSize: page.pageSize,
      };
    },

    /** KPI progress across every adoption of one practice (readers of the practice). */
    async kpiProgress(actor: Actor, practiceId: string) {
      await deps.practices.readable(actor, practiceId);
      const rows = await repo.kpiProgress(practiceId);
      return {
        items: rows.map((r) => ({
          planId: r.plan_id,
          municipalityName: r.municipality_name,
          regionCode: r.region_code,
          stage: r.stage as AdoptionPlan['stage'],
          kpiName: r.kpi_name,
          unit: r.unit as KpiInput['unit'],
          baseline: r.baseline,
          target: r.target,
          actual: r.actual,
          progressPct: progressPct(r.baseline, r.target, r.actual),
        })),
      };
    },
  };
}

export type AdoptionsService = ReturnType<typeof createAdoptionsService>;
