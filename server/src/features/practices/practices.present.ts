import type { AreaCode } from '@ms/contracts/areas';
import type { Practice, PracticeStatus, PracticeSummary } from '@ms/contracts/practices';
import type { practices } from '../../db/schema/index.ts';
import type { SearchRow } from './practices.repo.ts';
import { createSnippetMarker } from './snippet.ts';

/** A page of search rows as the API shows them; one snippet marker serves the page (one query). */
export function toSummaries(rows: SearchRow[]): PracticeSummary[] {
  const stems = rows[0]?.query_stems;
  const mark = stems ? createSnippetMarker(stems) : null;
  return rows.map((row) => toSummary(row, mark));
}

/** A search row as the API shows it (the allow-list is the response schema). */
function toSummary(row: SearchRow, mark: ((text: string) => PracticeSummary['snippet']) | null): PracticeSummary {
  return {
    id: row.id,
    status: row.status as PracticeStatus,
    title: row.title,
    summary: row.summary,
    snippet: mark ? mark(row.snippet_text ?? row.summary) : null,
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
