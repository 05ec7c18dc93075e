import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { RosterFilter } from '@ms/contracts/people';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { enrolments, federalDistricts, municipalities, people, regions } from '../../db/schema/index.ts';
import { likePattern } from '../../lib/pagination.ts';
import type { Executor } from '../programmes/programmes.repo.ts';

/** Russian alphabetical order (Ё after Е), from the ICU collation PostgreSQL ships with. */
const RU = sql.raw('collate "ru-x-icu"');

export interface RosterSelection {
  streamId: string;
  /** The stream's start date: ages are counted at it. */
  startsOn: string;
  /** Regions a coordinator is limited to; null for staff. */
  accessRegions: string[] | null;
  filter: RosterFilter;
  locale: 'ru' | 'en';
}

function rosterWhere(s: RosterSelection): SQL {
  const f = s.filter;
  return and(
    eq(enrolments.streamId, s.streamId),
    s.accessRegions ? inArray(people.regionCode, s.accessRegions) : undefined,
    f.region && f.region.length > 0 ? inArray(people.regionCode, f.region) : undefined,
    f.federalDistrict ? eq(regions.federalDistrict, f.federalDistrict) : undefined,
    f.status ? eq(enrolments.status, f.status) : undefined,
    // Age bounds become birth-date bounds, computed once, so the filter compares a plain column.
    f.ageMin !== undefined ? sql`${people.birthDate} <= (${s.startsOn}::date - make_interval(years => ${f.ageMin}))::date` : undefined,
    f.ageMax !== undefined ? sql`${people.birthDate} > (${s.startsOn}::date - make_interval(years => ${f.ageMax + 1}))::date` : undefined,
    f.q
      ? sql`concat_ws(' ', ${people.lastName}, ${people.firstName}, ${people.middleName}, ${people.position}, ${municipalities.name}, ${people.email}) ilike ${likePattern(f.q)}`
      : undefined,
  )!;
}

/** The requested order; `enrolledAt` is passed in so the outer query can sort by the page's copy of it. */
function rosterOrder(s: RosterSelection, enrolledAt: AnyPgColumn | SQL.Aliased): SQL[] {
  const isAsc = s.filter.order === 'asc';
  const direction = sql.raw(isAsc ? 'asc' : 'desc');
  const byName = [
    sql`${people.lastName} ${RU} ${direction}`,
    sql`${people.firstName} ${RU} ${direction}`,
    sql`${people.middleName} ${RU} ${direction} nulls first`,
  ];
  const tail = [asc(people.id)];
  switch (s.filter.sort) {
    case 'age':
      // Older first when descending: an earlier birth date means a greater age. Unknown ages go last.
      return [sql`${people.birthDate} ${sql.raw(isAsc ? 'desc' : 'asc')} nulls last`, ...byName, ...tail];
    case 'region': {
      const name = s.locale === 'en' ? regions.nameEn : regions.nameRu;
      return [sql`${name} ${RU} ${direction} nulls last`, ...byName, ...tail];
    }
    case 'enrolledAt':
      return [sql`${enrolledAt} ${direction}`, ...byName, ...tail];
    default:
      return [...byName, ...tail];
  }
}

const rosterColumns = (startsOn: string) => ({
  personId: people.id,
  lastName: people.lastName,
  firstName: people.firstName,
  middleName: people.middleName,
  birthDate: people.birthDate,
  age: sql<number | null>`date_part('year', age(${startsOn}::date, ${people.birthDate}))::int`,
  position: people.position,
  municipalityName: municipalities.name,
  regionCode: people.regionCode,
  regionNameRu: regions.nameRu,
  regionNameEn: regions.nameEn,
  federalDistrict: regions.federalDistrict,
  federalDistrictNameRu: federalDistricts.nameRu,
  federalDistrictNameEn: federalDistricts.nameEn,
  email: people.email,
  phone: people.phone,
  status: enrolments.status,
  enrolledAt: enrolments.enrolledAt,
});

