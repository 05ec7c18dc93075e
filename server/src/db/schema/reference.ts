import { doublePrecision, integer, pgTable, smallint, text, uuid, index, uniqueIndex, timestamp } from 'drizzle-orm/pg-core';

export const federalDistricts = pgTable('federal_districts', {
  code: text('code').primaryKey(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
});

/** The federal subjects of the Russian Federation; `code` is the ISO 3166-2:RU code. */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind').notNull(),
  federalDistrict: text('federal_district')
    .notNull()
    .references(() => federalDistricts.code),
  capitalRu: text('capital_ru').notNull(),
  capitalEn: text('capital_en').notNull(),
  lat: doublePrecision('lat').notNull(),
  lon: doublePrecision('lon').notNull(),
  tileCol: smallint('tile_col').notNull(),
  tileRow: smallint('tile_row').notNull(),
});

export const municipalities = pgTable(
  'municipalities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    /** urban_okrug | municipal_district | municipal_okrug | urban_settlement | rural_settlement | city_district | federal_city_area */
    kind: text('kind').notNull(),
    population: integer('population'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('municipalities_region_name_kind_uq').on(t.regionCode, t.name, t.kind),
    index('municipalities_region_idx').on(t.regionCode),
  ],
);
