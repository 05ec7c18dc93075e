import crypto from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { EducationLevel, EligibilityRules, RankingConfig } from '@ms/contracts/admissions';
import { admissionApplications, admissionCampaigns, admissionRankingRuns, admissionRegionQuotas, admissionTestBlocks, admissionTestQuestionBlocks, admissionTestQuestions, consents, intakes, municipalities, people } from '../../db/schema/index.ts';
import { evaluateEligibility } from '../admissions/eligibility.ts';
import { rankCandidates } from '../admissions/ranking.ts';
import { FEDERAL_SUBJECTS } from '../reference/federal-subjects.data.ts';
import { DEMO_CONSENT_DOCUMENT, DEMO_EMAIL_DOMAIN } from './catalogue.ts';
import type { DemoRows, Executor } from './demo.repo.ts';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, PATRONYMICS, SURNAMES } from './names.ts';
import { mulberry32, pick, randomInt, type Rng } from './prng.ts';
import { seedExpertStageDemo } from './admissions-experts-demo.ts';
import { composeEssay } from './admissions-essays.ts';
import { seedPermInterviewsDemo } from './admissions-interviews-demo.ts';

const SEED = 20_240_515;
const ESSAY_SEED = 20_240_601;
/** Applicants besides the 160 who were admitted: with them, 640 applications, 4 per place. */
const OTHER_APPLICANTS = 480;
/** At most this many nominees in all (the regions' quotas bind first). */
const NOMINATED = 565;
const QUOTA_PER_REGION = 7;
const DAY_MS = 86_400_000;

export const DEMO_ADMISSION_RULES: EligibilityRules = {
  minAge: 26,
  maxAge: 60,
  ageReferenceDate: '2024-10-08',
  minEducation: 'bachelor',
  minManagementYears: 2,
  requiresService: true,
  minServiceYears: null,
};

/** Yields exactly the 160 enrolled participants: their scores are the top 160 of the nominees. */
export const DEMO_RANKING_CONFIG: RankingConfig = {
  weights: { test: 50, expert: 50, interview: 0 },
  targetTotal: 160,
  reserveSize: 20,
  minScore: 0,
  defaultCap: null,
  defaultFloor: 0,
  caps: {},
  floors: {},
};

/** The Perm school's test in two blocks of 10 minutes (20 in all, as before blocks existed). */
const PERM_BLOCKS = [
  { key: 'city', titleRu: 'Город и программа', titleEn: 'The city and the programme', timeLimitMinutes: 10 },
  { key: 'goals', titleRu: 'Национальные цели', titleEn: 'National goals', timeLimitMinutes: 10 },
];

/** The Perm school's online test: about the city-management simulator and the national goals. */
const PERM_TEST = [
  {
    kind: 'single',
    textRu: 'Сколько жителей в вымышленном городе симулятора «Управляй городом!»?',
    textEn: 'How many people live in the fictional city of the “Run the City!” simulator?',
    options: [
      { key: 'a', textRu: '55 000', textEn: '55,000' },
      { key: 'b', textRu: '550 000', textEn: '550,000' },
      { key: 'c', textRu: '5 500 000', textEn: '5,500,000' },
    ],
    correct: ['b'],
    points: 1,
    block: 'city',
  },
  {
    kind: 'multiple',
    textRu: 'Что из перечисленного — национальные цели развития России?',
    textEn: 'Which of these are national development goals of Russia?',
    options: [
      { key: 'a', textRu: 'Сохранение населения, укрепление здоровья и повышение благополучия людей, поддержка семьи', textEn: 'Preserving the population, health and well-being, support for families' },
      { key: 'b', textRu: 'Экологическое благополучие', textEn: 'Environmental well-being' },
      { key: 'c', textRu: 'Сокращение числа муниципалитетов вдвое', textEn: 'Halving the number of municipalities' },
    ],
    correct: ['a', 'b'],
    points: 2,
    block: 'goals',
  },
  {
    kind: 'numeric',
    textRu: 'Сколько месяцев длится программа Школы мэров Пермского края?',
    textEn: 'How many months does the Perm Krai School of Mayors last?',
    options: [],
    correct: { value: 3, tolerance: 0 },
    points: 1,
    block: 'city',
  },
];