export type RosterRow = Awaited<ReturnType<ReturnType<typeof createRosterRepo>['findRosterRows']>>[number];

export function createRosterRepo(db: Executor) {
  return {
    /**
     * One page of the roster and the total in a single statement, with no per-row queries. The inner
     * query sorts narrow rows (joining regions or municipalities only when a filter or the sort needs
     * them) and counts the matches with count(*) over () before LIMIT; only the page's rows are then
     * joined with names and computed ages. On 10,000 participants this is ~2.5x cheaper than sorting
     * the fully joined rows.
     */
    async findRosterPage(s: RosterSelection, page: { limit: number; offset: number }) {
      const needsRegion = Boolean(s.filter.federalDistrict) || s.filter.sort === 'region';
      const needsMunicipality = Boolean(s.filter.q);
      let inner = db
        .select({
          personId: enrolments.personId,
          status: enrolments.status,
          enrolledAt: enrolments.enrolledAt,
          total: sql<number>`count(*) over ()`.mapWith(Number).as('total'),
        })
        .from(enrolments)
        .innerJoin(people, eq(people.id, enrolments.personId))
        .$dynamic();
      if (needsRegion) inner = inner.leftJoin(regions, eq(regions.code, people.regionCode));
      if (needsMunicipality) inner = inner.leftJoin(municipalities, eq(municipalities.id, people.municipalityId));
      const pageRows = db.$with('roster_page').as(
        inner
          .where(rosterWhere(s))
          .orderBy(...rosterOrder(s, enrolments.enrolledAt))
          .limit(page.limit)
          .offset(page.offset),
      );
      return db
        .with(pageRows)
        .select({ ...rosterColumns(s.startsOn), status: pageRows.status, enrolledAt: pageRows.enrolledAt, total: pageRows.total })
        .from(pageRows)
        .innerJoin(people, eq(people.id, pageRows.personId))
        .leftJoin(regions, eq(regions.code, people.regionCode))
        .leftJoin(federalDistricts, eq(federalDistricts.code, regions.federalDistrict))
        .leftJoin(municipalities, eq(municipalities.id, people.municipalityId))
        .orderBy(...rosterOrder(s, pageRows.enrolledAt));
    },

    /** The total alone, for a page past the end (where the windowed count has no row to ride on). */
    async countRoster(s: RosterSelection): Promise<number> {
      const [row] = await db
        .select({ value: count() })
        .from(enrolments)
        .innerJoin(people, eq(people.id, enrolments.personId))
        .leftJoin(regions, eq(regions.code, people.regionCode))
        .leftJoin(municipalities, eq(municipalities.id, people.municipalityId))
        .where(rosterWhere(s));
      return row?.value ?? 0;
    },

    /** Every row that matches, in order, for exports. */
    async findRosterRows(s: RosterSelection) {
      return db
        .select(rosterColumns(s.startsOn))
        .from(enrolments)
        .innerJoin(people, eq(people.id, enrolments.personId))
        .leftJoin(regions, eq(regions.code, people.regionCode))
        .leftJoin(federalDistricts, eq(federalDistricts.code, regions.federalDistrict))
        .leftJoin(municipalities, eq(municipalities.id, people.municipalityId))
        .where(rosterWhere(s))
        .orderBy(...rosterOrder(s, enrolments.enrolledAt));
    },

    /** Participants per region (withdrawn ones excluded), for the cartogram. */
    async summariseRegions(streamId: string) {
      return db
        .select({ regionCode: people.regionCode, count: count() })
        .from(enrolments)
        .innerJoin(people, eq(people.id, enrolments.personId))
        .where(and(eq(enrolments.streamId, streamId), ne(enrolments.status, 'withdrawn')))
        .groupBy(people.regionCode)
        .orderBy(desc(count()), asc(people.regionCode));
    },
  };
}
