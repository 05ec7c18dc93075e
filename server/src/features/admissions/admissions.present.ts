import {
  CampaignFormSchema,
  EligibilityRulesSchema,
  RankingConfigSchema,
  type Campaign,
  type CampaignForm,
  type EligibilityRules,
  type PublicCampaign,
  type RankingConfig,
} from '@ms/contracts/admissions';
import type { CampaignRow } from './campaigns.repo.ts';

/** The stored form, read through the contract so that older rows get today's defaults. */
export function formOf(row: CampaignRow): CampaignForm {
  return CampaignFormSchema.parse(row.campaign.form);
}

export function rulesOf(row: CampaignRow): EligibilityRules {
  return EligibilityRulesSchema.parse(row.campaign.rules);
}

export function rankingConfigOf(row: CampaignRow): RankingConfig | null {
  const parsed = RankingConfigSchema.safeParse(row.campaign.rankingConfig);
  return parsed.success ? parsed.data : null;
}

/** Open: published and now between the opening and the closing time. */
export function isCampaignOpen(row: CampaignRow, now: Date): boolean {
  const c = row.campaign;
  return c.isPublished && c.opensAt.getTime() <= now.getTime() && now.getTime() < c.closesAt.getTime();
}

export function toCampaign(row: CampaignRow, now: Date, counts: Record<string, number> = {}): Campaign {
  const c = row.campaign;
  return {
    id: c.id,
    intakeId: c.intakeId,
    programmeId: row.programmeId,
    slug: c.slug,
    titleRu: c.titleRu,
    titleEn: c.titleEn,
    descriptionRu: c.descriptionRu,
    descriptionEn: c.descriptionEn,
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    isPublished: c.isPublished,
    isOpen: isCampaignOpen(row, now),
    form: formOf(row),
    rules: rulesOf(row),
    hasNominationGate: c.hasNominationGate,
    defaultNominationQuota: c.defaultNominationQuota,
    rankedAt: c.rankedAt?.toISOString() ?? null,
    counts,
  };
}

export function toPublicCampaign(row: CampaignRow, now: Date): PublicCampaign {
  const c = row.campaign;
  return {
    slug: c.slug,
    titleRu: c.titleRu,
    titleEn: c.titleEn,
    descriptionRu: c.descriptionRu,
    descriptionEn: c.descriptionEn,
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    isOpen: isCampaignOpen(row, now),
    form: formOf(row),
    rules: rulesOf(row),
    programmeNameRu: row.programmeNameRu,
    programmeNameEn: row.programmeNameEn,
  };
}
