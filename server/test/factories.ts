import crypto from 'node:crypto';
import type { Database } from '../src/db/client.ts';
import { organisations, programmes, intakes, streams, roleGrants, users, people, enrolments } from '../src/db/schema/index.ts';
import { scheduleModules, scheduleSessions, sessionSpeakers, speakers, venues } from '../src/db/schema/index.ts';
import { assignments } from '../src/db/schema/index.ts';
import { adoptionCheckIns, adoptionKpis, adoptionPlans, municipalities, practices } from '../src/db/schema/index.ts';
import { projectMembers, projectPanelMembers, projects, teamMembers, teams } from '../src/db/schema/index.ts';
import type { Role } from '../src/lib/access.ts';
import { hashPassword } from '../src/lib/passwords.ts';

export const TEST_PASSWORD = 'correct-horse-battery';
let cachedHash: Promise<string> | null = null;
/** scrypt at OWASP cost takes ~0.2 s: hash the shared test password once per file. */
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

const unique = () => crypto.randomBytes(4).toString('hex');

export async function buildUser(
  db: Database,
  overrides: Partial<typeof users.$inferInsert> & {
    grants?: Array<{ role: Role; organisationId?: string; programmeId?: string; streamId?: string; regionCode?: string }>;
  } = {},
) {
  const { grants = [], ...values } = overrides;
  const [user] = await db
    .insert(users)
    .values({
      email: `user-${unique()}@example.test`,
      displayName: 'Тестовый Пользователь',
      passwordHash: await passwordHash(),
      ...values,
    })
    .returning();
  if (grants.length > 0) await db.insert(roleGrants).values(grants.map((g) => ({ userId: user!.id, ...g })));
  return user!;
}

/** An organisation with one programme, one intake and two streams. */
export async function buildProgrammeTree(db: Database, overrides: { slug?: string } = {}) {
  const slug = overrides.slug ?? `p-${unique()}`;
  const [organisation] = await db
    .insert(organisations)
    .values({ slug: `org-${slug}`, nameRu: 'Академия', nameEn: 'Academy' })
    .returning();
  const [programme] = await db
    .insert(programmes)
    .values({ organisationId: organisation!.id, slug, nameRu: 'Школа мэров', nameEn: 'School of Mayors' })
    .returning();
  const [intake] = await db
    .insert(intakes)
    .values({ programmeId: programme!.id, nameRu: 'Набор 2024–2025', nameEn: 'Intake 2024–2025', startsOn: '2024-10-08', endsOn: '2025-06-05' })
    .returning();
  const created = await db
    .insert(streams)
    .values([
      { intakeId: intake!.id, number: 3, nameRu: 'Поток 3', nameEn: 'Stream 3', startsOn: '2024-10-08', endsOn: '2025-06-05' },
      { intakeId: intake!.id, number: 4, nameRu: 'Поток 4', nameEn: 'Stream 4', startsOn: '2024-10-15', endsOn: '2025-06-05' },
    ])
    .returning();
  return { organisation: organisation!, programme: programme!, intake: intake!, streams: created };
}

