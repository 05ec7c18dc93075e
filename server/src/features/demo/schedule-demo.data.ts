import type { AffiliationKind, CurriculumTopic, SessionKind } from '@ms/contracts/schedule';

/** Fixed data of the schedule demo: venues, each stream's six modules, speakers and day plans. */

export interface DemoVenue {
  key: string;
  nameRu: string;
  nameEn: string;
  addressRu: string;
  addressEn: string;
  regionCode: string;
  lat: number;
  lon: number;
  timeZone: string;
  /** Whole-hour UTC offset: Russia has kept standard time all year since 2014. */
  utcOffset: number;
  lodging: string;
}

export const DEMO_VENUES: readonly DemoVenue[] = [
  // Lake Senezh, Solnechnogorsk (approximate: the campus lies on the lake's shore at about 56.2 N, 37.0 E).
  { key: 'senezh', nameRu: 'Мастерская управления «Сенеж»', nameEn: 'Senezh Management Workshop', addressRu: 'Московская область, г. о. Солнечногорск, озеро Сенеж', addressEn: 'Lake Senezh, Solnechnogorsk, Moscow Oblast', regionCode: 'RU-MOS', lat: 56.2, lon: 36.98, timeZone: 'Europe/Moscow', utcOffset: 3, lodging: 'Кампус «Сенеж»' },
  { key: 'ark', nameRu: 'Архангельск, Правительство области', nameEn: 'Arkhangelsk, Regional Government', addressRu: 'Архангельск, пл. Ленина, 1', addressEn: '1 Lenin Square, Arkhangelsk', regionCode: 'RU-ARK', lat: 64.5393, lon: 40.5187, timeZone: 'Europe/Moscow', utcOffset: 3, lodging: 'Гостиница «Двина»' },
  { key: 'irk', nameRu: 'Иркутск, Байкальский государственный университет', nameEn: 'Irkutsk, Baikal State University', addressRu: 'Иркутск, ул. Ленина, 11', addressEn: '11 Lenin St, Irkutsk', regionCode: 'RU-IRK', lat: 52.287, lon: 104.305, timeZone: 'Asia/Irkutsk', utcOffset: 8, lodging: 'Гостиница «Ангара»' },
  { key: 'ce', nameRu: 'Грозный, Дом Правительства', nameEn: 'Grozny, Government House', addressRu: 'Грозный, ул. Гарибальди, 1', addressEn: '1 Garibaldi St, Grozny', regionCode: 'RU-CE', lat: 43.318, lon: 45.6982, timeZone: 'Europe/Moscow', utcOffset: 3, lodging: 'Гостиница «Грозный-Сити»' },
  { key: 'sa', nameRu: 'Якутск, Северо-Восточный федеральный университет', nameEn: 'Yakutsk, North-Eastern Federal University', addressRu: 'Якутск, ул. Белинского, 58', addressEn: '58 Belinsky St, Yakutsk', regionCode: 'RU-SA', lat: 62.0278, lon: 129.7042, timeZone: 'Asia/Yakutsk', utcOffset: 9, lodging: 'Гостиница «Полярная звезда»' },
  { key: 'khm', nameRu: 'Ханты-Мансийск, Технопарк высоких технологий', nameEn: 'Khanty-Mansiysk, High Technology Park', addressRu: 'Ханты-Мансийск, ул. Студенческая, 19', addressEn: '19 Studencheskaya St, Khanty-Mansiysk', regionCode: 'RU-KHM', lat: 61.0042, lon: 69.0019, timeZone: 'Asia/Yekaterinburg', utcOffset: 5, lodging: 'Гостиница «Югорская долина»' },
  { key: 'sam', nameRu: 'Самара, Самарский университет', nameEn: 'Samara, Samara University', addressRu: 'Самара, Московское ш., 34', addressEn: '34 Moskovskoye Hwy, Samara', regionCode: 'RU-SAM', lat: 53.2028, lon: 50.1408, timeZone: 'Europe/Samara', utcOffset: 4, lodging: 'Гостиница «Волга»' },
  { key: 'mow', nameRu: 'Москва, Президентская академия', nameEn: 'Moscow, Presidential Academy', addressRu: 'Москва, пр-т Вернадского, 82', addressEn: '82 Vernadsky Ave, Moscow', regionCode: 'RU-MOW', lat: 55.6658, lon: 37.4781, timeZone: 'Europe/Moscow', utcOffset: 3, lodging: 'Гостиница Академии' },
];

