import crypto from 'node:crypto';
import { SESSION_KINDS } from '@ms/contracts/schedule';
import type { PgTable } from 'drizzle-orm/pg-core';
import { attendanceMarks, scheduleModules, scheduleSessions, sessionSpeakers, speakers, travelLegs, venues } from '../../db/schema/index.ts';
import { haversineKm } from '../schedule/geo.ts';
import { FEDERAL_SUBJECTS } from '../reference/federal-subjects.data.ts';
import { DEMO_EMAIL_DOMAIN } from './catalogue.ts';
import type { DemoRows, Executor } from './demo.repo.ts';
import { mulberry32, randomInt } from './prng.ts';
import { DAY_SLOTS, DEMO_MODULES, DEMO_SPEAKERS, DEMO_VENUES, dayPlan } from './schedule-demo.data.ts';

const SEED = 20_250_602;
/** Participants (by position in their stream) who miss about a third of sessions: the at-risk list. */
const AT_RISK_PER_STREAM = 3;
const DAY_MS = 86_400_000;

type Insertable<T extends PgTable> = T['$inferInsert'];

/** Inserts in chunks: one statement may carry at most 65,535 parameters. */
async function insertAll<T extends PgTable>(tx: Executor, table: T, rows: Array<Insertable<T>>): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) await tx.insert(table).values(rows.slice(i, i + 2000) as never);
}

const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
/** A venue-local wall time as a UTC instant (whole-hour offsets: Russia keeps standard time all year). */
const atLocal = (date: string, hour: number, minute: number, utcOffset: number) => new Date(Date.parse(`${date}T00:00:00Z`) + ((hour - utcOffset) * 60 + minute) * 60_000);

/**
 * The schedule of the article's intake: venues, six modules per stream, speakers of every affiliation,
 * sessions of every kind, travel legs for every participant and attendance for every session (all of
 * them lie before the intake's end on 5 June 2025). Deterministic: a seeded PRNG decides who missed what.
 */
