import { z } from 'zod';
import { PlainTextSchema } from './common.ts';
import { ApplicationDocumentSchema, ApplicationListQuerySchema, ApplicationStatusSchema, EducationLevelSchema, EligibilityReasonSchema, ServiceKindSchema } from './admissions.ts';
import { RubricCriterionSchema } from './admission-experts.ts';

/** Staff's list of a campaign's applications, also searched by the applicant's name or e-mail. */
export const StaffApplicationListQuerySchema = ApplicationListQuerySchema.extend({ q: PlainTextSchema(100).optional() });
export type StaffApplicationListQuery = z.infer<typeof StaffApplicationListQuerySchema>;

/** One application of a campaign (`id` is the campaign, like the campaign's other routes). */
export const StaffApplicationParamsSchema = z.object({ id: z.uuid(), applicationId: z.uuid() });
export const StaffApplicationDocumentParamsSchema = StaffApplicationParamsSchema.extend({ documentId: z.uuid() });

/** The applicant: who they are, where they work, how to reach them. */
export const ApplicantProfileSchema = z.object({
  fullName: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  birthDate: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionNameRu: z.string().nullable(),
  regionNameEn: z.string().nullable(),
  municipalityId: z.string().nullable(),
  municipalityName: z.string().nullable(),
  position: z.string().nullable(),
});

/** The form's answers; `custom` holds the campaign's further configurable answers as text. */
export const ApplicationAnswersSchema = z.object({
  education: EducationLevelSchema.nullable(),
  managementYears: z.number().int().nullable(),
  serviceKind: ServiceKindSchema.nullable(),
  serviceYears: z.number().int().nullable(),
  motivation: z.string().nullable(),
  custom: z.array(z.object({ key: z.string(), value: z.string() })),
});

export const ApplicationNominationSchema = z.object({
  nominatedAt: z.string(),
  /** The coordinator who nominated, when known (imported nominations have none). */
  nominatedByName: z.string().nullable(),
  comment: z.string().nullable(),
});

/** The online test: the score kept on the application, and the sitting if it was taken here. */
export const ApplicationTestResultSchema = z.object({
  score: z.number().nullable(),
  attempt: z.object({ startedAt: z.string(), deadlineAt: z.string(), finishedAt: z.string().nullable(), score: z.number().nullable(), answered: z.number().int() }).nullable(),
});

/**
 * One expert scoring. `expertName` is null when the reader may not know who scored (a coordinator of
 * the applicant's region: the stage keeps experts out of their applicants' regions precisely so that
 * nobody there can lobby them).
 */
export const ApplicationReviewSchema = z.object({
  round: z.number().int(),
  expertName: z.string().nullable(),
  dueAt: z.string(),
  submittedAt: z.string().nullable(),
  points: z.record(z.string(), z.number()).nullable(),
  total: z.number().nullable(),
  comment: z.string().nullable(),
});

export const ApplicationExpertStageSchema = z.object({
  score: z.number().nullable(),
  rubric: z.array(RubricCriterionSchema),
  reviews: z.array(ApplicationReviewSchema),
});

export const ApplicationInterviewSchema = z.object({
  score: z.number().nullable(),
  slot: z
    .object({
      startsAt: z.string(),
      durationMinutes: z.number().int(),
      place: z.string().nullable(),
      onlineUrl: z.string().nullable(),
      /** The panel by name; empty for readers who may not know it (see expertName). */
      panel: z.array(z.string()),
      panelSize: z.number().int(),
    })
    .nullable(),
  scores: z.array(z.object({ expertName: z.string().nullable(), score: z.number(), comment: z.string().nullable(), scoredAt: z.string() })),
});

export const ApplicationRankingSchema = z.object({
  compositeScore: z.number().nullable(),
  rankPosition: z.number().int().nullable(),
  decision: z.string().nullable(),
  /** A code of the ranking's reasons (floor, merit, cap_reached, reserve, outside_target, below_min_score) or a note. */
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  notifiedAt: z.string().nullable(),
});

/** The whole file of one application, for staff and for a coordinator of the applicant's region. */
export const StaffApplicationFileSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignTitleRu: z.string(),
  campaignTitleEn: z.string(),
  status: ApplicationStatusSchema,
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** False for a coordinator: experts and panel members are not named to them. */
  canSeeAssessors: z.boolean(),
  applicant: ApplicantProfileSchema,
  answers: ApplicationAnswersSchema,
  eligibility: z.object({ isEligible: z.boolean().nullable(), reasons: z.array(EligibilityReasonSchema) }),
  nomination: ApplicationNominationSchema.nullable(),
  test: ApplicationTestResultSchema,
  expert: ApplicationExpertStageSchema,
  interview: ApplicationInterviewSchema,
  ranking: ApplicationRankingSchema,
  documents: z.array(ApplicationDocumentSchema),
});
export type StaffApplicationFile = z.infer<typeof StaffApplicationFileSchema>;