export interface DemoModule {
  number: number;
  venue: string;
  startsOn: string;
  days: number;
  hostRegionCode: string | null;
  coHostRegionCodes?: string[];
  themeRu: string;
  themeEn: string;
  topics: CurriculumTopic[];
}

const THEMES = {
  goals: { themeRu: 'Национальные цели развития и современное управление', themeEn: 'National development goals and modern management', topics: ['national_goals', 'management_methods', 'team_dynamics'] },
  strategy: { themeRu: 'Стратегия развития муниципалитета', themeEn: 'Municipal development strategy', topics: ['strategic_planning', 'territorial_development'] },
  team: { themeRu: 'Командная и операционная эффективность', themeEn: 'Team and operational efficiency', topics: ['team_dynamics', 'operational_efficiency'] },
  economy: { themeRu: 'Экономическая деятельность и инфраструктура', themeEn: 'Economic activity and infrastructure', topics: ['municipal_economics', 'territorial_development'] },
  management: { themeRu: 'Муниципальное управление и работа с жителями', themeEn: 'Municipal management and working with residents', topics: ['municipal_management', 'operational_efficiency'] },
  final: { themeRu: 'Итоговый модуль: защита проектов и вручение дипломов', themeEn: 'Final module: project defences and diplomas', topics: ['strategic_planning', 'municipal_management'] },
} as const satisfies Record<string, { themeRu: string; themeEn: string; topics: readonly CurriculumTopic[] }>;
const theme = (key: keyof typeof THEMES) => ({ ...THEMES[key], topics: [...THEMES[key].topics] });

/**
 * Six modules per stream: 1 and 6 at Senezh, 2–5 hosted by regions. Together the field modules' host and
 * co-host regions are exactly the article's ten; the far-flung order makes the two routes ≥ 30,000 km.
 */
export const DEMO_MODULES: Readonly<Record<3 | 4, DemoModule[]>> = {
  3: [
    { number: 1, venue: 'senezh', startsOn: '2024-10-08', days: 5, hostRegionCode: null, ...theme('goals') },
    { number: 2, venue: 'ark', startsOn: '2024-11-19', days: 4, hostRegionCode: 'RU-ARK', coHostRegionCodes: ['RU-NGR'], ...theme('strategy') },
    { number: 3, venue: 'irk', startsOn: '2025-01-21', days: 4, hostRegionCode: 'RU-IRK', ...theme('team') },
    { number: 4, venue: 'ce', startsOn: '2025-02-25', days: 4, hostRegionCode: 'RU-CE', ...theme('economy') },
    { number: 5, venue: 'sa', startsOn: '2025-04-08', days: 4, hostRegionCode: 'RU-SA', ...theme('management') },
    { number: 6, venue: 'senezh', startsOn: '2025-06-02', days: 4, hostRegionCode: null, ...theme('final') },
  ],
  4: [
    { number: 1, venue: 'senezh', startsOn: '2024-10-15', days: 5, hostRegionCode: null, ...theme('goals') },
    { number: 2, venue: 'khm', startsOn: '2024-11-26', days: 4, hostRegionCode: 'RU-KHM', ...theme('strategy') },
    { number: 3, venue: 'sam', startsOn: '2025-01-28', days: 4, hostRegionCode: 'RU-SAM', ...theme('team') },
    { number: 4, venue: 'sa', startsOn: '2025-03-11', days: 4, hostRegionCode: 'RU-SA', ...theme('economy') },
    { number: 5, venue: 'mow', startsOn: '2025-04-22', days: 4, hostRegionCode: 'RU-MOW', coHostRegionCodes: ['RU-MOS', 'RU-KLU'], ...theme('management') },
    { number: 6, venue: 'senezh', startsOn: '2025-06-02', days: 4, hostRegionCode: null, ...theme('final') },
  ],
};

