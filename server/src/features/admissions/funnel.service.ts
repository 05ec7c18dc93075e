import ExcelJS from 'exceljs';
import { FUNNEL_STAGES, type Funnel, type FunnelCounts } from '@ms/contracts/admission-funnel';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { translate as t } from '../../lib/i18n.ts';
import type { Locale } from '../../lib/messages.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { createFunnelRepo, type FunnelRow } from './funnel.repo.ts';

const zero = (): FunnelCounts => ({ applications: 0, eligible: 0, nominated: 0, testPassed: 0, expertScored: 0, interviewed: 0, admitted: 0 });
const countsOf = (r: FunnelRow): FunnelCounts => ({
  applications: r.applications,
  eligible: r.eligible,
  nominated: r.nominated,
  testPassed: r.test_passed,
  expertScored: r.expert_scored,
  interviewed: r.interviewed,
  admitted: r.admitted,
});
function add(into: FunnelCounts, from: FunnelCounts): void {
  for (const stage of FUNNEL_STAGES) into[stage] += from[stage];
}

/**
 * The funnel report: applications → eligible → nominated → test passed → expert stage → interview →
 * admitted, in total, by region and by federal district; also as an XLSX workbook. Staff only.
 */
export function createFunnelService(deps: { db: Database; campaigns: CampaignsService }) {
  const repo = createFunnelRepo(deps.db);

  async function compute(actor: Actor, campaignId: string, testPassMark: number): Promise<Funnel> {
    const row = await deps.campaigns.managedCampaign(actor, campaignId);
    const started = performance.now();
    const rows = await repo.byRegion(campaignId, row.campaign.hasNominationGate, testPassMark);
    const total = zero();
    const districts = new Map<string, FunnelCounts>();
    const byRegion = [];
    for (const r of rows) {
      const counts = countsOf(r);
      add(total, counts);
      if (r.region_code) byRegion.push({ regionCode: r.region_code, ...counts });
      const district = r.federal_district ?? '—';
      if (!districts.has(district)) districts.set(district, zero());
      add(districts.get(district)!, counts);
    }
    return {
      testPassMark,
      hasNominationGate: row.campaign.hasNominationGate,
      total,
      byRegion,
      byDistrict: [...districts].sort(([a], [b]) => a.localeCompare(b)).map(([district, counts]) => ({ district, ...counts })),
      computedMs: Math.round(performance.now() - started),
    };
  }

  return {
    funnel: compute,

    /** The same report as a workbook: a sheet by region and a sheet by federal district. */
    async workbook(actor: Actor, campaignId: string, testPassMark: number, locale: Locale): Promise<Buffer> {
      const funnel = await compute(actor, campaignId, testPassMark);
      const book = new ExcelJS.Workbook();
      const header = FUNNEL_STAGES.map((s) => t(locale, `admissions.funnel.${s}`));
      const sheet = (name: string, first: string, rows: Array<[string, FunnelCounts]>) => {
        const ws = book.addWorksheet(name);
        ws.addRow([first, ...header]).font = { bold: true };
        for (const [key, counts] of rows) ws.addRow([key, ...FUNNEL_STAGES.map((s) => counts[s])]);
        ws.addRow([t(locale, 'admissions.funnel.total'), ...FUNNEL_STAGES.map((s) => funnel.total[s])]).font = { bold: true };
        ws.columns.forEach((c, i) => (c.width = i === 0 ? 16 : 14));
      };
      sheet(t(locale, 'admissions.funnel.byRegion'), t(locale, 'admissions.funnel.region'), funnel.byRegion.map((r) => [r.regionCode, r]));
      sheet(t(locale, 'admissions.funnel.byDistrict'), t(locale, 'admissions.funnel.district'), funnel.byDistrict.map((d) => [d.district, d]));
      return Buffer.from(await book.xlsx.writeBuffer());
    },
  };
}
