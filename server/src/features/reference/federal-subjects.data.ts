/**
 * Reference data: the 89 federal subjects of the Russian Federation as Russian law counts them today
 * (Article 65 of the Constitution), including the Republic of Crimea and Sevastopol (2014) and the
 * Donetsk and Lugansk People's Republics, Zaporozhye and Kherson Oblasts (2022), grouped by federal
 * district. Loaded into the database at every start by `ensureReferenceData`.
 *
 * Capitals are the administrative centres named by the subjects' own laws. Judgement calls:
 * - Moscow Oblast: Krasnogorsk, where the oblast's government sits.
 * - Leningrad Oblast: Gatchina (its administrative centre by regional law since 2021; the
 *   government itself sits in Saint Petersburg).
 * - Zaporozhye and Kherson Oblasts: the cities the regional charters name, Zaporozhye and Kherson,
 *   although the regional governments sit in the temporary centres Melitopol and Genichesk.
 * Coordinates are those of the administrative centre, WGS 84 decimal degrees, 4 decimals.
 */

/** Federal districts of the Russian Federation (codes are ours, stable). */
export const FEDERAL_DISTRICTS = [
  { code: 'CFD', nameRu: 'Центральный', nameEn: 'Central' },
  { code: 'NWFD', nameRu: 'Северо-Западный', nameEn: 'Northwestern' },
  { code: 'SFD', nameRu: 'Южный', nameEn: 'Southern' },
  { code: 'NCFD', nameRu: 'Северо-Кавказский', nameEn: 'North Caucasian' },
  { code: 'VFD', nameRu: 'Приволжский', nameEn: 'Volga' },
  { code: 'UFD', nameRu: 'Уральский', nameEn: 'Ural' },
  { code: 'SibFD', nameRu: 'Сибирский', nameEn: 'Siberian' },
  { code: 'FEFD', nameRu: 'Дальневосточный', nameEn: 'Far Eastern' },
] as const;

export type FederalDistrictCode = (typeof FEDERAL_DISTRICTS)[number]['code'];

/** The constitutional kinds of federal subject. */
export const FEDERAL_SUBJECT_KINDS = ['republic', 'krai', 'oblast', 'federal_city', 'autonomous_oblast', 'autonomous_okrug'] as const;

export type FederalSubjectKind = (typeof FEDERAL_SUBJECT_KINDS)[number];

/**
 * Size of the tile-grid cartogram: every subject holds one tile, column 0 in the west, row 0 in the
 * north. The layout (ISO codes without the `RU-` prefix):
 *
 *   .   .   MUR .   .   .   .   .   .   .   .   .   .   .   .   .   .   CHU
 *   .   .   KR  .   .   .   .   .   ARK NEN YAN .   .   .   .   .   MAG KAM
 *   .   SPE LEN NGR VLG KOS .   .   KIR KO  KHM .   .   .   .   SA  KHA SAK
 *   .   .   PSK TVE YAR IVA NIZ ME  UD  PER SVE TYU OMS TOM KYA IRK AMU .
 *   KGD .   SMO MOS MOW VLA MO  CU  TA  BA  CHE KGN NVS KEM KK  ZAB YEV .
 *   .   .   BRY KLU TUL RYA PNZ ULY SAM ORE .   .   ALT AL  TY  BU  PRI .
 *   .   .   .   ORL LIP TAM SAR .   .   .   .   .   .   .   .   .   .   .
 *   .   .   .   KRS BEL VOR VGG .   .   .   .   .   .   .   .   .   .   .
 *   .   KHE ZAP DPR LPR ROS KL  AST .   .   .   .   .   .   .   .   .   .
 *   .   CR  .   .   AD  KDA STA CE  DA  .   .   .   .   .   .   .   .   .
 *   .   SEV .   .   .   KC  KB  SE  IN  .   .   .   .   .   .   .   .   .
 */
export const TILE_GRID = { cols: 18, rows: 11 } as const;

