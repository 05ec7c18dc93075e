import {
  DEMO_ACCOUNTS,
  DEMO_EMAIL_DOMAIN,
  DEMO_FACTS,
  DEMO_INTAKES,
  DEMO_REQUIRED_REGIONS,
  streamKey,
  type IntakeKey,
  type StreamKey,
} from './catalogue.ts';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, PATRONYMICS, SURNAMES } from './names.ts';
import { createPlaceRegistry, type DemoMunicipality, type DemoRegionInput } from './places.ts';
import { mulberry32, pick, randomInt, shuffle, type Rng } from './prng.ts';

export type { DemoMunicipality, DemoRegionInput } from './places.ts';

/** The one seed of the demo: change it and every name, date and place changes with it. */
export const DEMO_SEED = 20_241_008;

export interface DemoPerson {
  email: string;
  lastName: string;
  firstName: string;
  middleName: string;
  gender: 'female' | 'male';
  /** YYYY-MM-DD */
  birthDate: string;
  position: string;
  /** E.164, e.g. +79123456789 */
  phone: string;
  regionCode: string;
  municipalityKey: string;
}

export interface DemoEnrolment {
  personEmail: string;
  stream: StreamKey;
  status: 'enrolled' | 'graduated';
  /** UTC ISO */
  enrolledAt: string;
}

export interface DemoConsent {
  personEmail: string;
  /** UTC ISO */
  grantedAt: string;
}

export interface DemoData {
  municipalities: DemoMunicipality[];
  people: DemoPerson[];
  enrolments: DemoEnrolment[];
  consents: DemoConsent[];
  /** Display names of the demo accounts, by the local part of their e-mail. */
  displayNames: Record<string, string>;
}

const DAY_MS = 86_400_000;
const FEMALE_SHARE = 0.3;

/** Full years between a birth date and a day (both YYYY-MM-DD), as PostgreSQL's age() counts them. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A birth date at which a person is exactly `age` full years old on `on`, anywhere in that year of life. */
export function birthDateForAge(rng: Rng, age: number, on: string): string {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  // The same day `years` earlier; 29 February falls back to the 28th in common years.
  const sameDay = (years: number) => Date.UTC(y - years, m - 1, Math.min(d, new Date(Date.UTC(y - years, m, 0)).getUTCDate()));
  const latest = sameDay(age);
  const earliest = sameDay(age + 1) + DAY_MS;
  const span = Math.round((latest - earliest) / DAY_MS);
  return new Date(latest - randomInt(rng, 0, span) * DAY_MS).toISOString().slice(0, 10);
}

/** A bell-shaped age in [min, max]: most municipal leaders are in their forties. */
function typicalAge(rng: Rng, min: number, max: number): number {
  return Math.round(((rng() + rng() + rng()) / 3) * (max - min) + min);
}

const pad3 = (n: number) => String(n).padStart(3, '0');
const daysBefore = (isoDate: string, days: number, minutes = 0) =>
  new Date(Date.parse(`${isoDate}T09:00:00.000Z`) - days * DAY_MS + minutes * 60_000).toISOString();

interface CohortSpec {
  intake: IntakeKey;
  streamNumber: number;
  emailPrefix: string;
  regionCodes: readonly string[];
  ages: readonly number[];
  status: DemoEnrolment['status'];
}

