import crypto from 'node:crypto';
import type { Database } from '../src/db/client.ts';
import { organisations, programmes, intakes, streams, roleGrants, users, people, enrolments } from '../src/db/schema/index.ts';
import { scheduleModules, scheduleSessions, sessionSpeakers, speakers, venues } from '../src/db/schema/index.ts';
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
