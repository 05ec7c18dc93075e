import { sql } from 'drizzle-orm';
import type { Executor } from './imports.repo.ts';
import type { MunicipalityImportRow } from './parse/municipality-rows.ts';
import { STAGING_BATCH } from './people-commit.repo.ts';

/**
 * Upserts checked municipality rows on (region_code, name, kind) inside the caller's transaction,
 * one multi-row INSERT … SELECT per batch; blank numbers keep the known values.
 */
export async function commitMunicipalityRows(
  tx: Executor,
  options: { rows: MunicipalityImportRow[]; onBatch?: (done: number) => Promise<void> },
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  for (let start = 0; start < options.rows.length; start += STAGING_BATCH) {
    const batch = options.rows.slice(start, start + STAGING_BATCH).map((r) => ({
      region_code: r.regionCode,
      name: r.name,
      kind: r.kind,
      population: r.population,
      lat: r.lat,
      lon: r.lon,
    }));
    const result = await tx.execute<{ created: number; updated: number }>(sql`
      with upserted as (
        insert into municipalities as m (region_code, name, kind, population, lat, lon)
        select region_code, name, kind, population, lat, lon
        from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
          as r(region_code text, name text, kind text, population int, lat double precision, lon double precision)
        on conflict (region_code, name, kind) do update set
          population = coalesce(excluded.population, m.population),
          lat = coalesce(excluded.lat, m.lat),
          lon = coalesce(excluded.lon, m.lon)
        where (m.population, m.lat, m.lon) is distinct from
          (coalesce(excluded.population, m.population), coalesce(excluded.lat, m.lat), coalesce(excluded.lon, m.lon))
        returning (xmax = 0) as is_created
      )
      select count(*) filter (where is_created)::int as created, count(*) filter (where not is_created)::int as updated from upserted`);
    created += result.rows[0]?.created ?? 0;
    updated += result.rows[0]?.updated ?? 0;
    await options.onBatch?.(Math.min(start + STAGING_BATCH, options.rows.length));
  }
  return { created, updated };
}
