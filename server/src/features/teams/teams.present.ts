import type { TeamMember } from '@ms/contracts/teams';
import type { CandidateRow } from './teams.repo.ts';
import type { Candidate } from './team-generation.ts';

/** A roster row as the team builder shows it, in the reader's language. */
export function toTeamMember(row: CandidateRow, locale: 'ru' | 'en'): TeamMember {
  return {
    personId: row.personId,
    fullName: row.fullName,
    regionCode: row.regionCode,
    regionName: (locale === 'en' ? row.regionNameEn : row.regionNameRu) ?? null,
    federalDistrict: row.federalDistrict,
    municipalityName: row.municipalityName,
    municipalityKind: row.municipalityKind,
    age: row.age,
  };
}

/** What the generator measures diversity on. */
export function toCandidate(row: CandidateRow): Candidate {
  return { personId: row.personId, regionCode: row.regionCode, federalDistrict: row.federalDistrict, municipalityKind: row.municipalityKind, age: row.age };
}
