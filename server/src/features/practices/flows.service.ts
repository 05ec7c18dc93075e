import { AREA_CODES, type AreaCode } from '@ms/contracts/areas';
import { ADOPTION_STAGES, FLOWS_LIMIT, type Flows } from '@ms/contracts/practices';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { createFlowsRepo } from './flows.repo.ts';
import type { PracticesService } from './practices.service.ts';

const TOP_PRACTICES = 10;

/** The flows map of a programme: origin regions → adopting municipalities, top practices, coverage by area. */
export function createFlowsService(deps: { db: Database; practices: PracticesService }) {
  const repo = createFlowsRepo(deps.db);
  return {
    async programmeFlows(actor: Actor, programmeId: string, region: string | null = null): Promise<Flows> {
      await deps.practices.programmeFor(actor, programmeId, 'member');
      const [flows, totals, regions, top, coverage, stages] = await Promise.all([
        repo.flows(programmeId, region, FLOWS_LIMIT),
        repo.totals(programmeId),
        repo.regions(programmeId),
        repo.topPractices(programmeId, TOP_PRACTICES),
        repo.coverage(programmeId),
        repo.stages(programmeId),
      ]);
      const byArea = new Map(coverage.map((c) => [c.area, c]));
      const byStage = new Map(stages.map((s) => [s.stage, s.plans]));
      return {
        flows: flows.map((f) => ({ originRegionCode: f.origin_region_code, municipalityId: f.municipality_id, municipalityName: f.municipality_name, regionCode: f.region_code, lat: f.lat, lon: f.lon, plans: f.plans })),
        regions: regions.map((r) => ({ regionCode: r.region_code, practices: r.practices, adoptions: r.adoptions, outgoing: r.outgoing })),
        topPractices: top.map((t) => ({ id: t.id, title: t.title, originRegionCode: t.origin_region_code, plans: t.plans, municipalities: t.municipalities })),
        // Every one of the 30 areas, so an uncovered area shows as a gap instead of disappearing.
        coverage: AREA_CODES.map((area: AreaCode) => ({ area, practices: byArea.get(area)?.practices ?? 0, plans: byArea.get(area)?.plans ?? 0 })),
        stages: ADOPTION_STAGES.map((stage) => ({ stage, plans: byStage.get(stage) ?? 0 })),
        totals: { practices: regions.reduce((sum, r) => sum + r.practices, 0), ...totals },
        flowsTotal: flows[0]?.flows_total ?? 0,
      };
    },
  };
}