/** Builds every person, place, enrolment and consent of the demo from the seed alone. */
export function generateDemo(regions: readonly DemoRegionInput[], seed = DEMO_SEED): DemoData {
  const rng = mulberry32(seed);
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  const places = createPlaceRegistry(rng);
  const usedNames = new Set<string>();
  const usedPhones = new Set<string>();
  const data: DemoData = { municipalities: [], people: [], enrolments: [], consents: [], displayNames: {} };

  function generateName() {
    for (;;) {
      const gender = rng() < FEMALE_SHARE ? 'female' : 'male';
      const form = gender === 'female' ? 1 : 0;
      const lastName = pick(rng, SURNAMES)[form];
      const firstName = pick(rng, form ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
      const middleName = pick(rng, PATRONYMICS)[form];
      const full = `${lastName} ${firstName} ${middleName}`;
      if (usedNames.has(full)) continue;
      usedNames.add(full);
      return { gender, lastName, firstName, middleName } as const;
    }
  }

  function generatePhone(): string {
    for (;;) {
      const phone = `+79${String(randomInt(rng, 0, 999_999_999)).padStart(9, '0')}`;
      if (usedPhones.has(phone)) continue;
      usedPhones.add(phone);
      return phone;
    }
  }

  function addCohort(spec: CohortSpec): void {
    const intake = DEMO_INTAKES.find((i) => i.key === spec.intake)!;
    spec.regionCodes.forEach((code, index) => {
      const region = regionByCode.get(code)!;
      const { position, municipality } = places.assign(region);
      const email = `${spec.emailPrefix}.${pad3(index + 1)}@${DEMO_EMAIL_DOMAIN}`;
      data.people.push({
        email,
        ...generateName(),
        birthDate: birthDateForAge(rng, spec.ages[index]!, intake.startsOn),
        position,
        phone: generatePhone(),
        regionCode: code,
        municipalityKey: municipality.key,
      });
      const enrolledAt = daysBefore(intake.startsOn, 21);
      data.enrolments.push({ personEmail: email, stream: streamKey(spec.intake, spec.streamNumber), status: spec.status, enrolledAt });
      data.consents.push({ personEmail: email, grantedAt: daysBefore(intake.startsOn, randomInt(rng, 22, 60), randomInt(rng, 0, 600)) });
    });
  }

  // Intake 2024–2025: every chosen region once, the rest of the seats spread over the same regions,
  // every age from min to max once, the rest bell-shaped; then both lists shuffled into 160 seats.
  const { participants, participantsPerStream, regions: regionCount, minAge, maxAge } = DEMO_FACTS;
  const required = DEMO_REQUIRED_REGIONS.filter((code) => regionByCode.has(code));
  const others = shuffle(rng, regions.map((r) => r.code).filter((code) => !required.includes(code)));
  const chosen = [...required, ...others].slice(0, regionCount);
  if (chosen.length < regionCount) throw new Error(`the demo needs ${regionCount} regions, got ${chosen.length}`);
  const seatRegions = shuffle(rng, [...chosen, ...Array.from({ length: participants - regionCount }, () => pick(rng, chosen))]);
  const everyAge = Array.from({ length: maxAge - minAge + 1 }, (_, i) => minAge + i);
  const seatAges = shuffle(rng, [...everyAge, ...Array.from({ length: participants - everyAge.length }, () => typicalAge(rng, minAge, maxAge))]);
  DEMO_FACTS.streamNumbers.forEach((streamNumber, s) => {
    const seats = [s * participantsPerStream, (s + 1) * participantsPerStream] as const;
    addCohort({
      intake: 'som-2024',
      streamNumber,
      emailPrefix: `p${pad3(streamNumber)}`,
      regionCodes: seatRegions.slice(...seats),
      ages: seatAges.slice(...seats),
      status: 'enrolled',
    });
  });

  // Intake 2023–2024: a few graduates per stream, so the alumnus account has a past.
  for (const streamNumber of [1, 2]) {
    const count = DEMO_FACTS.alumniPerStream;
    addCohort({
      intake: 'som-2023',
      streamNumber,
      emailPrefix: `p${pad3(streamNumber)}`,
      regionCodes: Array.from({ length: count }, () => pick(rng, regions).code),
      ages: Array.from({ length: count }, () => typicalAge(rng, 30, 55)),
      status: 'graduated',
    });
  }

  // The Perm regional school takes applicants up to 55, all from Perm Krai.
  if (regionByCode.has('RU-PER')) {
    const count = DEMO_FACTS.permParticipants;
    addCohort({
      intake: 'perm-2025',
      streamNumber: 1,
      emailPrefix: 'pk01',
      regionCodes: Array.from({ length: count }, () => 'RU-PER'),
      ages: Array.from({ length: count }, () => typicalAge(rng, 28, 55)),
      status: 'enrolled',
    });
  }

  const personByEmail = new Map(data.people.map((p) => [p.email, p]));
  for (const account of DEMO_ACCOUNTS) {
    const person = account.person ? personByEmail.get(account.person) : undefined;
    const name = person ?? generateName();
    data.displayNames[account.local] = `${name.firstName} ${name.lastName}`;
  }
  data.municipalities = places.list();
  return data;
}
