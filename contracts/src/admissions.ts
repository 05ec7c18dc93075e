import { z } from 'zod';
import { IsoDateSchema, PageQuerySchema, PlainTextSchema, pageOf } from './common.ts';
import { PasswordSchema } from './auth.ts';
import { RegionCodeSchema } from './reference.ts';

/** Education levels, lowest first: a rule "at least bachelor" admits bachelor, master and doctorate. */
export const EDUCATION_LEVELS = ['secondary', 'vocational', 'bachelor', 'master', 'doctorate'] as const;
export const EducationLevelSchema = z.enum(EDUCATION_LEVELS);
export type EducationLevel = z.infer<typeof EducationLevelSchema>;

export const ServiceKindSchema = z.enum(['state', 'municipal', 'none']);
export type ServiceKind = z.infer<typeof ServiceKindSchema>;

export const APPLICATION_STATUSES = ['draft', 'submitted', 'nominated', 'admitted', 'reserve', 'rejected', 'enrolled', 'withdrawn'] as const;
export const ApplicationStatusSchema = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;

export const DOCUMENT_KINDS = ['diploma', 'employment', 'other'] as const;
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** At most 5 MB per document and 5 documents per application. */
export const DOCUMENT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxCount: 5 } as const;

/** The configurable fields of the form (the base profile — name, e-mail, birth date, region — is always asked). */
export const FORM_FIELDS = ['education', 'managementYears', 'service', 'position', 'municipality', 'motivation', 'documents'] as const;
export const FormFieldSchema = z.enum(FORM_FIELDS);
export type FormField = z.infer<typeof FormFieldSchema>;

/** Which optional fields the form asks, and which of them must be filled before submitting. */
export const CampaignFormSchema = z.object({
  fields: z.array(FormFieldSchema).max(FORM_FIELDS.length).default([...FORM_FIELDS]),
  required: z.array(FormFieldSchema).max(FORM_FIELDS.length).default([]),
  /** Longest motivation essay, in characters. */
  motivationMaxLength: z.number().int().min(100).max(20_000).default(4000),
});
export type CampaignForm = z.infer<typeof CampaignFormSchema>;

/** Eligibility rules; an unset rule is not checked. */
export const EligibilityRulesSchema = z
  .object({
    minAge: z.number().int().min(14).max(100).nullable().default(null),
    maxAge: z.number().int().min(14).max(100).nullable().default(null),
    /** The date on which age is counted (often the intake's start). */
    ageReferenceDate: IsoDateSchema.nullable().default(null),
    minEducation: EducationLevelSchema.nullable().default(null),
    minManagementYears: z.number().int().min(0).max(60).nullable().default(null),
    /** State or municipal service is required. */
    requiresService: z.boolean().default(false),
    minServiceYears: z.number().int().min(0).max(60).nullable().default(null),
  })
  .refine((r) => r.minAge === null || r.maxAge === null || r.minAge <= r.maxAge, { path: ['maxAge'], message: 'min_above_max' });
export type EligibilityRules = z.infer<typeof EligibilityRulesSchema>;

/** A reason an application is (in)eligible: a message key of the web catalogue and its parameters. */
export const EligibilityReasonSchema = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export type EligibilityReason = z.infer<typeof EligibilityReasonSchema>;

const CampaignTextFields = {
  titleRu: PlainTextSchema(300).pipe(z.string().min(1)),
  titleEn: PlainTextSchema(300).pipe(z.string().min(1)),
  descriptionRu: PlainTextSchema(5000).default(''),
  descriptionEn: PlainTextSchema(5000).default(''),
};
// 'confirm' is the public confirmation page's own address.
const SlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{2,79}$/, 'slug').refine((s) => s !== 'confirm', 'slug');

