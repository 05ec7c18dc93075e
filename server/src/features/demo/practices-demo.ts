import crypto from 'node:crypto';
import { KPI_UNITS } from '@ms/contracts/practices';
import { and, eq, inArray } from 'drizzle-orm';
import {
  adoptionCheckIns,
  adoptionKpiActuals,
  adoptionKpis,
  adoptionMilestones,
  adoptionPlans,
  municipalities,
  practiceRevisions,
  practiceShowings,
  practices,
  scheduleModules,
  scheduleSessions,
} from '../../db/schema/index.ts';
import { addMonths } from '../practices/kpi.ts';
import { DEMO_EMAIL_DOMAIN } from './catalogue.ts';
import type { DemoRows, Executor } from './demo.repo.ts';
import { DEMO_PRACTICES, DEMO_PROPOSALS, type DemoPractice } from './practices-demo.data.ts';
import { mulberry32, pick, randomInt, shuffle, type Rng } from './prng.ts';

const SEED = 20_250_606;
/** Plans per stream of the article's intake, besides the demo participant's own two. */
const PLANS_PER_STREAM = 22;
/** Check-ins due after this day are never marked done: the demo's records end here. */
const DEMO_HORIZON = '2026-06-30';
/** Alumni of the earlier intake who committed recently: their check-ins are still ahead. */
const RECENT_ALUMNI_PLANS = 6;

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
const dayAfter = (date: string, days: number) => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
const STAGE_AT = { 3: 'pilot', 6: 'operating', 12: 'scaled' } as const;

/** A KPI value at a fraction of the way from baseline to target, kept to its unit's type and range. */
function valueAt(kpi: DemoPractice['kpi'], fraction: number): number {
  const rule = KPI_UNITS[kpi.unit];
  let value = kpi.baseline + (kpi.target - kpi.baseline) * fraction;
  value = rule.type === 'integer' ? Math.round(value) : Math.round(value * 10) / 10;
  return Math.min(rule.max ?? Number.POSITIVE_INFINITY, Math.max(rule.min, value));
}

/**
 * Practice transfer for the article's intake: two practices from each of the ten host regions, shown at
 * the field modules (and their site visits) where the streams saw them; proposals waiting for curation;
 * adoption plans by participants of streams 3 and 4 at every stage, with KPI check-ins done and some
 * overdue; and a few recent plans by alumni whose check-ins are still ahead. Deterministic (seeded PRNG).
 */
