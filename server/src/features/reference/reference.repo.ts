import { and, asc, count, eq, ilike, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { federalDistricts, municipalities, regions } from '../../db/schema/index.ts';
import { likePattern, pageOffset } from '../../lib/pagination.ts';
import type { Executor } from '../programmes/programmes.repo.ts';
import { FEDERAL_DISTRICTS, FEDERAL_SUBJECTS } from './federal-subjects.data.ts';

/**
 * Brings the federal districts and the 89 federal subjects in line with the data file: one
 * set-based upsert per table, so it is safe (and cheap) to run at every start.
 */
export async function ensureReferenceData(db: Pick<Database, 'insert'>): Promise<void> {
  await db
    .insert(federalDistricts)
    .values(FEDERAL_DISTRICTS.map((d) => ({ code: d.code, nameRu: d.nameRu, nameEn: d.nameEn })))
    .onConflictDoUpdate({
      target: federalDistricts.code,
      set: { nameRu: sql`excluded.name_ru`, nameEn: sql`excluded.name_en` },
    });
  await db
    .insert(regions)
    .values(
      FEDERAL_SUBJECTS.map((r) => ({
        code: r.code,
        nameRu: r.nameRu,
        nameEn: r.nameEn,
        kind: r.kind,
        federalDistrict: r.federalDistrict,
        capitalRu: r.capitalRu,
        capitalEn: r.capitalEn,
        lat: r.lat,
        lon: r.lon,
        tileCol: r.tileCol,
        tileRow: r.tileRow,
      })),
    )
    .onConflictDoUpdate({
      target: regions.code,
      set: {
        nameRu: sql`excluded.name_ru`,
        nameEn: sql`excluded.name_en`,
        kind: sql`excluded.kind`,
        federalDistrict: sql`excluded.federal_district`,
        capitalRu: sql`excluded.capital_ru`,
        capitalEn: sql`excluded.capital_en`,
        lat: sql`excluded.lat`,
        lon: sql`excluded.lon`,
        tileCol: sql`excluded.tile_col`,
        tileRow: sql`excluded.tile_row`,
      },
    });
}

const municipalityColumns = {
  id: municipalities.id,
  regionCode: municipalities.regionCode,
  name: municipalities.name,
  kind: municipalities.kind,
  population: municipalities.population,
  lat: municipalities.lat,
  lon: municipalities.lon,
};

export function createReferenceRepo(db: Executor) {
  return {
    listRegions() {
      return db.select().from(regions).orderBy(sql`${regions.nameRu} collate "ru-x-icu"`);
    },
    listFederalDistricts() {
      return db.select().from(federalDistricts).orderBy(asc(federalDistricts.code));
    },
    async regionExists(code: string): Promise<boolean> {
      const [row] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
      return Boolean(row);
    },
    async listMunicipalities(query: { region?: string; q?: string; page: number; pageSize: number }) {
      const where = and(
        query.region ? eq(municipalities.regionCode, query.region) : undefined,
        query.q ? ilike(municipalities.name, likePattern(query.q)) : undefined,
      );
      const [items, [total]] = await Promise.all([
        db
          .select(municipalityColumns)
          .from(municipalities)
          .where(where)
          .orderBy(sql`${municipalities.name} collate "ru-x-icu"`, asc(municipalities.id))
          .limit(query.pageSize)
          .offset(pageOffset(query.page, query.pageSize)),
        db.select({ value: count() }).from(municipalities).where(where),
      ]);
      return { items, total: total?.value ?? 0 };
    },
    async insertMunicipality(values: typeof municipalities.$inferInsert) {
      const [row] = await db.insert(municipalities).values(values).returning(municipalityColumns);
      return row!;
    },
  };
}