export const CreateCampaignBodySchema = z
  .object({
    intakeId: z.uuid(),
    slug: SlugSchema,
    ...CampaignTextFields,
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    isPublished: z.boolean().default(false),
    form: CampaignFormSchema.default({ fields: [...FORM_FIELDS], required: [], motivationMaxLength: 4000 }),
    rules: EligibilityRulesSchema.default({ minAge: null, maxAge: null, ageReferenceDate: null, minEducation: null, minManagementYears: null, requiresService: false, minServiceYears: null }),
    hasNominationGate: z.boolean().default(false),
    defaultNominationQuota: z.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type CreateCampaignBody = z.infer<typeof CreateCampaignBodySchema>;

export const UpdateCampaignBodySchema = z
  .object({
    slug: SlugSchema,
    titleRu: CampaignTextFields.titleRu,
    titleEn: CampaignTextFields.titleEn,
    descriptionRu: PlainTextSchema(5000),
    descriptionEn: PlainTextSchema(5000),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    isPublished: z.boolean(),
    form: CampaignFormSchema,
    rules: EligibilityRulesSchema,
    hasNominationGate: z.boolean(),
    defaultNominationQuota: z.number().int().min(0).max(100_000),
  })
  .partial()
  .strict();
export type UpdateCampaignBody = z.infer<typeof UpdateCampaignBodySchema>;

export const CampaignSchema = z.object({
  id: z.string(),
  intakeId: z.string(),
  programmeId: z.string(),
  slug: z.string(),
  titleRu: z.string(),
  titleEn: z.string(),
  descriptionRu: z.string(),
  descriptionEn: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  isPublished: z.boolean(),
  /** Open now: published and between the dates. */
  isOpen: z.boolean(),
  form: CampaignFormSchema,
  rules: EligibilityRulesSchema,
  hasNominationGate: z.boolean(),
  defaultNominationQuota: z.number().int(),
  rankedAt: z.string().nullable(),
  /** Applications by status (staff views only; zero on public answers). */
  counts: z.record(z.string(), z.number().int()),
});
export type Campaign = z.infer<typeof CampaignSchema>;
export const CampaignListSchema = z.object({ items: z.array(CampaignSchema) });
export const CampaignListQuerySchema = z.object({ intakeId: z.uuid().optional() });

export const RegionQuotaSchema = z.object({ regionCode: RegionCodeSchema, nominationQuota: z.number().int().min(0).max(100_000) });
export const SetQuotasBodySchema = z.object({ quotas: z.array(RegionQuotaSchema).max(200) }).strict();
export const QuotaListSchema = z.object({ items: z.array(z.object({ regionCode: z.string(), nominationQuota: z.number().int() })) });

/** What the public sees of a campaign: no counts, no ranking. */
export const PublicCampaignSchema = CampaignSchema.pick({
  slug: true,
  titleRu: true,
  titleEn: true,
  descriptionRu: true,
  descriptionEn: true,
  opensAt: true,
  closesAt: true,
  isOpen: true,
  form: true,
  rules: true,
}).extend({ programmeNameRu: z.string(), programmeNameEn: z.string() });
export type PublicCampaign = z.infer<typeof PublicCampaignSchema>;
export const PublicCampaignListSchema = z.object({ items: z.array(PublicCampaignSchema) });
export const SlugParamsSchema = z.object({ slug: z.string().max(80) });

/** Step one on the public page: who is applying. Nothing is created until the e-mail is confirmed. */
export const StartApplicationBodySchema = z
  .object({
    email: z.email().max(254),
    lastName: PlainTextSchema(100).pipe(z.string().min(1)),
    firstName: PlainTextSchema(100).pipe(z.string().min(1)),
    middleName: PlainTextSchema(100).optional(),
  })
  .strict();
export type StartApplicationBody = z.infer<typeof StartApplicationBodySchema>;

export const ConfirmationParamsSchema = z.object({ token: z.string().min(20).max(200) });
export const ConfirmationInfoSchema = z.object({ email: z.string(), campaignSlug: z.string(), hasAccount: z.boolean() });
export const ConfirmEmailBodySchema = z
  .object({
    token: z.string().min(20).max(200),
    /** A new account's password; ignored when the address already has an account (sign in instead). */
    password: PasswordSchema.optional(),
  })
  .strict();
export const ConfirmEmailResultSchema = z.object({
  applicationId: z.string(),
  /** True when a session was opened (a new account); false: sign in with the existing account. */
  isSignedIn: z.boolean(),
});

const YearsSchema = z.number().int().min(0).max(60);
/** A draft save: every field optional, each validated; null clears it. */
export const SaveApplicationBodySchema = z
  .object({
    birthDate: IsoDateSchema.nullable(),
    regionCode: RegionCodeSchema.nullable(),
    municipalityId: z.uuid().nullable(),
    education: EducationLevelSchema.nullable(),
    managementYears: YearsSchema.nullable(),
    serviceKind: ServiceKindSchema.nullable(),
    serviceYears: YearsSchema.nullable(),
    position: PlainTextSchema(300).nullable(),
    motivation: PlainTextSchema(20_000).nullable(),
  })
  .partial()
  .strict();
export type SaveApplicationBody = z.infer<typeof SaveApplicationBodySchema>;

export const ApplicationDocumentSchema = z.object({
  id: z.string(),
  kind: DocumentKindSchema,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});

/** The applicant's own application: their answers, status and eligibility — never anyone else's data. */
export const OwnApplicationSchema = z.object({
  id: z.string(),
  campaignSlug: z.string(),
  campaignTitleRu: z.string(),
  campaignTitleEn: z.string(),
  closesAt: z.string(),
  status: ApplicationStatusSchema,
  fullName: z.string(),
  email: z.string().nullable(),
  birthDate: z.string().nullable(),
  regionCode: z.string().nullable(),
  municipalityId: z.string().nullable(),
  education: EducationLevelSchema.nullable(),
  managementYears: z.number().int().nullable(),
  serviceKind: ServiceKindSchema.nullable(),
  serviceYears: z.number().int().nullable(),
  position: z.string().nullable(),
  motivation: z.string().nullable(),
  isEligible: z.boolean().nullable(),
  eligibilityReasons: z.array(EligibilityReasonSchema),
  submittedAt: z.string().nullable(),
  /** The consent version the applicant must agree to, and whether an active consent to it exists. */
  consentVersion: z.string().nullable(),
  hasConsent: z.boolean(),
  documents: z.array(ApplicationDocumentSchema),
  form: CampaignFormSchema,
  updatedAt: z.string(),
});
export type OwnApplication = z.infer<typeof OwnApplicationSchema>;
export const OwnApplicationListSchema = z.object({ items: z.array(OwnApplicationSchema) });
export const DocumentUploadQuerySchema = z.object({ kind: DocumentKindSchema.default('other') });
export const DocumentParamsSchema = z.object({ id: z.uuid(), documentId: z.uuid() });

/** Staff's list of a campaign's applications. */
export const ApplicationListQuerySchema = PageQuerySchema.extend({
  status: ApplicationStatusSchema.optional(),
  region: RegionCodeSchema.optional(),
  isEligible: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export const StaffApplicationSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  regionCode: z.string().nullable(),
  status: ApplicationStatusSchema,
  isEligible: z.boolean().nullable(),
  eligibilityReasons: z.array(EligibilityReasonSchema),
  submittedAt: z.string().nullable(),
  compositeScore: z.number().nullable(),
  rankPosition: z.number().int().nullable(),
  decision: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
export const StaffApplicationPageSchema = pageOf(StaffApplicationSchema);

/** The coordinator's view: eligible applicants of their regions and each region's quota use. */
export const NominationCandidateSchema = z.object({
  applicationId: z.string(),
  fullName: z.string(),
  regionCode: z.string(),
  position: z.string().nullable(),
  education: EducationLevelSchema.nullable(),
  managementYears: z.number().int().nullable(),
  serviceYears: z.number().int().nullable(),
  motivation: z.string().nullable(),
  isNominated: z.boolean(),
  nominationComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export const NominationBoardSchema = z.object({
  campaignId: z.string(),
  regions: z.array(z.object({ regionCode: z.string(), quota: z.number().int(), used: z.number().int() })),
  candidates: z.array(NominationCandidateSchema),
});
export type NominationBoard = z.infer<typeof NominationBoardSchema>;
export const NominateBodySchema = z.object({ applicationId: z.uuid(), comment: PlainTextSchema(2000).pipe(z.string().min(1)) }).strict();
export const NominationParamsSchema = z.object({ id: z.uuid(), applicationId: z.uuid() });

/** Ranking configuration: weights of the stage scores, target, reserve, regional caps and floors. */
export const RankingConfigSchema = z
  .object({
    weights: z.object({ test: z.number().min(0).max(100), expert: z.number().min(0).max(100), interview: z.number().min(0).max(100) }).strict(),
    targetTotal: z.number().int().min(1).max(100_000),
    reserveSize: z.number().int().min(0).max(100_000).default(0),
    /** Lowest composite score that qualifies at all. */
    minScore: z.number().min(0).max(100).default(0),
    /** At most this many admitted per region (null: no cap), unless the region has its own. */
    defaultCap: z.number().int().min(0).max(100_000).nullable().default(null),
    /** At least this many admitted from each region where that many qualified. */
    defaultFloor: z.number().int().min(0).max(1000).default(0),
    caps: z.record(RegionCodeSchema, z.number().int().min(0).max(100_000)).default({}),
    floors: z.record(RegionCodeSchema, z.number().int().min(0).max(1000)).default({}),
  })
  .strict();
export type RankingConfig = z.infer<typeof RankingConfigSchema>;

export const RankingOutcomeSchema = z.enum(['admitted', 'reserve', 'rejected']);
/** Why a candidate landed where they did. */
export const RankingReasonSchema = z.enum(['floor', 'merit', 'cap_reached', 'reserve', 'outside_target', 'below_min_score']);

export const RankedCandidateSchema = z.object({
  applicationId: z.string(),
  fullName: z.string(),
  regionCode: z.string(),
  compositeScore: z.number(),
  position: z.number().int(),
  outcome: RankingOutcomeSchema,
  reason: RankingReasonSchema,
});
export const RankingSummarySchema = z.object({
  candidates: z.number().int(),
  admitted: z.number().int(),
  reserve: z.number().int(),
  rejected: z.number().int(),
  /** The lowest admitted composite score. */
  cutoff: z.number().nullable(),
  byRegion: z.array(z.object({ regionCode: z.string(), candidates: z.number().int(), admitted: z.number().int(), reserve: z.number().int() })),
});
export const RankingPreviewSchema = z.object({
  summary: RankingSummarySchema,
  /** The admitted and the reserve list, best first (rejected are counted, not listed). */
  admitted: z.array(RankedCandidateSchema),
  reserve: z.array(RankedCandidateSchema),
  computedMs: z.number(),
});
export type RankingPreview = z.infer<typeof RankingPreviewSchema>;
export const RankingPreviewBodySchema = z.object({ config: RankingConfigSchema }).strict();
export const WhatIfBodySchema = z.object({ current: RankingConfigSchema, proposed: RankingConfigSchema }).strict();
export const WhatIfSchema = z.object({
  current: RankingSummarySchema,
  proposed: RankingSummarySchema,
  /** Admitted under the proposal, not under the current configuration. */
  movedIn: z.array(RankedCandidateSchema),
  /** Admitted now, no longer under the proposal (with their new outcome). */
  movedOut: z.array(RankedCandidateSchema),
  computedMs: z.number(),
});
export type WhatIf = z.infer<typeof WhatIfSchema>;
export const CommitRankingBodySchema = z.object({ config: RankingConfigSchema, reason: PlainTextSchema(2000).pipe(z.string().min(3)) }).strict();
export const CommitRankingResultSchema = z.object({ runId: z.string(), summary: RankingSummarySchema });
export const RankingStateSchema = z.object({
  config: RankingConfigSchema.nullable(),
  rankedAt: z.string().nullable(),
  runs: z.array(z.object({ id: z.string(), reason: z.string(), createdAt: z.string(), createdByEmail: z.string().nullable(), summary: RankingSummarySchema })),
});

/** Decisions after the ranking. */
export const NotifyResultSchema = z.object({ jobId: z.string() });
export const EnrolResultSchema = z.object({ enrolled: z.number().int() });
export const DeclineParamsSchema = z.object({ id: z.uuid(), applicationId: z.uuid() });
export const DeclineResultSchema = z.object({ promotedApplicationId: z.string().nullable() });

// The online test stage lives in its own file; its names stay importable from here.
export * from './admission-test.ts';
