import type { AdoptionPlan, AdoptionPlanSummary, AdoptionStage, KpiUnit } from '@ms/contracts/practices';
import type { adoptionCheckIns, adoptionKpis, adoptionMilestones } from '../../db/schema/index.ts';
import type { createAdoptionsRepo } from './adoptions.repo.ts';
import { progressPct } from './kpi.ts';

type PlanRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createAdoptionsRepo>['findPlan']>>>;
type CheckInRow = typeof adoptionCheckIns.$inferSelect;
type ActualRow = { checkInId: string; kpiId: string; value: number; measuredOn: string };

export function fullName(p: { lastName: string; firstName: string; middleName: string | null }): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

function checkInState(checkIn: CheckInRow, today: string): 'upcoming' | 'overdue' | 'done' {
  if (checkIn.doneAt) return 'done';
  return checkIn.dueOn < today ? 'overdue' : 'upcoming';
}

/** The list row: the next check-in due and how many are overdue, as of `today`. */
export function toPlanSummary(row: PlanRow, checkIns: CheckInRow[], today: string): AdoptionPlanSummary {
  const open = checkIns.filter((c) => !c.doneAt).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return {
    id: row.plan.id,
    practiceId: row.plan.practiceId,
    practiceTitle: row.practiceTitle,
    originRegionCode: row.originRegionCode,
    municipalityId: row.plan.municipalityId,
    municipalityName: row.municipalityName,
    regionCode: row.regionCode,
    ownerName: row.plan.ownerName,
    stage: row.plan.stage as AdoptionStage,
    committedOn: row.plan.committedOn,
    nextCheckInDueOn: open[0]?.dueOn ?? null,
    overdueCheckIns: open.filter((c) => c.dueOn < today).length,
  };
}

/** The whole plan with KPIs (latest actual and progress), milestones and check-ins. */
export function toPlan(
  row: PlanRow,
  parts: { milestones: Array<typeof adoptionMilestones.$inferSelect>; kpis: Array<typeof adoptionKpis.$inferSelect>; checkIns: CheckInRow[]; actuals: ActualRow[] },
  today: string,
  canEdit: boolean,
): AdoptionPlan {
  const latest = new Map<string, ActualRow>();
  for (const actual of parts.actuals) latest.set(actual.kpiId, actual);
  return {
    ...toPlanSummary(row, parts.checkIns, today),
    summary: row.plan.summary,
    adopterName: fullName({ lastName: row.adopterLastName, firstName: row.adopterFirstName, middleName: row.adopterMiddleName }),
    milestones: parts.milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, doneOn: m.doneOn })),
    kpis: parts.kpis.map((k) => {
      const actual = latest.get(k.id);
      return {
        id: k.id,
        name: k.name,
        unit: k.unit as KpiUnit,
        baseline: Number(k.baseline),
        baselineOn: k.baselineOn,
        target: Number(k.target),
        targetOn: k.targetOn,
        actual: actual ? Number(actual.value) : null,
        actualOn: actual?.measuredOn ?? null,
        progressPct: progressPct(Number(k.baseline), Number(k.target), actual ? Number(actual.value) : null),
      };
    }),
    checkIns: parts.checkIns.map((c) => ({
      id: c.id,
      monthsAfter: c.monthsAfter,
      dueOn: c.dueOn,
      doneAt: c.doneAt?.toISOString() ?? null,
      stage: (c.stage as AdoptionStage | null) ?? null,
      note: c.note,
      state: checkInState(c, today),
      actuals: parts.actuals.filter((a) => a.checkInId === c.id).map((a) => ({ kpiId: a.kpiId, value: Number(a.value), measuredOn: a.measuredOn })),
    })),
    canEdit,
  };
}