/** A person (synthetic name, unique e-mail), optionally enrolled in the given streams. */
export async function buildPerson(
  db: Database,
  overrides: Partial<typeof people.$inferInsert> & { streamIds?: string[] } = {},
) {
  const { streamIds = [], ...values } = overrides;
  const [person] = await db
    .insert(people)
    .values({ email: `person-${unique()}@example.test`, lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна', birthDate: '1985-03-14', ...values })
    .returning();
  if (streamIds.length > 0) await db.insert(enrolments).values(streamIds.map((streamId) => ({ personId: person!.id, streamId })));
  return person!;
}

/** Enrols a person in a stream (status 'enrolled' unless given). */
export async function enrol(db: Database, personId: string, streamId: string, overrides: Partial<typeof enrolments.$inferInsert> = {}) {
  const [row] = await db.insert(enrolments).values({ personId, streamId, ...overrides }).returning();
  return row!;
}

/** A venue of a programme (Senezh unless overridden). */
export async function buildVenue(db: Database, programmeId: string, overrides: Partial<typeof venues.$inferInsert> = {}) {
  const [row] = await db
    .insert(venues)
    .values({ programmeId, nameRu: 'Сенеж', nameEn: 'Senezh', regionCode: 'RU-MOS', lat: 56.1906, lon: 36.9814, timeZone: 'Europe/Moscow', ...overrides })
    .returning();
  return row!;
}

/** A module of a stream at a venue, 2–5 June 2025 unless overridden. */
export async function buildModule(db: Database, streamId: string, venueId: string, overrides: Partial<typeof scheduleModules.$inferInsert> = {}) {
  const [row] = await db
    .insert(scheduleModules)
    .values({ streamId, venueId, number: 6, themeRu: 'Итоговый модуль', themeEn: 'Final module', startsOn: '2025-06-02', endsOn: '2025-06-05', ...overrides })
    .returning();
  return row!;
}

/** A session of a module (a lecture on 2 June 2025, 10:00–11:30 Moscow time unless overridden), with speakers. */
export async function buildScheduleSession(db: Database, moduleId: string, overrides: Partial<typeof scheduleSessions.$inferInsert> & { speakerIds?: string[] } = {}) {
  const { speakerIds = [], ...values } = overrides;
  const [row] = await db
    .insert(scheduleSessions)
    .values({ moduleId, kind: 'lecture', titleRu: 'Лекция', titleEn: 'Lecture', startsAt: new Date('2025-06-02T07:00:00Z'), endsAt: new Date('2025-06-02T08:30:00Z'), ...values })
    .returning();
  if (speakerIds.length > 0) await db.insert(sessionSpeakers).values(speakerIds.map((speakerId) => ({ sessionId: row!.id, speakerId })));
  return row!;
}

/** A speaker of a programme. */
export async function buildSpeaker(db: Database, programmeId: string, overrides: Partial<typeof speakers.$inferInsert> = {}) {
  const [row] = await db
    .insert(speakers)
    .values({ programmeId, nameRu: 'Петров Пётр', nameEn: 'Petr Petrov', affiliationKind: 'academy_faculty', ...overrides })
    .returning();
  return row!;
}

/** A two-criterion rubric (weights 60/40, levels 0/1/2 points) for assignment tests. */
export const TEST_RUBRIC = [
  { key: 'analysis', titleRu: 'Анализ', titleEn: 'Analysis', weight: 60, levels: [0, 1, 2].map((points) => ({ titleRu: `Уровень ${points}`, titleEn: `Level ${points}`, points })) },
  { key: 'proposal', titleRu: 'Предложение', titleEn: 'Proposal', weight: 40, levels: [0, 1, 2].map((points) => ({ titleRu: `Уровень ${points}`, titleEn: `Level ${points}`, points })) },
];

/** An assignment on a module (individual, due 1 March 2025 18:00 Moscow time, late work accepted unless overridden). */
export async function buildAssignment(db: Database, module: { id: string; streamId: string }, overrides: Partial<typeof assignments.$inferInsert> = {}) {
  const [row] = await db
    .insert(assignments)
    .values({ moduleId: module.id, streamId: module.streamId, kind: 'individual', titleRu: 'Анализ муниципалитета', titleEn: 'Municipal analysis', dueAt: new Date('2025-03-01T15:00:00Z'), rubric: TEST_RUBRIC, ...overrides })
    .returning();
  return row!;
}

/** A municipality of a region (a unique name, so tests never collide). */
export async function buildMunicipality(db: Database, regionCode: string, overrides: Partial<typeof municipalities.$inferInsert> = {}) {
  const [row] = await db
    .insert(municipalities)
    .values({ regionCode, name: `Городской округ ${unique()}`, kind: 'urban_okrug', lat: 55.75, lon: 37.62, ...overrides })
    .returning();
  return row!;
}

/** An approved practice of a programme, from Kaluga Oblast on urban environment unless overridden. */
export async function buildPractice(db: Database, programmeId: string, overrides: Partial<typeof practices.$inferInsert> = {}) {
  const [row] = await db
    .insert(practices)
    .values({
      programmeId,
      status: 'approved',
      title: 'Народный бюджет дворовых территорий',
      summary: 'Жители сами выбирают, какие дворы благоустроить в первую очередь.',
      problem: 'Дворы ремонтировались без учёта мнения жителей.',
      solution: 'Ежегодное онлайн-голосование и софинансирование из местного бюджета.',
      results: 'За два года благоустроено 48 дворов.',
      originRegionCode: 'RU-KLU',
      areas: ['urban', 'initiatives'],
      ...overrides,
    })
    .returning();
  return row!;
}

/** An adoption plan with one KPI (people, 100 → 500) and its three check-ins (+3, +6, +12 months). */
export async function buildAdoptionPlan(
  db: Database,
  values: { practiceId: string; personId: string; programmeId: string; municipalityId: string; committedOn?: string; stage?: string },
) {
  const committedOn = values.committedOn ?? '2025-01-15';
  const [plan] = await db
    .insert(adoptionPlans)
    .values({ ownerName: 'Отдел благоустройства', stage: 'idea', ...values, committedOn })
    .returning();
  const [kpi] = await db
    .insert(adoptionKpis)
    .values({ planId: plan!.id, position: 0, name: 'Участники голосования', unit: 'people', baseline: 100, baselineOn: committedOn, target: 500, targetOn: '2026-01-15' })
    .returning();
  const plus = (months: number) => {
    const date = new Date(`${committedOn}T00:00:00Z`);
    date.setUTCMonth(date.getUTCMonth() + months);
    return date.toISOString().slice(0, 10);
  };
  const checkIns = await db
    .insert(adoptionCheckIns)
    .values([3, 6, 12].map((monthsAfter) => ({ planId: plan!.id, monthsAfter, dueOn: plus(monthsAfter) })))
    .returning();
  return { plan: plan!, kpi: kpi!, checkIns };
}

/** A team of a stream with the given participants (teams feature). */
export async function buildTeam(db: Database, streamId: string, values: { name?: string; personIds?: string[]; tutorUserId?: string | null } = {}) {
  const [team] = await db.insert(teams).values({ streamId, name: values.name ?? `Команда ${unique()}`, tutorUserId: values.tutorUserId ?? null }).returning();
  const personIds = values.personIds ?? [];
  if (personIds.length > 0) await db.insert(teamMembers).values(personIds.map((personId) => ({ teamId: team!.id, personId, streamId })));
  return team!;
}

/** A final project of a stream with the given participants (projects feature). */
export async function buildProject(
  db: Database,
  streamId: string,
  values: { title?: string; personIds?: string[]; teamId?: string | null; supervisorUserId?: string | null; panelUserIds?: string[]; areas?: string[] } = {},
) {
  const [project] = await db
    .insert(projects)
    .values({ streamId, title: values.title ?? 'Новый двор', areas: values.areas ?? ['urban'], teamId: values.teamId ?? null, supervisorUserId: values.supervisorUserId ?? null })
    .returning();
  const personIds = values.personIds ?? [];
  if (personIds.length > 0) await db.insert(projectMembers).values(personIds.map((personId) => ({ projectId: project!.id, personId, streamId })));
  const panel = values.panelUserIds ?? [];
  if (panel.length > 0) await db.insert(projectPanelMembers).values(panel.map((userId) => ({ projectId: project!.id, userId })));
  return project!;
}