export async function seedScheduleDemo(tx: Executor, rows: DemoRows) {
  const rng = mulberry32(SEED);
  const newId = () => crypto.randomUUID();
  const programme = rows.programmes.find((p) => p.slug === 'school-of-mayors')!;
  const userId = (local: string) => rows.users.find((u) => u.email === `${local}@${DEMO_EMAIL_DOMAIN}`)!.id!;
  const intakeId = rows.intakes.find((i) => i.programmeId === programme.id && i.startsOn === '2024-10-08')!.id;
  const regionOf = new Map(FEDERAL_SUBJECTS.map((s) => [s.code, s]));
  const peopleById = new Map(rows.people.map((p) => [p.id!, p]));

  const venueRows = DEMO_VENUES.map(({ key: _key, utcOffset: _offset, lodging: _lodging, ...v }) => ({ ...v, id: newId(), programmeId: programme.id! }));
  const venueByKey = new Map(DEMO_VENUES.map((v, i) => [v.key, { ...v, id: venueRows[i]!.id }]));
  const speakerRows = DEMO_SPEAKERS.map(({ isExpertAccount, ...s }) => ({
    ...s,
    id: newId(),
    programmeId: programme.id!,
    userId: isExpertAccount ? userId('expert') : null,
    bioRu: `${s.organisationRu}. Выступает в программе «Школа мэров».`,
    bioEn: `${s.organisationEn}. Speaks at the School of Mayors.`,
  }));

  const moduleRows: Array<Insertable<typeof scheduleModules>> = [];
  const sessionRows: Array<Insertable<typeof scheduleSessions>> = [];
  const speakerLinks: Array<Insertable<typeof sessionSpeakers>> = [];
  const legRows: Array<Insertable<typeof travelLegs>> = [];
  const markRows: Array<Insertable<typeof attendanceMarks>> = [];

  for (const [streamIndex, number] of ([3, 4] as const).entries()) {
    const stream = rows.streams.find((s) => s.intakeId === intakeId && s.number === number)!;
    const participants = rows.enrolments.filter((e) => e.streamId === stream.id).map((e) => peopleById.get(e.personId)!).sort((a, b) => a.email!.localeCompare(b.email!));
    const atRisk = new Set(participants.slice(7, 7 + AT_RISK_PER_STREAM).map((p) => p.id));
    let slotIndex = 0;
    for (const module of DEMO_MODULES[number]) {
      const venue = venueByKey.get(module.venue)!;
      const moduleId = newId();
      const endsOn = addDays(module.startsOn, module.days - 1);
      const hostCoordinator = module.hostRegionCode === 'RU-SAM' || module.hostRegionCode === 'RU-IRK' ? userId('coordinator') : null;
      moduleRows.push({ id: moduleId, streamId: stream.id!, number: module.number, themeRu: module.themeRu, themeEn: module.themeEn, startsOn: module.startsOn, endsOn, venueId: venue.id, hostRegionCode: module.hostRegionCode, coHostRegionCodes: module.coHostRegionCodes ?? [], hostCoordinatorUserId: hostCoordinator, topics: module.topics });

      const sessionIds: Array<{ id: string; startsAt: Date }> = [];
      for (let day = 0; day < module.days; day++) {
        const date = addDays(module.startsOn, day);
        dayPlan(module, day).forEach((kind, slot) => {
          const [hour, minute, length] = DAY_SLOTS[slot]!;
          const startsAt = atLocal(date, hour, minute, venue.utcOffset);
          const id = newId();
          const isCeremony = kind === 'ceremony';
          sessionRows.push({
            id,
            moduleId,
            kind,
            titleRu: isCeremony ? 'Торжественное вручение дипломов' : `${SESSION_KINDS[kind].ru}: ${module.themeRu}`,
            titleEn: isCeremony ? 'Diploma ceremony' : `${SESSION_KINDS[kind].en}: ${module.themeEn}`,
            startsAt,
            endsAt: new Date(startsAt.getTime() + length * 60_000),
            place: kind === 'site_visit' || kind === 'walking_tour' ? venue.addressRu : slot === 2 ? 'Малый зал' : 'Большой зал',
            // The whole stream goes (attendance below marks everyone); staff may still split it into groups.
            capacity: kind === 'site_visit' ? 80 : null,
            topics: [module.topics[slotIndex % module.topics.length]!],
          });
          // Same slot index in both streams → different speakers, so the joint final module never double-books.
          speakerLinks.push({ sessionId: id, speakerId: speakerRows[(slotIndex * 2 + streamIndex) % speakerRows.length]!.id });
          slotIndex++;
          sessionIds.push({ id, startsAt });
        });
      }

      for (const person of participants) {
        const home = regionOf.get(person.regionCode ?? 'RU-MOW')!;
        const km = haversineKm(home, venue);
        const mode = km > 700 ? 'air' : km > 60 ? 'rail' : 'car';
        const ref = () => `${mode === 'air' ? 'SU' : 'RZD'}${randomInt(rng, 100_000, 999_999)}`;
        const common = { personId: person.id!, moduleId, mode, lodging: venue.lodging, needsTransfer: mode === 'air' };
        const inbound = atLocal(addDays(module.startsOn, -1), randomInt(rng, 8, 18), 0, venue.utcOffset);
        const outbound = atLocal(endsOn, randomInt(rng, 18, 22), 0, venue.utcOffset);
        const travelMs = Math.max(1, Math.round(km / (mode === 'air' ? 700 : 80))) * 3_600_000;
        legRows.push({ ...common, direction: 'inbound', fromPlace: home.capitalRu, toPlace: venue.nameRu, departAt: new Date(inbound.getTime() - travelMs), arriveAt: inbound, bookingRef: ref() });
        legRows.push({ ...common, direction: 'outbound', fromPlace: venue.nameRu, toPlace: home.capitalRu, departAt: outbound, arriveAt: new Date(outbound.getTime() + travelMs), bookingRef: ref() });
        for (const session of sessionIds) {
          const roll = rng();
          const status = atRisk.has(person.id) ? (roll < 0.35 ? 'absent' : 'present') : roll < 0.015 ? 'absent' : roll < 0.025 ? 'excused' : roll < 0.07 ? 'late' : 'present';
          markRows.push({ sessionId: session.id, personId: person.id!, status, source: status === 'present' || status === 'late' ? 'qr' : 'sheet', markedAt: new Date(session.startsAt.getTime() + (status === 'late' ? 15 : 2) * 60_000), markedBy: status === 'present' || status === 'late' ? null : userId('staff') });
        }
      }
    }
  }

  await insertAll(tx, venues, venueRows);
  await insertAll(tx, speakers, speakerRows);
  await insertAll(tx, scheduleModules, moduleRows);
  await insertAll(tx, scheduleSessions, sessionRows);
  await insertAll(tx, sessionSpeakers, speakerLinks);
  await insertAll(tx, travelLegs, legRows);
  await insertAll(tx, attendanceMarks, markRows);
  return { modules: moduleRows.length, sessions: sessionRows.length, travelLegs: legRows.length, attendanceMarks: markRows.length };
}
