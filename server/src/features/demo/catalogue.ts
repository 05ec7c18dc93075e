/**
 * The fixed part of the demo: who runs what, when, and which accounts exist. The random part (people,
 * municipalities) is built by generate.ts from a seeded PRNG; both are plain data that demo.seed.ts writes.
 */

export const DEMO_EMAIL_DOMAIN = 'demo.mayors-school.ru';
/** Shared by every demo account; printed at start-up so a visitor can sign in. */
export const DEMO_PASSWORD = 'demo-password-2025';
export const DEMO_CONSENT_VERSION = '2024-01';

/** What the article says and the demo reproduces; tests assert these against the database. */
export const DEMO_FACTS = {
  participants: 160,
  participantsPerStream: 80,
  streamNumbers: [3, 4],
  regions: 82,
  minAge: 26,
  maxAge: 60,
  /** Ages are counted at the intake start. */
  ageReferenceDate: '2024-10-08',
  intakeStartsOn: '2024-10-08',
  intakeEndsOn: '2025-06-05',
  completionThresholdPct: 80,
  permParticipants: 25,
  /** Graduates of the earlier intake 2023–2024, per stream (streams 1 and 2). */
  alumniPerStream: 4,
} as const;

export type OrganisationSlug = 'ranepa-vshgu' | 'presidential-administration' | 'varmsu' | 'perm-krai-government';
export type ProgrammeSlug = 'school-of-mayors' | 'perm-school-of-mayors';
export type IntakeKey = 'som-2023' | 'som-2024' | 'perm-2025';

export const DEMO_ORGANISATIONS: ReadonlyArray<{ slug: OrganisationSlug; nameRu: string; nameEn: string; kind: 'operator' | 'partner' }> = [
  {
    slug: 'ranepa-vshgu',
    nameRu: 'Высшая школа государственного управления РАНХиГС (ВШГУ)',
    nameEn: 'Higher School of Public Administration, Presidential Academy (RANEPA)',
    kind: 'operator',
  },
  {
    slug: 'presidential-administration',
    nameRu: 'Администрация Президента Российской Федерации',
    nameEn: 'Presidential Administration of the Russian Federation',
    kind: 'partner',
  },
  {
    slug: 'varmsu',
    nameRu: 'Всероссийская ассоциация развития местного самоуправления (ВАРМСУ)',
    nameEn: 'All-Russian Association for the Development of Local Self-Government (VARMSU)',
    kind: 'partner',
  },
  { slug: 'perm-krai-government', nameRu: 'Правительство Пермского края', nameEn: 'Government of Perm Krai', kind: 'operator' },
];

export const DEMO_PROGRAMMES: ReadonlyArray<{
  slug: ProgrammeSlug;
  organisation: OrganisationSlug;
  nameRu: string;
  nameEn: string;
  descriptionRu: string;
  descriptionEn: string;
  completionThresholdPct: number;
}> = [
  {
    slug: 'school-of-mayors',
    organisation: 'ranepa-vshgu',
    nameRu: 'Школа мэров',
    nameEn: 'School of Mayors',
    descriptionRu:
      'Федеральная программа развития муниципальных управленческих кадров: шесть очных модулей, ' +
      'практики в регионах, проектная работа с муниципальными командами.',
    descriptionEn:
      'The federal development programme for municipal leaders: six in-person modules, ' +
      'practices studied in the regions, project work with municipal teams.',
    completionThresholdPct: DEMO_FACTS.completionThresholdPct,
  },
  {
    slug: 'perm-school-of-mayors',
    organisation: 'perm-krai-government',
    nameRu: 'Школа мэров Пермского края',
    nameEn: 'Perm Krai School of Mayors',
    descriptionRu:
      'Региональная программа на 3 месяца для глав и заместителей глав муниципалитетов Пермского края ' +
      'с деловой игрой «Управляй городом!»; завершается дипломом о профессиональной переподготовке.',
    descriptionEn:
      'A 3-month regional programme for heads and deputy heads of Perm Krai municipalities, ' +
      'ending in a professional-retraining diploma, with the city-management game "Run the City!".',
    completionThresholdPct: DEMO_FACTS.completionThresholdPct,
  },
];

export interface DemoStreamSpec {
  number: number;
  startsOn: string;
  endsOn: string;
}