export const DEMO_SPEAKERS: ReadonlyArray<{ nameRu: string; nameEn: string; affiliationKind: AffiliationKind; organisationRu: string; organisationEn: string; isExpertAccount?: boolean }> = [
  { nameRu: 'Орлова Вера Николаевна', nameEn: 'Vera Orlova', affiliationKind: 'federal_ministry', organisationRu: 'Министерство экономического развития РФ', organisationEn: 'Ministry of Economic Development' },
  { nameRu: 'Климов Андрей Петрович', nameEn: 'Andrey Klimov', affiliationKind: 'federal_ministry', organisationRu: 'Министерство финансов РФ', organisationEn: 'Ministry of Finance' },
  { nameRu: 'Зайцев Игорь Викторович', nameEn: 'Igor Zaitsev', affiliationKind: 'regional_government', organisationRu: 'Правительство Самарской области', organisationEn: 'Government of Samara Oblast' },
  { nameRu: 'Лебедева Ольга Сергеевна', nameEn: 'Olga Lebedeva', affiliationKind: 'regional_government', organisationRu: 'Правительство Республики Саха (Якутия)', organisationEn: 'Government of the Sakha Republic' },
  { nameRu: 'Соколов Дмитрий Ильич', nameEn: 'Dmitry Sokolov', affiliationKind: 'municipal_head', organisationRu: 'Администрация г. о. Солнечногорск', organisationEn: 'Solnechnogorsk Administration' },
  { nameRu: 'Морозова Татьяна Андреевна', nameEn: 'Tatiana Morozova', affiliationKind: 'municipal_head', organisationRu: 'Администрация г. Ханты-Мансийска', organisationEn: 'Khanty-Mansiysk Administration' },
  { nameRu: 'Волков Сергей Александрович', nameEn: 'Sergey Volkov', affiliationKind: 'academy_faculty', organisationRu: 'ВШГУ РАНХиГС', organisationEn: 'RANEPA Higher School of Public Administration', isExpertAccount: true },
  { nameRu: 'Никитина Елена Борисовна', nameEn: 'Elena Nikitina', affiliationKind: 'academy_faculty', organisationRu: 'ВШГУ РАНХиГС', organisationEn: 'RANEPA Higher School of Public Administration' },
  { nameRu: 'Павлов Максим Юрьевич', nameEn: 'Maxim Pavlov', affiliationKind: 'academy_faculty', organisationRu: 'ВШГУ РАНХиГС', organisationEn: 'RANEPA Higher School of Public Administration' },
  { nameRu: 'Ершова Анна Владимировна', nameEn: 'Anna Ershova', affiliationKind: 'business', organisationRu: 'Инфраструктурный фонд «Развитие»', organisationEn: '"Development" Infrastructure Fund' },
  { nameRu: 'Тихонов Роман Олегович', nameEn: 'Roman Tikhonov', affiliationKind: 'other', organisationRu: 'ВАРМСУ', organisationEn: 'VARMSU' },
  { nameRu: 'Григорьева Наталья Павловна', nameEn: 'Natalia Grigorieva', affiliationKind: 'other', organisationRu: 'Общественная палата РФ', organisationEn: 'Civic Chamber of the Russian Federation' },
];

/** Three local-time slots a day: [start hour, start minute, length in minutes]. */
export const DAY_SLOTS: ReadonlyArray<readonly [number, number, number]> = [
  [10, 0, 90],
  [12, 0, 90],
  [15, 0, 120],
];

/** Session kinds by day; field modules go out to sites and walk with the mayor, Senezh modules stay in. */
export function dayPlan(module: DemoModule, day: number): SessionKind[] {
  const isField = module.hostRegionCode !== null;
  const isLast = day === module.days - 1;
  if (day === 0) return ['lecture', 'workshop', 'team_building'];
  if (module.number === 6 && isLast) return ['project_defence', 'ceremony'];
  if (isLast) return ['open_dialogue', 'strategic_session', 'project_defence'];
  if (isField) return day % 2 === 1 ? ['lecture', 'site_visit', 'walking_tour'] : ['strategic_session', 'open_dialogue', 'workshop'];
  return day % 2 === 1 ? ['lecture', 'strategic_session', 'simulator_game'] : ['workshop', 'open_dialogue', 'team_building'];
}