const POSITIONS = [
  'Глава муниципального округа',
  'Глава городского округа',
  'Заместитель главы администрации',
  'Глава администрации района',
  'Первый заместитель главы администрации',
  'Начальник управления экономического развития',
];

type Insertable<T extends PgTable> = T['$inferInsert'];
async function insertAll<T extends PgTable>(tx: Executor, table: T, rows: Array<Insertable<T>>): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(table).values(rows.slice(i, i + 1000) as never);
}

const at = (start: string, offsetMs: number) => new Date(Date.parse(start) + offsetMs);

/** A synthetic applicant: name, age, education and experience drawn so that most, not all, are eligible. */
function drawApplicant(rng: Rng, index: number) {
  const isFemale = rng() < 0.4;
  const [maleSurname, femaleSurname] = pick(rng, SURNAMES);
  const [malePatronymic, femalePatronymic] = pick(rng, PATRONYMICS);
  const age = randomInt(rng, 24, 63);
  const birthYear = 2024 - age;
  const birthDate = `${birthYear}-${String(randomInt(rng, 1, 12)).padStart(2, '0')}-${String(randomInt(rng, 1, 28)).padStart(2, '0')}`;
  const educationRoll = rng();
  const education: EducationLevel = educationRoll < 0.06 ? 'vocational' : educationRoll < 0.4 ? 'bachelor' : educationRoll < 0.95 ? 'master' : 'doctorate';
  const serviceRoll = rng();
  return {
    email: `applicant-${String(index).padStart(4, '0')}@${DEMO_EMAIL_DOMAIN}`,
    lastName: isFemale ? femaleSurname : maleSurname,
    firstName: pick(rng, isFemale ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
    middleName: isFemale ? femalePatronymic : malePatronymic,
    gender: isFemale ? 'female' : 'male',
    birthDate,
    education,
    managementYears: randomInt(rng, 1, 20),
    serviceKind: serviceRoll < 0.05 ? ('none' as const) : serviceRoll < 0.3 ? ('state' as const) : ('municipal' as const),
    serviceYears: randomInt(rng, 2, 25),
    position: pick(rng, POSITIONS),
    phone: `+7 9${String(randomInt(rng, 10, 99))} ${String(randomInt(rng, 100, 999))}-${String(randomInt(rng, 10, 99))}-${String(randomInt(rng, 10, 99))}`,
  };
}

/**
 * Admissions of the article's intake: a closed 2024 campaign with the regional nomination gate, 640
 * applications (4 per place) from all 89 regions, nominees within the regions' quotas, test scores,
 * expert scores from the blind expert stage (admissions-experts-demo.ts), and a committed ranking whose 160 admitted are exactly the participants of streams 3 and 4. Also an open
 * campaign of the Perm regional school, so the public page has something to show. Set-based inserts,
 * seeded PRNG: the same data on every start.
 */
export async function seedAdmissionsDemo(tx: Executor, rows: DemoRows) {
  const rng = mulberry32(SEED);
  const newId = () => crypto.randomUUID();
  const mayors = rows.programmes.find((p) => p.slug === 'school-of-mayors')!;
  const perm = rows.programmes.find((p) => p.slug === 'perm-school-of-mayors')!;
  const intakeId = rows.intakes.find((i) => i.programmeId === mayors.id && i.startsOn === '2024-10-08')!.id!;
  const streamIds = new Set(rows.streams.filter((s) => s.intakeId === intakeId).map((s) => s.id!));
  const enrolledIds = new Set(rows.enrolments.filter((e) => streamIds.has(e.streamId)).map((e) => e.personId));
  const enrolled = rows.people.filter((p) => enrolledIds.has(p.id!));
  const municipalityRows = await tx
    .select({ id: municipalities.id, regionCode: municipalities.regionCode })
    .from(municipalities)
    .orderBy(asc(municipalities.regionCode), asc(municipalities.name), asc(municipalities.kind));
  const municipalitiesByRegion = new Map<string, string[]>();
  for (const m of municipalityRows) municipalitiesByRegion.set(m.regionCode, [...(municipalitiesByRegion.get(m.regionCode) ?? []), m.id]);
  // Applications come from every federal subject: where the demo has no municipality yet, the regional
  // capital's urban okrug is added (idempotent on the region-name-kind key), so every applicant names one.
  const missing = FEDERAL_SUBJECTS.filter((s) => !municipalitiesByRegion.has(s.code));
  if (missing.length > 0) {
    const added = await tx
      .insert(municipalities)
      .values(missing.map((s) => ({ regionCode: s.code, name: `Городской округ город ${s.capitalRu}`, kind: 'urban_okrug', lat: s.lat, lon: s.lon })))
      .onConflictDoUpdate({ target: [municipalities.regionCode, municipalities.name, municipalities.kind], set: { kind: sql`excluded.kind` } })
      .returning({ id: municipalities.id, regionCode: municipalities.regionCode });
    for (const m of added) municipalitiesByRegion.set(m.regionCode, [m.id]);
  }
  const regionCodes = FEDERAL_SUBJECTS.map((s) => s.code);

  const campaignId = newId();
  const opensAt = '2024-05-15T06:00:00Z';
  const window = 61 * DAY_MS;
  await tx.insert(admissionCampaigns).values({
    id: campaignId,
    intakeId,
    slug: 'school-of-mayors-2024',
    titleRu: 'Школа мэров — набор 2024–2025',
    titleEn: 'School of Mayors — 2024–2025 intake',
    descriptionRu: 'Федеральная программа развития глав и заместителей глав муниципальных образований. Потоки 3 и 4, октябрь 2024 — июнь 2025.',
    descriptionEn: 'The federal programme for heads and deputy heads of municipalities. Streams 3 and 4, October 2024 to June 2025.',
    opensAt: new Date(opensAt),
    closesAt: at(opensAt, window),
    isPublished: true,
    form: { fields: ['education', 'managementYears', 'service', 'position', 'municipality', 'motivation', 'documents'], required: ['education', 'managementYears', 'service', 'position', 'motivation'], motivationMaxLength: 4000 },
    rules: DEMO_ADMISSION_RULES,
    hasNominationGate: true,
    defaultNominationQuota: QUOTA_PER_REGION,
    rankingConfig: DEMO_RANKING_CONFIG,
    rankedAt: new Date('2024-09-20T09:00:00Z'),
  });

  // The admitted: the participants themselves, with their real (demo) profile and top scores.
  type Application = Insertable<typeof admissionApplications>;
  const applications: Application[] = enrolled.map((p) => ({
    id: newId(),
    campaignId,
    personId: p.id!,
    regionCode: p.regionCode!,
    municipalityId: p.municipalityId,
    birthDate: p.birthDate!,
    education: rng() < 0.7 ? 'master' : 'bachelor',
    managementYears: randomInt(rng, 3, 20),
    serviceKind: 'municipal',
    serviceYears: randomInt(rng, 4, 25),
    position: p.position,
    submittedAt: at(opensAt, Math.floor(rng() * window)),
    testScore: randomInt(rng, 70, 100),
    isEligible: true,
    eligibilityReasons: [{ key: 'eligible' }],
    nominatedAt: new Date('2024-08-01T09:00:00Z'),
    nominationComment: 'Рекомендован высшим должностным лицом субъекта РФ',
    status: 'submitted',
  }));

  // Everyone else: new people of every region, with a consent like every demo person.
  const others = Array.from({ length: OTHER_APPLICANTS }, (_, i) => {
    const regionCode = regionCodes[i % regionCodes.length]!;
    return { ...drawApplicant(rng, i + 1), regionCode, municipalityId: pick(rng, municipalitiesByRegion.get(regionCode)!), id: newId() };
  });
  await insertAll(
    tx,
    people,
    others.map((o) => ({ id: o.id, email: o.email, lastName: o.lastName, firstName: o.firstName, middleName: o.middleName, gender: o.gender, birthDate: o.birthDate, position: o.position, phone: o.phone, regionCode: o.regionCode, municipalityId: o.municipalityId })),
  );
  await insertAll(tx, consents, others.map((o) => ({ personId: o.id, documentVersion: DEMO_CONSENT_DOCUMENT.version, grantedAt: at(opensAt, 0) })));

  const nominatedByRegion = new Map<string, number>();
  for (const a of applications) nominatedByRegion.set(a.regionCode!, (nominatedByRegion.get(a.regionCode!) ?? 0) + 1);
  let nominated = applications.length;
  for (const o of others) {
    const eligibility = evaluateEligibility(o, DEMO_ADMISSION_RULES, '2024-07-15');
    const used = nominatedByRegion.get(o.regionCode) ?? 0;
    const isNominated = eligibility.isEligible && used < QUOTA_PER_REGION && nominated < NOMINATED && rng() < 0.85;
    if (isNominated) {
      nominatedByRegion.set(o.regionCode, used + 1);
      nominated += 1;
    }
    applications.push({
      id: newId(),
      campaignId,
      personId: o.id,
      regionCode: o.regionCode,
      municipalityId: o.municipalityId,
      birthDate: o.birthDate,
      education: o.education,
      managementYears: o.managementYears,
      serviceKind: o.serviceKind,
      serviceYears: o.serviceYears,
      position: o.position,
      submittedAt: at(opensAt, Math.floor(rng() * window)),
      isEligible: eligibility.isEligible,
      eligibilityReasons: eligibility.reasons,
      nominatedAt: isNominated ? new Date('2024-08-01T09:00:00Z') : null,
      nominationComment: isNominated ? 'Рекомендован высшим должностным лицом субъекта РФ' : null,
      // Nominees below the admitted on both stages, so the ranking reproduces the article's 160.
      testScore: isNominated ? randomInt(rng, 20, 69) : null,
      status: isNominated ? 'nominated' : 'submitted',
    });
  }

  // A region whose admitted alone exceed the default quota had a larger quota of its own.
  const quotaRows = [...nominatedByRegion].filter(([, n]) => n > QUOTA_PER_REGION).map(([regionCode, n]) => ({ campaignId, regionCode, nominationQuota: n }));
  if (quotaRows.length > 0) await tx.insert(admissionRegionQuotas).values(quotaRows);

  // The expert stage (blind double scoring, a third on a wide gap) gives every nominee their expert score.
  const admittedIds = new Set(applications.slice(0, enrolled.length).map((a) => a.id!));
  const pool = applications.filter((a) => a.nominatedAt);
  const expertStage = await seedExpertStageDemo(
    tx,
    rows,
    rng,
    campaignId,
    pool.map((a) => ({ id: a.id!, regionCode: a.regionCode!, isStrong: admittedIds.has(a.id!) })),
  );
  for (const a of pool) a.expertScore = expertStage.scores.get(a.id!)!;

  // The committed ranking over the nominees, computed by the same code the staff page runs.
  const result = rankCandidates(
    pool.map((a) => ({ id: a.id!, regionCode: a.regionCode!, test: a.testScore ?? null, expert: a.expertScore ?? null, interview: null, submittedAt: (a.submittedAt as Date).getTime() })),
    DEMO_RANKING_CONFIG,
  );
  const decidedAt = new Date('2024-09-20T09:00:00Z');
  const byId = new Map(applications.map((a) => [a.id!, a]));
  for (const item of result.items) {
    const a = byId.get(item.id)!;
    Object.assign(a, {
      compositeScore: item.composite,
      rankPosition: item.position,
      decision: item.outcome,
      decisionReason: item.reason,
      decidedAt,
      notifiedAt: decidedAt,
      // The admitted were enrolled into streams 3 and 4.
      status: item.outcome === 'admitted' ? 'enrolled' : item.outcome,
    });
  }
  // Essays from a source of their own per applicant, so that the draws above (and the ranking) stay as they were.
  applications.forEach((a, i) => {
    a.motivation = composeEssay(mulberry32(ESSAY_SEED + i), { regionCode: a.regionCode!, position: a.position, managementYears: a.managementYears });
  });
  await insertAll(tx, admissionApplications, applications);
  await expertStage.insertReviews();
  await tx.insert(admissionRankingRuns).values({
    campaignId,
    config: DEMO_RANKING_CONFIG,
    reason: 'Решение конкурсной комиссии, протокол № 3 от 20.09.2024',
    summary: result.summary,
    createdAt: decidedAt,
  });

  // The Perm regional school's next intake, open for applications now.
  const permIntakeId = newId();
  await tx.insert(intakes).values({ id: permIntakeId, programmeId: perm.id!, nameRu: 'Набор 2027', nameEn: 'Intake 2027', startsOn: '2027-02-01', endsOn: '2027-04-30' });
  const [permCampaign] = await tx.insert(admissionCampaigns).values({
    intakeId: permIntakeId,
    slug: 'perm-school-of-mayors-2027',
    titleRu: 'Школа мэров Пермского края — набор 2027',
    titleEn: 'Perm Krai School of Mayors — 2027 intake',
    descriptionRu: 'Трёхмесячная программа профессиональной переподготовки для муниципальных управленцев Пермского края.',
    descriptionEn: 'A three-month professional retraining programme for municipal managers of Perm Krai.',
    opensAt: new Date('2026-09-01T06:00:00Z'),
    closesAt: new Date('2027-01-15T20:59:00Z'),
    isPublished: true,
    form: { fields: ['education', 'managementYears', 'service', 'position', 'municipality', 'motivation', 'documents'], required: ['education', 'managementYears', 'motivation'], motivationMaxLength: 3000 },
    rules: { minAge: null, maxAge: 55, ageReferenceDate: '2027-02-01', minEducation: 'bachelor', minManagementYears: 3, requiresService: false, minServiceYears: null },
    testOpensAt: new Date('2026-09-01T06:00:00Z'),
    testClosesAt: new Date('2027-01-31T20:59:00Z'),
    testDurationMinutes: 20,
  }).returning({ id: admissionCampaigns.id });
  const permQuestions = await tx
    .insert(admissionTestQuestions)
    .values(PERM_TEST.map(({ block: _block, ...q }, position) => ({ ...q, campaignId: permCampaign!.id, position })))
    .returning({ id: admissionTestQuestions.id, position: admissionTestQuestions.position });
  const permBlocks = await tx
    .insert(admissionTestBlocks)
    .values(PERM_BLOCKS.map((b, position) => ({ ...b, campaignId: permCampaign!.id, position })))
    .returning({ id: admissionTestBlocks.id, key: admissionTestBlocks.key });
  const blockIdOf = new Map(permBlocks.map((b) => [b.key, b.id]));
  await tx.insert(admissionTestQuestionBlocks).values(permQuestions.map((q) => ({ questionId: q.id, blockId: blockIdOf.get(PERM_TEST[q.position]!.block)! })));
  await seedPermInterviewsDemo(tx, rows, permCampaign!.id);
  const [counts] = (await tx.execute<{ n: number }>(sql`select count(*)::int as n from ${admissionApplications}`)).rows;
  return { applications: counts?.n ?? 0, nominated, admitted: result.summary.admitted };
}