export const DEMO_INTAKES: ReadonlyArray<{
  key: IntakeKey;
  programme: ProgrammeSlug;
  nameRu: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
  streams: DemoStreamSpec[];
}> = [
  {
    key: 'som-2023',
    programme: 'school-of-mayors',
    nameRu: 'Набор 2023–2024',
    nameEn: 'Intake 2023–2024',
    startsOn: '2023-10-10',
    endsOn: '2024-06-07',
    streams: [
      { number: 1, startsOn: '2023-10-10', endsOn: '2024-06-07' },
      { number: 2, startsOn: '2023-10-17', endsOn: '2024-06-07' },
    ],
  },
  {
    key: 'som-2024',
    programme: 'school-of-mayors',
    nameRu: 'Набор 2024–2025',
    nameEn: 'Intake 2024–2025',
    startsOn: DEMO_FACTS.intakeStartsOn,
    endsOn: DEMO_FACTS.intakeEndsOn,
    // Both streams finish together: module 6 with the diploma ceremony is 2–5 June 2025 at Senezh.
    streams: [
      { number: 3, startsOn: '2024-10-08', endsOn: '2025-06-05' },
      { number: 4, startsOn: '2024-10-15', endsOn: '2025-06-05' },
    ],
  },
  {
    key: 'perm-2025',
    programme: 'perm-school-of-mayors',
    nameRu: 'Набор 2025',
    nameEn: 'Intake 2025',
    startsOn: '2025-02-03',
    endsOn: '2025-04-30',
    streams: [{ number: 1, startsOn: '2025-02-03', endsOn: '2025-04-30' }],
  },
];

/** `${intakeKey}:${streamNumber}` — how generated enrolments name their stream before ids exist. */
export type StreamKey = `${IntakeKey}:${number}`;
export const streamKey = (intake: IntakeKey, number: number): StreamKey => `${intake}:${number}`;

export const DEMO_CONSENT_DOCUMENT = {
  version: DEMO_CONSENT_VERSION,
  publishedAt: '2024-01-15T09:00:00.000Z',
  textRu:
    'Я даю согласие оператору программы на обработку моих персональных данных (фамилия, имя, отчество, ' +
    'дата рождения, контактные данные, место работы и должность) в целях отбора, обучения, выдачи документа ' +
    'об образовании и сопровождения выпускников в соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ ' +
    '«О персональных данных». Согласие действует до достижения целей обработки и может быть отозвано мной ' +
    'в любой момент письменным заявлением или в личном кабинете.',
  textEn:
    'I consent to the programme operator processing my personal data (full name, date of birth, contact ' +
    'details, employer and position) for selection, training, issuing an education document and alumni ' +
    'support, under Federal Law No. 152-FZ of 27 July 2006 "On Personal Data". The consent is valid until ' +
    'these purposes are achieved and I may withdraw it at any time in writing or in my account.',
} as const;

export type DemoRole = 'admin' | 'staff' | 'coordinator' | 'expert' | 'participant' | 'alumnus';

/** A grant before ids exist: the scope is named by slugs and keys. */
export interface DemoGrantSpec {
  role: DemoRole;
  organisation?: OrganisationSlug;
  programme?: ProgrammeSlug;
  stream?: StreamKey;
  regionCode?: string;
}

/**
 * The sign-in accounts. `person` links the account to a generated participant (by e-mail);
 * staff-like accounts get a generated display name.
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{ local: string; role: DemoRole; person?: string; grants: DemoGrantSpec[] }> = [
  { local: 'admin', role: 'admin', grants: [{ role: 'admin' }] },
  {
    local: 'staff',
    role: 'staff',
    grants: [{ role: 'staff', organisation: 'ranepa-vshgu', programme: 'school-of-mayors' }],
  },
  {
    local: 'perm-staff',
    role: 'staff',
    grants: [{ role: 'staff', organisation: 'perm-krai-government', programme: 'perm-school-of-mayors' }],
  },
  {
    local: 'coordinator',
    role: 'coordinator',
    grants: ['RU-SAM', 'RU-IRK'].map((regionCode) => ({
      role: 'coordinator' as const,
      organisation: 'ranepa-vshgu' as const,
      programme: 'school-of-mayors' as const,
      regionCode,
    })),
  },
  {
    local: 'expert',
    role: 'expert',
    grants: [{ role: 'expert', organisation: 'ranepa-vshgu', programme: 'school-of-mayors' }],
  },
  {
    local: 'participant',
    role: 'participant',
    person: `p003.001@${DEMO_EMAIL_DOMAIN}`,
    grants: [
      { role: 'participant', organisation: 'ranepa-vshgu', programme: 'school-of-mayors', stream: streamKey('som-2024', 3) },
    ],
  },
  {
    local: 'alumnus',
    role: 'alumnus',
    person: `p001.001@${DEMO_EMAIL_DOMAIN}`,
    grants: [{ role: 'alumnus', organisation: 'ranepa-vshgu', programme: 'school-of-mayors' }],
  },
];

/** Regions the demo always includes among the 82: the article's 10 host regions, the coordinator's, Perm. */
export const DEMO_REQUIRED_REGIONS: readonly string[] = [
  'RU-ARK', 'RU-IRK', 'RU-KLU', 'RU-NGR', 'RU-SAM', 'RU-MOS', 'RU-KHM', 'RU-CE', 'RU-SA', 'RU-MOW', 'RU-PER',
];