export interface FederalSubjectSeed {
  /**
   * ISO 3166-2:RU code, e.g. 'RU-MOS'. ISO 3166-2:RU does not list Crimea, Sevastopol or the four
   * subjects added in 2022, so those carry our own codes in the same shape: 'RU-CR', 'RU-SEV',
   * 'RU-DPR', 'RU-LPR', 'RU-ZAP', 'RU-KHE'.
   */
  code: string;
  /** Official short Russian name ('Московская область', 'Москва'). */
  nameRu: string;
  /** English name in common transliteration ('Moscow Oblast'). */
  nameEn: string;
  kind: FederalSubjectKind;
  federalDistrict: FederalDistrictCode;
  /** Administrative centre. */
  capitalRu: string;
  capitalEn: string;
  /** Administrative centre coordinates, WGS 84 decimal degrees, 4 decimals. */
  lat: number;
  lon: number;
  /** Tile-grid cartogram position (0-based column from the west, row from the north), see {@link TILE_GRID}. */
  tileCol: number;
  tileRow: number;
}

export const FEDERAL_SUBJECTS: readonly FederalSubjectSeed[] = [
  // Central Federal District (18)
  { code: 'RU-BEL', nameRu: 'Белгородская область', nameEn: 'Belgorod Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Белгород', capitalEn: 'Belgorod', lat: 50.5955, lon: 36.5873, tileCol: 4, tileRow: 7 },
  { code: 'RU-BRY', nameRu: 'Брянская область', nameEn: 'Bryansk Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Брянск', capitalEn: 'Bryansk', lat: 53.2434, lon: 34.3654, tileCol: 2, tileRow: 5 },
  { code: 'RU-VLA', nameRu: 'Владимирская область', nameEn: 'Vladimir Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Владимир', capitalEn: 'Vladimir', lat: 56.129, lon: 40.4066, tileCol: 5, tileRow: 4 },
  { code: 'RU-VOR', nameRu: 'Воронежская область', nameEn: 'Voronezh Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Воронеж', capitalEn: 'Voronezh', lat: 51.6606, lon: 39.2006, tileCol: 5, tileRow: 7 },
  { code: 'RU-IVA', nameRu: 'Ивановская область', nameEn: 'Ivanovo Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Иваново', capitalEn: 'Ivanovo', lat: 57.0004, lon: 40.9739, tileCol: 5, tileRow: 3 },
  { code: 'RU-KLU', nameRu: 'Калужская область', nameEn: 'Kaluga Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Калуга', capitalEn: 'Kaluga', lat: 54.5138, lon: 36.2612, tileCol: 3, tileRow: 5 },
  { code: 'RU-KOS', nameRu: 'Костромская область', nameEn: 'Kostroma Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Кострома', capitalEn: 'Kostroma', lat: 57.7679, lon: 40.9269, tileCol: 5, tileRow: 2 },
  { code: 'RU-KRS', nameRu: 'Курская область', nameEn: 'Kursk Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Курск', capitalEn: 'Kursk', lat: 51.7304, lon: 36.1926, tileCol: 3, tileRow: 7 },
  { code: 'RU-LIP', nameRu: 'Липецкая область', nameEn: 'Lipetsk Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Липецк', capitalEn: 'Lipetsk', lat: 52.6031, lon: 39.5708, tileCol: 4, tileRow: 6 },
  { code: 'RU-MOS', nameRu: 'Московская область', nameEn: 'Moscow Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Красногорск', capitalEn: 'Krasnogorsk', lat: 55.8204, lon: 37.3302, tileCol: 3, tileRow: 4 },
  { code: 'RU-ORL', nameRu: 'Орловская область', nameEn: 'Oryol Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Орёл', capitalEn: 'Oryol', lat: 52.9703, lon: 36.0635, tileCol: 3, tileRow: 6 },
  { code: 'RU-RYA', nameRu: 'Рязанская область', nameEn: 'Ryazan Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Рязань', capitalEn: 'Ryazan', lat: 54.6292, lon: 39.7364, tileCol: 5, tileRow: 5 },
  { code: 'RU-SMO', nameRu: 'Смоленская область', nameEn: 'Smolensk Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Смоленск', capitalEn: 'Smolensk', lat: 54.7826, lon: 32.0453, tileCol: 2, tileRow: 4 },
  { code: 'RU-TAM', nameRu: 'Тамбовская область', nameEn: 'Tambov Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Тамбов', capitalEn: 'Tambov', lat: 52.7212, lon: 41.4523, tileCol: 5, tileRow: 6 },
  { code: 'RU-TVE', nameRu: 'Тверская область', nameEn: 'Tver Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Тверь', capitalEn: 'Tver', lat: 56.8587, lon: 35.9176, tileCol: 3, tileRow: 3 },
  { code: 'RU-TUL', nameRu: 'Тульская область', nameEn: 'Tula Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Тула', capitalEn: 'Tula', lat: 54.1931, lon: 37.6173, tileCol: 4, tileRow: 5 },
  { code: 'RU-YAR', nameRu: 'Ярославская область', nameEn: 'Yaroslavl Oblast', kind: 'oblast', federalDistrict: 'CFD', capitalRu: 'Ярославль', capitalEn: 'Yaroslavl', lat: 57.6261, lon: 39.8845, tileCol: 4, tileRow: 3 },
  { code: 'RU-MOW', nameRu: 'Москва', nameEn: 'Moscow', kind: 'federal_city', federalDistrict: 'CFD', capitalRu: 'Москва', capitalEn: 'Moscow', lat: 55.7558, lon: 37.6173, tileCol: 4, tileRow: 4 },
  // Northwestern Federal District (11)
  { code: 'RU-KR', nameRu: 'Республика Карелия', nameEn: 'Republic of Karelia', kind: 'republic', federalDistrict: 'NWFD', capitalRu: 'Петрозаводск', capitalEn: 'Petrozavodsk', lat: 61.7849, lon: 34.3469, tileCol: 2, tileRow: 1 },
  { code: 'RU-KO', nameRu: 'Республика Коми', nameEn: 'Komi Republic', kind: 'republic', federalDistrict: 'NWFD', capitalRu: 'Сыктывкар', capitalEn: 'Syktyvkar', lat: 61.6681, lon: 50.8372, tileCol: 9, tileRow: 2 },
  { code: 'RU-ARK', nameRu: 'Архангельская область', nameEn: 'Arkhangelsk Oblast', kind: 'oblast', federalDistrict: 'NWFD', capitalRu: 'Архангельск', capitalEn: 'Arkhangelsk', lat: 64.5393, lon: 40.5187, tileCol: 8, tileRow: 1 },
  { code: 'RU-VLG', nameRu: 'Вологодская область', nameEn: 'Vologda Oblast', kind: 'oblast', federalDistrict: 'NWFD', capitalRu: 'Вологда', capitalEn: 'Vologda', lat: 59.2181, lon: 39.8886, tileCol: 4, tileRow: 2 },
  { code: 'RU-KGD', nameRu: 'Калининградская область', nameEn: 'Kaliningrad Oblast', kind: 'oblast', federalDistrict: 'NWFD', capitalRu: 'Калининград', capitalEn: 'Kaliningrad', lat: 54.7065, lon: 20.511, tileCol: 0, tileRow: 4 },
  { code: 'RU-LEN', nameRu: 'Ленинградская область', nameEn: 'Leningrad Oblast', kind: 'oblast', federalDistrict: 'NWFD', capitalRu: 'Гатчина', capitalEn: 'Gatchina', lat: 59.565, lon: 30.1283, tileCol: 2, tileRow: 2 },
  { code: 'RU-MUR', nameRu: 'Мурманская область', nameEn: 'Murmansk Oblast', kind: 'oblast', federalDistrict: 'NWFD', capitalRu: 'Мурманск', capitalEn: 'Murmansk', lat: 68.9585, lon: 33.0827, tileCol: 2, tileRow: 0 },
  { code: 'RU-NGR', nameRu: 'Новгородская область', nameEn: 'Novgorod Oblast', kind: 'oblast', federalDistrict: 'NWFD', capitalRu: 'Великий Новгород', capitalEn: 'Veliky Novgorod', lat: 58.5215, lon: 31.2755, tileCol: 3, tileRow: 2 },
  { code: 'RU-PSK', nameRu: 'Псковская область', nameEn: 'Pskov Oblast', kind: 'oblast', federalDistrict: 'NWFD', capitalRu: 'Псков', capitalEn: 'Pskov', lat: 57.8136, lon: 28.3496, tileCol: 2, tileRow: 3 },
  { code: 'RU-SPE', nameRu: 'Санкт-Петербург', nameEn: 'Saint Petersburg', kind: 'federal_city', federalDistrict: 'NWFD', capitalRu: 'Санкт-Петербург', capitalEn: 'Saint Petersburg', lat: 59.9343, lon: 30.3351, tileCol: 1, tileRow: 2 },
  { code: 'RU-NEN', nameRu: 'Ненецкий автономный округ', nameEn: 'Nenets Autonomous Okrug', kind: 'autonomous_okrug', federalDistrict: 'NWFD', capitalRu: 'Нарьян-Мар', capitalEn: 'Naryan-Mar', lat: 67.638, lon: 53.0069, tileCol: 9, tileRow: 1 },
  // Southern Federal District (12)
  { code: 'RU-AD', nameRu: 'Республика Адыгея', nameEn: 'Republic of Adygea', kind: 'republic', federalDistrict: 'SFD', capitalRu: 'Майкоп', capitalEn: 'Maykop', lat: 44.6098, lon: 40.1006, tileCol: 4, tileRow: 9 },
  { code: 'RU-KL', nameRu: 'Республика Калмыкия', nameEn: 'Republic of Kalmykia', kind: 'republic', federalDistrict: 'SFD', capitalRu: 'Элиста', capitalEn: 'Elista', lat: 46.3078, lon: 44.2558, tileCol: 6, tileRow: 8 },
  { code: 'RU-CR', nameRu: 'Республика Крым', nameEn: 'Republic of Crimea', kind: 'republic', federalDistrict: 'SFD', capitalRu: 'Симферополь', capitalEn: 'Simferopol', lat: 44.9521, lon: 34.1024, tileCol: 1, tileRow: 9 },
  { code: 'RU-KDA', nameRu: 'Краснодарский край', nameEn: 'Krasnodar Krai', kind: 'krai', federalDistrict: 'SFD', capitalRu: 'Краснодар', capitalEn: 'Krasnodar', lat: 45.0355, lon: 38.9753, tileCol: 5, tileRow: 9 },
  { code: 'RU-AST', nameRu: 'Астраханская область', nameEn: 'Astrakhan Oblast', kind: 'oblast', federalDistrict: 'SFD', capitalRu: 'Астрахань', capitalEn: 'Astrakhan', lat: 46.3479, lon: 48.0336, tileCol: 7, tileRow: 8 },
  { code: 'RU-VGG', nameRu: 'Волгоградская область', nameEn: 'Volgograd Oblast', kind: 'oblast', federalDistrict: 'SFD', capitalRu: 'Волгоград', capitalEn: 'Volgograd', lat: 48.708, lon: 44.5133, tileCol: 6, tileRow: 7 },
  { code: 'RU-ROS', nameRu: 'Ростовская область', nameEn: 'Rostov Oblast', kind: 'oblast', federalDistrict: 'SFD', capitalRu: 'Ростов-на-Дону', capitalEn: 'Rostov-on-Don', lat: 47.2357, lon: 39.7015, tileCol: 5, tileRow: 8 },
  { code: 'RU-SEV', nameRu: 'Севастополь', nameEn: 'Sevastopol', kind: 'federal_city', federalDistrict: 'SFD', capitalRu: 'Севастополь', capitalEn: 'Sevastopol', lat: 44.6167, lon: 33.5254, tileCol: 1, tileRow: 10 },
  { code: 'RU-DPR', nameRu: 'Донецкая Народная Республика', nameEn: "Donetsk People's Republic", kind: 'republic', federalDistrict: 'SFD', capitalRu: 'Донецк', capitalEn: 'Donetsk', lat: 48.0159, lon: 37.8028, tileCol: 3, tileRow: 8 },
  { code: 'RU-LPR', nameRu: 'Луганская Народная Республика', nameEn: "Lugansk People's Republic", kind: 'republic', federalDistrict: 'SFD', capitalRu: 'Луганск', capitalEn: 'Lugansk', lat: 48.574, lon: 39.3078, tileCol: 4, tileRow: 8 },
  { code: 'RU-ZAP', nameRu: 'Запорожская область', nameEn: 'Zaporozhye Oblast', kind: 'oblast', federalDistrict: 'SFD', capitalRu: 'Запорожье', capitalEn: 'Zaporozhye', lat: 47.8388, lon: 35.1396, tileCol: 2, tileRow: 8 },
  { code: 'RU-KHE', nameRu: 'Херсонская область', nameEn: 'Kherson Oblast', kind: 'oblast', federalDistrict: 'SFD', capitalRu: 'Херсон', capitalEn: 'Kherson', lat: 46.6354, lon: 32.6169, tileCol: 1, tileRow: 8 },
  // North Caucasian Federal District (7)
  { code: 'RU-DA', nameRu: 'Республика Дагестан', nameEn: 'Republic of Dagestan', kind: 'republic', federalDistrict: 'NCFD', capitalRu: 'Махачкала', capitalEn: 'Makhachkala', lat: 42.9849, lon: 47.5047, tileCol: 8, tileRow: 9 },
  { code: 'RU-IN', nameRu: 'Республика Ингушетия', nameEn: 'Republic of Ingushetia', kind: 'republic', federalDistrict: 'NCFD', capitalRu: 'Магас', capitalEn: 'Magas', lat: 43.1688, lon: 44.8131, tileCol: 8, tileRow: 10 },
  { code: 'RU-KB', nameRu: 'Кабардино-Балкарская Республика', nameEn: 'Kabardino-Balkarian Republic', kind: 'republic', federalDistrict: 'NCFD', capitalRu: 'Нальчик', capitalEn: 'Nalchik', lat: 43.4853, lon: 43.6071, tileCol: 6, tileRow: 10 },
  { code: 'RU-KC', nameRu: 'Карачаево-Черкесская Республика', nameEn: 'Karachay-Cherkess Republic', kind: 'republic', federalDistrict: 'NCFD', capitalRu: 'Черкесск', capitalEn: 'Cherkessk', lat: 44.2269, lon: 42.0467, tileCol: 5, tileRow: 10 },
  { code: 'RU-SE', nameRu: 'Республика Северная Осетия — Алания', nameEn: 'Republic of North Ossetia – Alania', kind: 'republic', federalDistrict: 'NCFD', capitalRu: 'Владикавказ', capitalEn: 'Vladikavkaz', lat: 43.0205, lon: 44.6819, tileCol: 7, tileRow: 10 },
  { code: 'RU-CE', nameRu: 'Чеченская Республика', nameEn: 'Chechen Republic', kind: 'republic', federalDistrict: 'NCFD', capitalRu: 'Грозный', capitalEn: 'Grozny', lat: 43.318, lon: 45.6982, tileCol: 7, tileRow: 9 },
  { code: 'RU-STA', nameRu: 'Ставропольский край', nameEn: 'Stavropol Krai', kind: 'krai', federalDistrict: 'NCFD', capitalRu: 'Ставрополь', capitalEn: 'Stavropol', lat: 45.0428, lon: 41.9734, tileCol: 6, tileRow: 9 },
  // Volga Federal District (14)
  { code: 'RU-BA', nameRu: 'Республика Башкортостан', nameEn: 'Republic of Bashkortostan', kind: 'republic', federalDistrict: 'VFD', capitalRu: 'Уфа', capitalEn: 'Ufa', lat: 54.7351, lon: 55.9587, tileCol: 9, tileRow: 4 },
  { code: 'RU-ME', nameRu: 'Республика Марий Эл', nameEn: 'Mari El Republic', kind: 'republic', federalDistrict: 'VFD', capitalRu: 'Йошкар-Ола', capitalEn: 'Yoshkar-Ola', lat: 56.6344, lon: 47.8999, tileCol: 7, tileRow: 3 },
  { code: 'RU-MO', nameRu: 'Республика Мордовия', nameEn: 'Republic of Mordovia', kind: 'republic', federalDistrict: 'VFD', capitalRu: 'Саранск', capitalEn: 'Saransk', lat: 54.1838, lon: 45.1749, tileCol: 6, tileRow: 4 },
  { code: 'RU-TA', nameRu: 'Республика Татарстан', nameEn: 'Republic of Tatarstan', kind: 'republic', federalDistrict: 'VFD', capitalRu: 'Казань', capitalEn: 'Kazan', lat: 55.7887, lon: 49.1221, tileCol: 8, tileRow: 4 },
  { code: 'RU-UD', nameRu: 'Удмуртская Республика', nameEn: 'Udmurt Republic', kind: 'republic', federalDistrict: 'VFD', capitalRu: 'Ижевск', capitalEn: 'Izhevsk', lat: 56.8526, lon: 53.2045, tileCol: 8, tileRow: 3 },
  { code: 'RU-CU', nameRu: 'Чувашская Республика', nameEn: 'Chuvash Republic', kind: 'republic', federalDistrict: 'VFD', capitalRu: 'Чебоксары', capitalEn: 'Cheboksary', lat: 56.1439, lon: 47.2489, tileCol: 7, tileRow: 4 },
  { code: 'RU-PER', nameRu: 'Пермский край', nameEn: 'Perm Krai', kind: 'krai', federalDistrict: 'VFD', capitalRu: 'Пермь', capitalEn: 'Perm', lat: 58.0105, lon: 56.2502, tileCol: 9, tileRow: 3 },
  { code: 'RU-KIR', nameRu: 'Кировская область', nameEn: 'Kirov Oblast', kind: 'oblast', federalDistrict: 'VFD', capitalRu: 'Киров', capitalEn: 'Kirov', lat: 58.6036, lon: 49.668, tileCol: 8, tileRow: 2 },
  { code: 'RU-NIZ', nameRu: 'Нижегородская область', nameEn: 'Nizhny Novgorod Oblast', kind: 'oblast', federalDistrict: 'VFD', capitalRu: 'Нижний Новгород', capitalEn: 'Nizhny Novgorod', lat: 56.3269, lon: 44.0059, tileCol: 6, tileRow: 3 },
  { code: 'RU-ORE', nameRu: 'Оренбургская область', nameEn: 'Orenburg Oblast', kind: 'oblast', federalDistrict: 'VFD', capitalRu: 'Оренбург', capitalEn: 'Orenburg', lat: 51.7682, lon: 55.097, tileCol: 9, tileRow: 5 },
  { code: 'RU-PNZ', nameRu: 'Пензенская область', nameEn: 'Penza Oblast', kind: 'oblast', federalDistrict: 'VFD', capitalRu: 'Пенза', capitalEn: 'Penza', lat: 53.1959, lon: 45.0183, tileCol: 6, tileRow: 5 },
  { code: 'RU-SAM', nameRu: 'Самарская область', nameEn: 'Samara Oblast', kind: 'oblast', federalDistrict: 'VFD', capitalRu: 'Самара', capitalEn: 'Samara', lat: 53.2028, lon: 50.1408, tileCol: 8, tileRow: 5 },
  { code: 'RU-SAR', nameRu: 'Саратовская область', nameEn: 'Saratov Oblast', kind: 'oblast', federalDistrict: 'VFD', capitalRu: 'Саратов', capitalEn: 'Saratov', lat: 51.5336, lon: 46.0343, tileCol: 6, tileRow: 6 },
  { code: 'RU-ULY', nameRu: 'Ульяновская область', nameEn: 'Ulyanovsk Oblast', kind: 'oblast', federalDistrict: 'VFD', capitalRu: 'Ульяновск', capitalEn: 'Ulyanovsk', lat: 54.3142, lon: 48.4031, tileCol: 7, tileRow: 5 },
  // Ural Federal District (6)
  { code: 'RU-KGN', nameRu: 'Курганская область', nameEn: 'Kurgan Oblast', kind: 'oblast', federalDistrict: 'UFD', capitalRu: 'Курган', capitalEn: 'Kurgan', lat: 55.441, lon: 65.3411, tileCol: 11, tileRow: 4 },
  { code: 'RU-SVE', nameRu: 'Свердловская область', nameEn: 'Sverdlovsk Oblast', kind: 'oblast', federalDistrict: 'UFD', capitalRu: 'Екатеринбург', capitalEn: 'Yekaterinburg', lat: 56.8389, lon: 60.6057, tileCol: 10, tileRow: 3 },
  { code: 'RU-TYU', nameRu: 'Тюменская область', nameEn: 'Tyumen Oblast', kind: 'oblast', federalDistrict: 'UFD', capitalRu: 'Тюмень', capitalEn: 'Tyumen', lat: 57.153, lon: 65.5343, tileCol: 11, tileRow: 3 },
  { code: 'RU-CHE', nameRu: 'Челябинская область', nameEn: 'Chelyabinsk Oblast', kind: 'oblast', federalDistrict: 'UFD', capitalRu: 'Челябинск', capitalEn: 'Chelyabinsk', lat: 55.1644, lon: 61.4368, tileCol: 10, tileRow: 4 },
  { code: 'RU-KHM', nameRu: 'Ханты-Мансийский автономный округ — Югра', nameEn: 'Khanty-Mansi Autonomous Okrug – Yugra', kind: 'autonomous_okrug', federalDistrict: 'UFD', capitalRu: 'Ханты-Мансийск', capitalEn: 'Khanty-Mansiysk', lat: 61.0042, lon: 69.0019, tileCol: 10, tileRow: 2 },
  { code: 'RU-YAN', nameRu: 'Ямало-Ненецкий автономный округ', nameEn: 'Yamalo-Nenets Autonomous Okrug', kind: 'autonomous_okrug', federalDistrict: 'UFD', capitalRu: 'Салехард', capitalEn: 'Salekhard', lat: 66.5299, lon: 66.6136, tileCol: 10, tileRow: 1 },
  // Siberian Federal District (10)
  { code: 'RU-AL', nameRu: 'Республика Алтай', nameEn: 'Altai Republic', kind: 'republic', federalDistrict: 'SibFD', capitalRu: 'Горно-Алтайск', capitalEn: 'Gorno-Altaysk', lat: 51.9581, lon: 85.9603, tileCol: 13, tileRow: 5 },
  { code: 'RU-TY', nameRu: 'Республика Тыва', nameEn: 'Tuva Republic', kind: 'republic', federalDistrict: 'SibFD', capitalRu: 'Кызыл', capitalEn: 'Kyzyl', lat: 51.7191, lon: 94.4378, tileCol: 14, tileRow: 5 },
  { code: 'RU-KK', nameRu: 'Республика Хакасия', nameEn: 'Republic of Khakassia', kind: 'republic', federalDistrict: 'SibFD', capitalRu: 'Абакан', capitalEn: 'Abakan', lat: 53.7212, lon: 91.4424, tileCol: 14, tileRow: 4 },
  { code: 'RU-ALT', nameRu: 'Алтайский край', nameEn: 'Altai Krai', kind: 'krai', federalDistrict: 'SibFD', capitalRu: 'Барнаул', capitalEn: 'Barnaul', lat: 53.3474, lon: 83.7784, tileCol: 12, tileRow: 5 },
  { code: 'RU-KYA', nameRu: 'Красноярский край', nameEn: 'Krasnoyarsk Krai', kind: 'krai', federalDistrict: 'SibFD', capitalRu: 'Красноярск', capitalEn: 'Krasnoyarsk', lat: 56.0153, lon: 92.8932, tileCol: 14, tileRow: 3 },
  { code: 'RU-IRK', nameRu: 'Иркутская область', nameEn: 'Irkutsk Oblast', kind: 'oblast', federalDistrict: 'SibFD', capitalRu: 'Иркутск', capitalEn: 'Irkutsk', lat: 52.287, lon: 104.305, tileCol: 15, tileRow: 3 },
  { code: 'RU-KEM', nameRu: 'Кемеровская область — Кузбасс', nameEn: 'Kemerovo Oblast – Kuzbass', kind: 'oblast', federalDistrict: 'SibFD', capitalRu: 'Кемерово', capitalEn: 'Kemerovo', lat: 55.3547, lon: 86.0873, tileCol: 13, tileRow: 4 },
  { code: 'RU-NVS', nameRu: 'Новосибирская область', nameEn: 'Novosibirsk Oblast', kind: 'oblast', federalDistrict: 'SibFD', capitalRu: 'Новосибирск', capitalEn: 'Novosibirsk', lat: 55.0084, lon: 82.9357, tileCol: 12, tileRow: 4 },
  { code: 'RU-OMS', nameRu: 'Омская область', nameEn: 'Omsk Oblast', kind: 'oblast', federalDistrict: 'SibFD', capitalRu: 'Омск', capitalEn: 'Omsk', lat: 54.9893, lon: 73.3682, tileCol: 12, tileRow: 3 },
  { code: 'RU-TOM', nameRu: 'Томская область', nameEn: 'Tomsk Oblast', kind: 'oblast', federalDistrict: 'SibFD', capitalRu: 'Томск', capitalEn: 'Tomsk', lat: 56.4977, lon: 84.9744, tileCol: 13, tileRow: 3 },
  // Far Eastern Federal District (11)
  { code: 'RU-BU', nameRu: 'Республика Бурятия', nameEn: 'Republic of Buryatia', kind: 'republic', federalDistrict: 'FEFD', capitalRu: 'Улан-Удэ', capitalEn: 'Ulan-Ude', lat: 51.8335, lon: 107.5841, tileCol: 15, tileRow: 5 },
  { code: 'RU-SA', nameRu: 'Республика Саха (Якутия)', nameEn: 'Sakha (Yakutia) Republic', kind: 'republic', federalDistrict: 'FEFD', capitalRu: 'Якутск', capitalEn: 'Yakutsk', lat: 62.0278, lon: 129.7315, tileCol: 15, tileRow: 2 },
  { code: 'RU-ZAB', nameRu: 'Забайкальский край', nameEn: 'Zabaykalsky Krai', kind: 'krai', federalDistrict: 'FEFD', capitalRu: 'Чита', capitalEn: 'Chita', lat: 52.034, lon: 113.4994, tileCol: 15, tileRow: 4 },
  { code: 'RU-KAM', nameRu: 'Камчатский край', nameEn: 'Kamchatka Krai', kind: 'krai', federalDistrict: 'FEFD', capitalRu: 'Петропавловск-Камчатский', capitalEn: 'Petropavlovsk-Kamchatsky', lat: 53.037, lon: 158.6559, tileCol: 17, tileRow: 1 },
  { code: 'RU-PRI', nameRu: 'Приморский край', nameEn: 'Primorsky Krai', kind: 'krai', federalDistrict: 'FEFD', capitalRu: 'Владивосток', capitalEn: 'Vladivostok', lat: 43.1155, lon: 131.8855, tileCol: 16, tileRow: 5 },
  { code: 'RU-KHA', nameRu: 'Хабаровский край', nameEn: 'Khabarovsk Krai', kind: 'krai', federalDistrict: 'FEFD', capitalRu: 'Хабаровск', capitalEn: 'Khabarovsk', lat: 48.4802, lon: 135.0719, tileCol: 16, tileRow: 2 },
  { code: 'RU-AMU', nameRu: 'Амурская область', nameEn: 'Amur Oblast', kind: 'oblast', federalDistrict: 'FEFD', capitalRu: 'Благовещенск', capitalEn: 'Blagoveshchensk', lat: 50.2907, lon: 127.5272, tileCol: 16, tileRow: 3 },
  { code: 'RU-MAG', nameRu: 'Магаданская область', nameEn: 'Magadan Oblast', kind: 'oblast', federalDistrict: 'FEFD', capitalRu: 'Магадан', capitalEn: 'Magadan', lat: 59.5682, lon: 150.8085, tileCol: 16, tileRow: 1 },
  { code: 'RU-SAK', nameRu: 'Сахалинская область', nameEn: 'Sakhalin Oblast', kind: 'oblast', federalDistrict: 'FEFD', capitalRu: 'Южно-Сахалинск', capitalEn: 'Yuzhno-Sakhalinsk', lat: 46.9591, lon: 142.738, tileCol: 17, tileRow: 2 },
  { code: 'RU-YEV', nameRu: 'Еврейская автономная область', nameEn: 'Jewish Autonomous Oblast', kind: 'autonomous_oblast', federalDistrict: 'FEFD', capitalRu: 'Биробиджан', capitalEn: 'Birobidzhan', lat: 48.7946, lon: 132.9218, tileCol: 16, tileRow: 4 },
  { code: 'RU-CHU', nameRu: 'Чукотский автономный округ', nameEn: 'Chukotka Autonomous Okrug', kind: 'autonomous_okrug', federalDistrict: 'FEFD', capitalRu: 'Анадырь', capitalEn: 'Anadyr', lat: 64.7337, lon: 177.5089, tileCol: 17, tileRow: 0 },
];
