import type { AreaCode } from '@ms/contracts/areas';
import type { Practice, PracticeStatus, PracticeSummary } from '@ms/contracts/practices';
import type { practices } from '../../db/schema/index.ts';
import type { SearchRow } from './practices.repo.ts';
import { highlightSnippet } from './snippet.ts';

/** A search row as the API shows it (the allow-list is the response schema). */
export function toSummary(row: SearchRow): PracticeSummary {
  return {
    id: row.id,
    status: row.status as PracticeStatus,
    title: row.title,
    summary: row.summary,
    snippet: row.query_stems ? highlightSnippet(row.snippet_text ?? row.summary, row.query_stems) : null,
    originRegionCode: row.origin_region_code,
    originRegionNameRu: row.region_name_ru,
    originRegionNameEn: row.region_name_en,
    federalDistrict: row.federal_district,
    originMunicipalityName: row.municipality_name,
    areas: row.areas as AreaCode[],
    adoptionCount: row.adoption_count,
    rank: row.rank === null ? null : Number(row.rank),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

interface PracticeRow {
  practice: typeof practices.$inferSelect;
  regionNameRu: string;
  regionNameEn: string;
  federalDistrict: string;
  municipalityName: string | null;
  adoptionCount: number;
}

/** A whole practice page: texts, contacts, links and where participants saw it. */
export function toPractice(row: PracticeRow, showings: Practice['showings'], rights: { canEdit: boolean; canCurate: boolean }): Practice {
  const p = row.practice;
  return {
    id: p.id,
    programmeId: p.programmeId,
    status: p.status as PracticeStatus,
    title: p.title,
    summary: p.summary,
    snippet: null,
    problem: p.problem,
    solution: p.solution,
    results: p.results,
    originRegionCode: p.originRegionCode,
    originRegionNameRu: row.regionNameRu,
    originRegionNameEn: row.regionNameEn,
    federalDistrict: row.federalDistrict,
    originMunicipalityId: p.originMunicipalityId,
    originMunicipalityName: row.municipalityName,
    areas: p.areas as AreaCode[],
    contacts: p.contacts,
    links: p.links,
    showings,
    adoptionCount: row.adoptionCount,
    rank: null,
    mergedIntoId: p.mergedIntoId,
    canEdit: rights.canEdit,
    canCurate: rights.canCurate,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
