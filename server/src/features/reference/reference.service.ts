import type { CreateMunicipalityBody, FederalDistrict, Municipality, MunicipalityPage, MunicipalitiesQuery, Region } from '@ms/contracts/reference';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { uniqueViolation } from '../programmes/programmes.repo.ts';
import { canAddMunicipality } from './reference.policy.ts';
import { createReferenceRepo } from './reference.repo.ts';

/** Federal districts, federal subjects and municipalities: public to read, added to by staff. */
export function createReferenceService(deps: { db: Database }) {
  const repo = createReferenceRepo(deps.db);

  return {
    async listRegions(): Promise<{ items: Region[] }> {
      return { items: await repo.listRegions() };
    },
    async listFederalDistricts(): Promise<{ items: FederalDistrict[] }> {
      return { items: await repo.listFederalDistricts() };
    },
    async listMunicipalities(query: MunicipalitiesQuery): Promise<MunicipalityPage> {
      const { items, total } = await repo.listMunicipalities(query);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
    async createMunicipality(actor: Actor, body: CreateMunicipalityBody, ip: string | null): Promise<Municipality> {
      if (!canAddMunicipality(actor)) throw new AppError('forbidden');
      if (!(await repo.regionExists(body.regionCode))) {
        throw new AppError('validation', { fields: [{ path: 'body.regionCode', key: 'field.unknown_region' }] });
      }
      try {
        return await deps.db.transaction(async (tx) => {
          const row = await createReferenceRepo(tx).insertMunicipality({
            regionCode: body.regionCode,
            name: body.name,
            kind: body.kind,
            population: body.population ?? null,
            lat: body.lat ?? null,
            lon: body.lon ?? null,
          });
          await recordAudit(tx, { actor, action: 'municipality.create', entity: 'municipality', entityId: row.id, ip, details: { regionCode: row.regionCode } });
          return row;
        });
      } catch (error) {
        // The same name and kind within one region is the same municipality.
        if (uniqueViolation(error) === 'municipalities_region_name_kind_uq') {
          throw new AppError('conflict', { fields: [{ path: 'body.name', key: 'field.taken' }], cause: error });
        }
        throw error;
      }
    },
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