export async function seedPracticesDemo(tx: Executor, rows: DemoRows) {
  const rng: Rng = mulberry32(SEED);
  const newId = () => crypto.randomUUID();
  const programme = rows.programmes.find((p) => p.slug === 'school-of-mayors')!;
  const userId = (local: string) => rows.users.find((u) => u.email === `${local}@${DEMO_EMAIL_DOMAIN}`)!;
  const staffId = userId('staff').id!;
  const participantAccount = userId('participant');

  // Origin municipalities: the generated demo may already hold a capital, so insert what is missing and read back.
  await tx
    .insert(municipalities)
    .values(DEMO_PRACTICES.map((p) => ({ regionCode: p.regionCode, ...p.municipality, population: null })))
    .onConflictDoNothing();
  const origin = await tx.select({ id: municipalities.id, regionCode: municipalities.regionCode, name: municipalities.name }).from(municipalities).where(inArray(municipalities.name, DEMO_PRACTICES.map((p) => p.municipality.name)));
  const originId = (p: DemoPractice) => origin.find((m) => m.regionCode === p.regionCode && m.name === p.municipality.name)?.id ?? null;

  const streamIds = rows.streams.filter((s) => rows.intakes.some((i) => i.id === s.intakeId && i.programmeId === programme.id && i.startsOn === '2024-10-08')).map((s) => s.id!);
  const modules = await tx.select().from(scheduleModules).where(inArray(scheduleModules.streamId, streamIds));
  const visits = await tx
    .select({ id: scheduleSessions.id, moduleId: scheduleSessions.moduleId, startsAt: scheduleSessions.startsAt })
    .from(scheduleSessions)
    .where(and(inArray(scheduleSessions.moduleId, modules.map((m) => m.id)), eq(scheduleSessions.kind, 'site_visit')))
    .orderBy(scheduleSessions.startsAt);

  const practiceRows: Array<Insert<typeof practices>> = [];
  const showingRows: Array<Insert<typeof practiceShowings>> = [];
  const revisionRows: Array<Insert<typeof practiceRevisions>> = [];
  /** Practice id → the modules (stream, end date) where it was shown. */
  const seenAt = new Map<string, Array<{ streamId: string; endsOn: string }>>();
  const ids = new Map<string, string>();
  for (const [index, p] of DEMO_PRACTICES.entries()) {
    const id = newId();
    ids.set(p.key, id);
    const shown = modules.filter((m) => m.hostRegionCode === p.regionCode || m.coHostRegionCodes.includes(p.regionCode)).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    const approvedAt = new Date(`${shown[0]?.startsOn ?? '2024-11-01'}T06:00:00Z`);
    practiceRows.push({
      id,
      programmeId: programme.id!,
      status: 'approved',
      title: p.title,
      summary: p.summary,
      problem: p.problem,
      solution: p.solution,
      results: p.results,
      originRegionCode: p.regionCode,
      originMunicipalityId: originId(p),
      areas: p.areas,
      contacts: [{ ...p.contact, email: `practice${index + 1}@${DEMO_EMAIL_DOMAIN}`, phone: `+7 900 100-${String(10 + index).padStart(2, '0')}-00` }],
      links: [{ title: 'Презентация практики', url: `https://example.org/practices/${p.key}`, kind: 'document' }],
      proposedByUserId: staffId,
      approvedByUserId: staffId,
      approvedAt,
      createdAt: approvedAt,
      updatedAt: approvedAt,
    });
    revisionRows.push({ practiceId: id, editorUserId: staffId, action: 'create', createdAt: approvedAt });
    for (const m of shown) {
      // Two practices per region share a module: each gets its own site visit where there are several.
      const moduleVisits = visits.filter((v) => v.moduleId === m.id);
      const visit = moduleVisits.length > 0 ? moduleVisits[index % moduleVisits.length]! : null;
      showingRows.push({ practiceId: id, moduleId: m.id, sessionId: visit?.id ?? null });
    }
    seenAt.set(id, shown.map((m) => ({ streamId: m.streamId, endsOn: m.endsOn })));
  }
  for (const proposal of DEMO_PROPOSALS) {
    const at = new Date('2025-06-04T12:00:00Z');
    const id = newId();
    practiceRows.push({ id, programmeId: programme.id!, status: 'proposed', title: proposal.title, summary: proposal.summary, originRegionCode: proposal.regionCode, areas: proposal.areas, proposedByUserId: participantAccount.id!, createdAt: at, updatedAt: at });
    revisionRows.push({ practiceId: id, editorUserId: participantAccount.id!, action: 'create', createdAt: at });
  }

  const planRows: Array<Insert<typeof adoptionPlans>> = [];
  const milestoneRows: Array<Insert<typeof adoptionMilestones>> = [];
  const kpiRows: Array<Insert<typeof adoptionKpis>> = [];
  const checkInRows: Array<Insert<typeof adoptionCheckIns>> = [];
  const actualRows: Array<Insert<typeof adoptionKpiActuals>> = [];
  const peopleById = new Map(rows.people.map((p) => [p.id!, p]));

  /** One plan; `done` says how many of the three check-ins were recorded (in order). */
  function addPlan(personId: string, practiceKey: string, committedOn: string, done: number) {
    const person = peopleById.get(personId)!;
    const template = DEMO_PRACTICES.find((p) => p.key === practiceKey)!;
    const planId = newId();
    const kpiId = newId();
    const checkIns = ([3, 6, 12] as const).map((months) => ({ months, dueOn: addMonths(committedOn, months) }));
    const recorded = checkIns.filter((c, i) => i < done && c.dueOn <= DEMO_HORIZON);
    const stage = recorded.length === 0 ? 'idea' : recorded.length === 3 && rng() < 0.5 ? 'operating' : STAGE_AT[recorded.at(-1)!.months];
    planRows.push({
      id: planId,
      practiceId: ids.get(practiceKey)!,
      personId,
      programmeId: programme.id!,
      municipalityId: person.municipalityId!,
      ownerName: pick(rng, ['Заместитель главы по экономике', 'Отдел благоустройства', 'Управление ЖКХ', 'Отдел социальной политики', 'Проектный офис администрации']),
      stage,
      summary: `Адаптировать практику «${template.title}» к условиям нашего муниципалитета: начать с пилота в одном микрорайоне.`,
      committedOn,
      createdAt: new Date(`${committedOn}T09:00:00Z`),
      updatedAt: new Date(`${recorded.at(-1)?.dueOn ?? committedOn}T09:00:00Z`),
    });
    [
      { title: 'Изучить опыт и согласовать план с командой', dueOn: addMonths(committedOn, 1), doneOn: recorded.length > 0 ? addMonths(committedOn, 1) : null },
      { title: 'Запустить пилот', dueOn: addMonths(committedOn, 3), doneOn: recorded.length > 1 ? dayAfter(addMonths(committedOn, 3), 5) : null },
      { title: 'Оценить результаты и решить о масштабировании', dueOn: addMonths(committedOn, 12), doneOn: recorded.length > 2 ? addMonths(committedOn, 12) : null },
    ].forEach((m, position) => milestoneRows.push({ planId, position, ...m }));
    // Each municipality sets its own ambition: 60–120 % of the origin's improvement.
    const kpi = { ...template.kpi, target: valueAt(template.kpi, 0.6 + rng() * 0.6) };
    kpiRows.push({ id: kpiId, planId, position: 0, name: kpi.name, unit: kpi.unit, baseline: kpi.baseline, baselineOn: committedOn, target: kpi.target, targetOn: addMonths(committedOn, 12) });
    for (const c of checkIns) {
      const isDone = recorded.includes(c);
      const checkInId = newId();
      const doneOn = dayAfter(c.dueOn, -randomInt(rng, 0, 10));
      checkInRows.push({ id: checkInId, planId, monthsAfter: c.months, dueOn: c.dueOn, doneAt: isDone ? new Date(`${doneOn}T10:00:00Z`) : null, stage: isDone ? STAGE_AT[c.months] : null, note: isDone ? pick(rng, ['Идём по плану.', 'Пилот запущен, собираем отзывы жителей.', 'Нужна поддержка региона по финансированию.', 'Команда сформирована, сроки сдвинулись на месяц.']) : '' });
      if (isDone) actualRows.push({ checkInId, kpiId, value: valueAt(kpi, Math.min(1, (c.months / 12) * (0.6 + rng() * 0.6))), measuredOn: doneOn });
    }
  }

  // The demo participant's own plans: one well under way, one with an overdue check-in.
  const ownPersonId = participantAccount.personId!;
  addPlan(ownPersonId, 'ark-courtyards', '2024-12-10', 2);
  addPlan(ownPersonId, 'sa-school-bus', '2025-05-15', 1);
  for (const streamId of streamIds) {
    const people = shuffle(rng, rows.enrolments.filter((e) => e.streamId === streamId && e.personId !== ownPersonId).map((e) => e.personId));
    const seen = DEMO_PRACTICES.filter((p) => seenAt.get(ids.get(p.key)!)!.some((s) => s.streamId === streamId));
    for (const personId of people.slice(0, PLANS_PER_STREAM)) {
      const person = peopleById.get(personId)!;
      const choices = seen.filter((p) => p.regionCode !== person.regionCode);
      const practice = pick(rng, choices);
      const endsOn = seenAt.get(ids.get(practice.key)!)!.find((s) => s.streamId === streamId)!.endsOn;
      addPlan(personId, practice.key, dayAfter(endsOn, randomInt(rng, 7, 45)), randomInt(rng, 0, 3));
    }
  }
  const alumni = rows.enrolments.filter((e) => e.status === 'graduated' && !streamIds.includes(e.streamId)).map((e) => e.personId);
  for (const [i, personId] of alumni.slice(0, RECENT_ALUMNI_PLANS).entries()) {
    addPlan(personId, DEMO_PRACTICES[(i * 7) % DEMO_PRACTICES.length]!.key, dayAfter('2026-08-20', i * 9), 0);
  }

  await tx.insert(practices).values(practiceRows);
  await tx.insert(practiceShowings).values(showingRows);
  await tx.insert(practiceRevisions).values(revisionRows);
  await tx.insert(adoptionPlans).values(planRows);
  await tx.insert(adoptionMilestones).values(milestoneRows);
  await tx.insert(adoptionKpis).values(kpiRows);
  await tx.insert(adoptionCheckIns).values(checkInRows);
  await tx.insert(adoptionKpiActuals).values(actualRows);
  return { practices: practiceRows.length, adoptionPlans: planRows.length, checkInsDone: actualRows.length };
}
