import { describe, expect, it } from 'vitest';
import { FEDERAL_SUBJECTS } from '../reference/federal-subjects.data.ts';
import { DEMO_ACCOUNTS, DEMO_FACTS, streamKey } from './catalogue.ts';
import { ageOn, birthDateForAge, generateDemo } from './generate.ts';
import { mulberry32 } from './prng.ts';

const demo = generateDemo(FEDERAL_SUBJECTS);
const personByEmail = new Map(demo.people.map((p) => [p.email, p]));
const inStream = (key: string) => demo.enrolments.filter((e) => e.stream === key).map((e) => personByEmail.get(e.personEmail)!);
const intakePeople = [...inStream(streamKey('som-2024', 3)), ...inStream(streamKey('som-2024', 4))];

describe('birth dates', () => {
  it('gives exactly the asked age on the day, at both ends of the year of life', () => {
    const rng = mulberry32(1);
    for (const on of ['2024-10-08', '2024-02-29', '2025-01-01']) {
      for (let age = 20; age <= 70; age++) {
        for (let i = 0; i < 20; i++) expect(ageOn(birthDateForAge(rng, age, on), on)).toBe(age);
      }
    }
    expect(ageOn('1998-10-08', '2024-10-08')).toBe(26);
    expect(ageOn('1998-10-09', '2024-10-08')).toBe(25);
  });
});

describe('generated demo', () => {
  it('is the same on every run and changes with the seed', () => {
    expect(generateDemo(FEDERAL_SUBJECTS)).toEqual(demo);
    const other = generateDemo(FEDERAL_SUBJECTS, 7);
    expect(other.people.map((p) => p.lastName)).not.toEqual(demo.people.map((p) => p.lastName));
  });

  it('puts 80 participants in each of streams 3 and 4', () => {
    for (const n of DEMO_FACTS.streamNumbers) expect(inStream(streamKey('som-2024', n))).toHaveLength(DEMO_FACTS.participantsPerStream);
    expect(intakePeople).toHaveLength(DEMO_FACTS.participants);
    expect(intakePeople.every((p) => /^p00[34]\.\d{3}@demo\.mayors-school\.ru$/.test(p.email))).toBe(true);
  });

  it('draws the intake from exactly 82 regions including the host and coordinator regions', () => {
    const regions = new Set(intakePeople.map((p) => p.regionCode));
    expect(regions.size).toBe(DEMO_FACTS.regions);
    for (const code of ['RU-SAM', 'RU-IRK', 'RU-MOW', 'RU-CE', 'RU-SA']) expect(regions.has(code)).toBe(true);
  });

  it('covers every age from 26 to 60 at the intake start and no other', () => {
    const ages = new Set(intakePeople.map((p) => ageOn(p.birthDate, DEMO_FACTS.ageReferenceDate)));
    const expected = Array.from({ length: DEMO_FACTS.maxAge - DEMO_FACTS.minAge + 1 }, (_, i) => DEMO_FACTS.minAge + i);
    expect([...ages].sort((a, b) => a - b)).toEqual(expected);
  });

  it('gives everyone a unique e-mail, phone and full name, and a realistic mix', () => {
    const unique = (values: string[]) => new Set(values).size;
    expect(unique(demo.people.map((p) => p.email))).toBe(demo.people.length);
    expect(unique(demo.people.map((p) => p.phone))).toBe(demo.people.length);
    expect(unique(demo.people.map((p) => `${p.lastName} ${p.firstName} ${p.middleName}`))).toBe(demo.people.length);
    expect(demo.people.every((p) => /^\+79\d{9}$/.test(p.phone))).toBe(true);
    const women = intakePeople.filter((p) => p.gender === 'female').length;
    expect(women).toBeGreaterThan(20);
    expect(women).toBeLessThan(80);
    expect(unique(intakePeople.map((p) => p.position))).toBeGreaterThanOrEqual(8);
    // Russian agreement: a woman's surname and patronymic take the feminine form.
    expect(demo.people.filter((p) => p.gender === 'female').every((p) => p.middleName.endsWith('на'))).toBe(true);
  });

  it('places each person in a municipality of their own region, each municipality listed once', () => {
    const byKey = new Map(demo.municipalities.map((m) => [m.key, m]));
    expect(byKey.size).toBe(demo.municipalities.length);
    for (const person of demo.people) expect(byKey.get(person.municipalityKey)?.regionCode).toBe(person.regionCode);
    const kinds = new Set(demo.municipalities.map((m) => m.kind));
    expect(kinds).toContain('urban_okrug');
    expect(kinds).toContain('municipal_district');
    expect(demo.municipalities.filter((m) => m.kind === 'municipal_district').every((m) => m.name.endsWith(' муниципальный район'))).toBe(true);
  });

  it('fills the Perm school from Perm Krai only and gives the alumni a graduated past', () => {
    const perm = inStream(streamKey('perm-2025', 1));
    expect(perm).toHaveLength(DEMO_FACTS.permParticipants);
    expect(perm.every((p) => p.regionCode === 'RU-PER')).toBe(true);
    expect(perm.every((p) => ageOn(p.birthDate, '2025-02-03') <= 55)).toBe(true);
    const alumni = demo.enrolments.filter((e) => e.stream.startsWith('som-2023:'));
    expect(alumni).toHaveLength(2 * DEMO_FACTS.alumniPerStream);
    expect(alumni.every((e) => e.status === 'graduated')).toBe(true);
  });

  it('links the person-bound accounts to generated people and names every account', () => {
    for (const account of DEMO_ACCOUNTS) {
      if (account.person) expect(personByEmail.has(account.person)).toBe(true);
      expect(demo.displayNames[account.local]).toMatch(/^\S+ \S+$/);
    }
    expect(demo.enrolments.find((e) => e.personEmail === 'p003.001@demo.mayors-school.ru')?.stream).toBe('som-2024:3');
  });

  it('records one consent per person, given before their enrolment', () => {
    expect(demo.consents).toHaveLength(demo.people.length);
    const enrolledAt = new Map(demo.enrolments.map((e) => [e.personEmail, e.enrolledAt]));
    expect(demo.consents.every((c) => c.grantedAt < enrolledAt.get(c.personEmail)!)).toBe(true);
  });
});
