import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import {
  adoptionCheckIns,
  adoptionKpiActuals,
  adoptionKpis,
  adoptionMilestones,
  adoptionPlans,
  enrolments,
  intakes,
  municipalities,
  people,
  practices,
  programmes,
  streams,
} from '../../db/schema/index.ts';
import type { Executor } from './practices.repo.ts';

/** A reminder claimed for sending. */
export interface ClaimedReminder extends Record<string, unknown> {
  check_in_id: string;
  plan_id: string;
  months_after: number;
  due_on: string;
  email: string;
  first_name: string;
  middle_name: string | null;
  practice_title: string;
  municipality_name: string;
  locale: string | null;
}

/** Adoption plans with their milestones, KPIs, check-ins and actuals. */
export function createAdoptionsRepo(db: Executor) {
  const planColumns = {
    plan: adoptionPlans,
    practiceTitle: practices.title,
    originRegionCode: practices.originRegionCode,
    municipalityName: municipalities.name,
    regionCode: municipalities.regionCode,
    organisationId: programmes.organisationId,
    adopterLastName: people.lastName,
    adopterFirstName: people.firstName,
    adopterMiddleName: people.middleName,
  };
  const planQuery = () =>
    db
      .select(planColumns)
      .from(adoptionPlans)
      .innerJoin(practices, eq(practices.id, adoptionPlans.practiceId))
      .innerJoin(municipalities, eq(municipalities.id, adoptionPlans.municipalityId))
      .innerJoin(programmes, eq(programmes.id, adoptionPlans.programmeId))
      .innerJoin(people, eq(people.id, adoptionPlans.personId));

  return {
    async findPlan(id: string) {
      const [row] = await planQuery().where(eq(adoptionPlans.id, id));
      return row ?? null;
    },
    async listPlansOf(personId: string) {
      return planQuery().where(eq(adoptionPlans.personId, personId)).orderBy(desc(adoptionPlans.committedOn), desc(adoptionPlans.id));
    },

    /** The programme the person studies (or studied) in most recently: their plans are followed by its staff. */
    async findAdopterProgramme(personId: string) {
      const [row] = await db
        .select({ programmeId: intakes.programmeId })
        .from(enrolments)
        .innerJoin(streams, eq(streams.id, enrolments.streamId))
        .innerJoin(intakes, eq(intakes.id, streams.intakeId))
        .where(and(eq(enrolments.personId, personId), ne(enrolments.status, 'withdrawn')))
        .orderBy(desc(streams.startsOn))
        .limit(1);
      return row?.programmeId ?? null;
    },

    async listMilestones(planIds: string[]) {
      if (planIds.length === 0) return [];
      return db.select().from(adoptionMilestones).where(inArray(adoptionMilestones.planId, planIds)).orderBy(asc(adoptionMilestones.position));
    },
    async listKpis(planIds: string[]) {
      if (planIds.length === 0) return [];
      return db.select().from(adoptionKpis).where(inArray(adoptionKpis.planId, planIds)).orderBy(asc(adoptionKpis.position));
    },
    async listCheckIns(planIds: string[]) {
      if (planIds.length === 0) return [];
      return db.select().from(adoptionCheckIns).where(inArray(adoptionCheckIns.planId, planIds)).orderBy(asc(adoptionCheckIns.monthsAfter));
    },
    async listActuals(planIds: string[]) {
      if (planIds.length === 0) return [];
      return db
        .select({ checkInId: adoptionKpiActuals.checkInId, kpiId: adoptionKpiActuals.kpiId, value: adoptionKpiActuals.value, measuredOn: adoptionKpiActuals.measuredOn })
        .from(adoptionKpiActuals)
        .innerJoin(adoptionKpis, eq(adoptionKpis.id, adoptionKpiActuals.kpiId))
        .where(inArray(adoptionKpis.planId, planIds))
        .orderBy(asc(adoptionKpiActuals.measuredOn));
    },

    async insertPlan(values: typeof adoptionPlans.$inferInsert) {
      const [row] = await db.insert(adoptionPlans).values(values).returning({ id: adoptionPlans.id });
      return row!.id;
    },
    async updatePlan(id: string, values: Partial<typeof adoptionPlans.$inferInsert>) {
      await db.update(adoptionPlans).set(values).where(eq(adoptionPlans.id, id));
    },
    async replaceMilestones(planId: string, rows: Array<{ title: string; dueOn: string; doneOn: string | null }>) {
      await db.delete(adoptionMilestones).where(eq(adoptionMilestones.planId, planId));
      if (rows.length > 0) await db.insert(adoptionMilestones).values(rows.map((r, position) => ({ planId, position, ...r })));
    },
    /** Keeps KPIs whose id is listed (updating them), inserts new ones, deletes the rest with their actuals. */
    async replaceKpis(planId: string, rows: Array<{ id?: string; name: string; unit: string; baseline: number; baselineOn: string; target: number; targetOn: string }>) {
      const keep = rows.flatMap((r) => (r.id ? [r.id] : []));
      await db.delete(adoptionKpis).where(and(eq(adoptionKpis.planId, planId), keep.length > 0 ? sql`${adoptionKpis.id} not in (${sql.join(keep.map((id) => sql`${id}::uuid`), sql`, `)})` : undefined));
      for (const [position, { id, ...values }] of rows.entries()) {
        if (id) await db.update(adoptionKpis).set({ ...values, position }).where(and(eq(adoptionKpis.id, id), eq(adoptionKpis.planId, planId)));
        else await db.insert(adoptionKpis).values({ planId, position, ...values });
      }
    },
    async insertCheckIns(rows: Array<typeof adoptionCheckIns.$inferInsert>) {
      await db.insert(adoptionCheckIns).values(rows);
    },
    async updateCheckIn(id: string, values: Partial<typeof adoptionCheckIns.$inferInsert>) {
      await db.update(adoptionCheckIns).set(values).where(eq(adoptionCheckIns.id, id));
    },
    /** One actual per KPI per check-in: recording again replaces it. */
    async upsertActuals(rows: Array<typeof adoptionKpiActuals.$inferInsert>) {
      if (rows.length === 0) return;
      await db
        .insert(adoptionKpiActuals)
        .values(rows)
        .onConflictDoUpdate({ target: [adoptionKpiActuals.checkInId, adoptionKpiActuals.kpiId], set: { value: sql`excluded.value`, measuredOn: sql`excluded.measured_on` } });
    },

    /** Check-ins past due and not done, for a programme's staff, most overdue first. */
    async listOverdue(programmeId: string, today: string, page: { limit: number; offset: number }) {
      const result = await db.execute<{
        check_in_id: string;
        plan_id: string;
        months_after: number;
        due_on: string;
        last_name: string;
        first_name: string;
        middle_name: string | null;
        email: string | null;
        practice_title: string;
        municipality_name: string;
        region_code: string;
        stage: string;
        reminded_at: string | null;
        overdue_reminded_at: string | null;
        total: number;
      }>(sql`
        select c.id as check_in_id, c.plan_id, c.months_after, c.due_on, pe.last_name, pe.first_name, pe.middle_name, pe.email,
               pr.title as practice_title, m.name as municipality_name, m.region_code, a.stage, c.reminded_at, c.overdue_reminded_at,
               count(*) over ()::int as total
        from adoption_check_ins c
        join adoption_plans a on a.id = c.plan_id
        join people pe on pe.id = a.person_id
        join practices pr on pr.id = a.practice_id
        join municipalities m on m.id = a.municipality_id
        where a.programme_id = ${programmeId} and c.done_at is null and c.due_on < ${today}::date
        order by c.due_on, c.id
        limit ${page.limit} offset ${page.offset}`);
      return result.rows;
    },

    /**
     * Claims the reminders of one kind that are due and unsent, in one conditional UPDATE (the column is
     * null → set it), and answers what to mail: a concurrent or repeated run finds nothing left to claim.
     */
    async claimReminders(kind: 'due' | 'overdue', at: { today: string; programmeId: string | null; now: Date; daysBefore: number }) {
      const column = sql.raw(kind === 'due' ? 'reminded_at' : 'overdue_reminded_at');
      const window = kind === 'due' ? sql`c.due_on >= ${at.today}::date and c.due_on <= ${at.today}::date + ${at.daysBefore}::int` : sql`c.due_on < ${at.today}::date`;
      const result = await db.execute<ClaimedReminder>(sql`
        update adoption_check_ins c set ${column} = ${at.now.toISOString()}::timestamptz
        from adoption_plans a
        join people pe on pe.id = a.person_id
        join practices p on p.id = a.practice_id
        join municipalities m on m.id = a.municipality_id
        where c.plan_id = a.id and c.done_at is null and c.${column} is null and ${window}
          and pe.email is not null and pe.erased_at is null
          ${at.programmeId ? sql`and a.programme_id = ${at.programmeId}` : sql``}
        returning c.id as check_in_id, c.plan_id, c.months_after, c.due_on, pe.email, pe.first_name, pe.middle_name,
                  p.title as practice_title, m.name as municipality_name,
                  (select u.locale from users u where u.person_id = pe.id order by u.created_at limit 1) as locale`);
      return result.rows;
    },

    /** Every KPI of every plan adopting the practice, with its latest actual. */
    async kpiProgress(practiceId: string) {
      const result = await db.execute<{
        plan_id: string;
        municipality_name: string;
        region_code: string;
        stage: string;
        kpi_name: string;
        unit: string;
        baseline: number;
        target: number;
        actual: number | null;
      }>(sql`
        select a.id as plan_id, m.name as municipality_name, m.region_code, a.stage, k.name as kpi_name, k.unit,
               k.baseline::float8 as baseline, k.target::float8 as target,
               (select x.value::float8 from adoption_kpi_actuals x where x.kpi_id = k.id order by x.measured_on desc, x.id limit 1) as actual
        from adoption_plans a
        join adoption_kpis k on k.plan_id = a.id
        join municipalities m on m.id = a.municipality_id
        where a.practice_id = ${practiceId}
        order by m.name, a.id, k.position`);
      return result.rows;
    },
  };
}

export type AdoptionsRepo = ReturnType<typeof createAdoptionsRepo>;
