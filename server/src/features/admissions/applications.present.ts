import { CampaignFormSchema, type OwnApplication } from '@ms/contracts/admissions';
import type { admissionApplications, admissionCampaigns, people } from '../../db/schema/index.ts';

/** An application joined with its person and campaign, as the repo returns it. */
export interface OwnRow {
  application: typeof admissionApplications.$inferSelect;
  person: typeof people.$inferSelect;
  campaign: typeof admissionCampaigns.$inferSelect;
}

export interface DocumentRow {
  id: string;
  kind: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: Date;
}

/** "Last First Middle", as Russian forms write a name. */
export function fullNameOf(person: { lastName: string; firstName: string; middleName: string | null }): string {
  return [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' ');
}

/** The applicant's own view: answers, status, eligibility with reasons, consent state, documents. */
export function toApplicationView(row: OwnRow, documents: DocumentRow[], consent: { version: string | null; hasConsent: boolean }): OwnApplication {
  const a = row.application;
  return {
    id: a.id,
    campaignSlug: row.campaign.slug,
    campaignTitleRu: row.campaign.titleRu,
    campaignTitleEn: row.campaign.titleEn,
    closesAt: row.campaign.closesAt.toISOString(),
    status: a.status as OwnApplication['status'],
    fullName: fullNameOf(row.person),
    email: row.person.email,
    birthDate: a.birthDate,
    regionCode: a.regionCode,
    municipalityId: a.municipalityId,
    education: a.education as OwnApplication['education'],
    managementYears: a.managementYears,
    serviceKind: a.serviceKind as OwnApplication['serviceKind'],
    serviceYears: a.serviceYears,
    position: a.position,
    motivation: a.motivation,
    isEligible: a.isEligible,
    eligibilityReasons: a.eligibilityReasons,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    consentVersion: consent.version,
    hasConsent: consent.hasConsent,
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind as OwnApplication['documents'][number]['kind'],
      fileName: d.fileName,
      mediaType: d.mediaType,
      sizeBytes: d.sizeBytes,
      createdAt: d.createdAt.toISOString(),
    })),
    form: CampaignFormSchema.parse(row.campaign.form),
    updatedAt: a.updatedAt.toISOString(),
  };
}
