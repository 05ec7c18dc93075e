import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateMunicipalityBodySchema,
  FederalDistrictListSchema,
  MunicipalitiesQuerySchema,
  MunicipalityPageSchema,
  MunicipalitySchema,
  RegionListSchema,
} from '@ms/contracts/reference';
import { requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createReferenceService } from './reference.service.ts';

const TAGS = ['reference'];
/** Reference data changes only on upgrade: let browsers and proxies keep it for an hour. */
const CACHEABLE = 'public, max-age=3600';

/** Public reference data (no sign-in): federal districts, federal subjects, municipalities. */
export function registerReferenceRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createReferenceService(deps);

  r.get('/api/regions', {
    config: { isPublic: true },
    schema: { tags: TAGS, summary: 'All federal subjects with district, capital, coordinates and cartogram tile', security: [], response: { 200: RegionListSchema } },
    handler: async (_request, reply) => reply.header('cache-control', CACHEABLE).send(await service.listRegions()),
  });
  r.get('/api/federal-districts', {
    config: { isPublic: true },
    schema: { tags: TAGS, summary: 'The federal districts', security: [], response: { 200: FederalDistrictListSchema } },
    handler: async (_request, reply) => reply.header('cache-control', CACHEABLE).send(await service.listFederalDistricts()),
  });
  r.get('/api/municipalities', {
    config: { isPublic: true },
    schema: { tags: TAGS, summary: 'Municipalities, by region and part of the name', security: [], querystring: MunicipalitiesQuerySchema, response: { 200: MunicipalityPageSchema } },
    handler: async (request) => service.listMunicipalities(request.query),
  });
  r.post('/api/municipalities', {
    schema: { tags: TAGS, summary: 'Add a municipality (staff)', body: CreateMunicipalityBodySchema, response: { 201: MunicipalitySchema } },
    handler: async (request, reply) => reply.status(201).send(await service.createMunicipality(requireActor(request), request.body, request.ip)),
  });
}
