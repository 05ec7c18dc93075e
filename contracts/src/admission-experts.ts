import { z } from 'zod';
import { PlainTextSchema } from './common.ts';
import { EducationLevelSchema } from './admissions.ts';
import { RegionCodeSchema } from './reference.ts';

/** One weighted criterion of the expert stage's rubric. */
export const RubricCriterionSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9_]{1,24}$/),
    titleRu: PlainTextSchema(300).pipe(z.string().min(1)),
    titleEn: PlainTextSchema(300).pipe(z.string().min(1)),
    weight: z.number().int().min(1).max(100),
    maxPoints: z.number().int().min(1).max(100),
  })
  .strict();
export type RubricCriterion = z.infer<typeof RubricCriterionSchema>;

export const ExpertStageKindSchema = z.enum(['essay', 'case']);

/** Staff set the stage: the rubric, the task, the gap that triggers a third scoring, the deadline. */
export const SetExpertStageBodySchema = z
  .object({
    kind: ExpertStageKindSchema,
    taskRu: PlainTextSchema(5000),
    taskEn: PlainTextSchema(5000),
    rubric: z.array(RubricCriterionSchema).min(1).max(20),
    /** A third scoring is assigned when the two totals (0–100) differ by more than this. */
    discrepancyThreshold: z.number().min(0).max(100),
    dueAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type SetExpertStageBody = z.infer<typeof SetExpertStageBodySchema>;

export const PoolExpertSchema = z.object({ userId: z.string(), displayName: z.string(), email: z.string(), regionCode: z.string() });
export const ExpertStageSchema = z.object({
  stage: SetExpertStageBodySchema.extend({ dueAt: z.string() }).nullable(),
  experts: z.array(PoolExpertSchema),
  /** Reviews assigned and submitted so far. */
  assigned: z.number().int(),
  submitted: z.number().int(),
});
export type ExpertStage = z.infer<typeof ExpertStageSchema>;

/**
 * The campaign's expert pool. An expert's region is what "never the applicant's own region" is checked
 * against: given here, or else taken from the expert's person record; one of the two is required.
 */
export const SetExpertsBodySchema = z
  .object({ experts: z.array(z.object({ userId: z.uuid(), regionCode: RegionCodeSchema.optional() }).strict()).max(500) })
  .strict();

export const AssignResultSchema = z.object({ assigned: z.number().int(), unassignable: z.number().int() });

/** The staff's workload view: scorers × assigned / done / overdue. */
export const WorkloadSchema = z.object({
  items: z.array(z.object({ userId: z.string(), displayName: z.string(), regionCode: z.string(), assigned: z.number().int(), done: z.number().int(), overdue: z.number().int() })),
  thirdScorings: z.number().int(),
  scoredApplications: z.number().int(),
});
export type Workload = z.infer<typeof WorkloadSchema>;

/**
 * What an expert sees of a piece of work: the essay and the neutral facts the rubric needs — never
 * the applicant's name, region, municipality, position or contacts (the allow-list enforces it).
 */
export const BlindReviewSchema = z.object({
  id: z.string(),
  campaignTitleRu: z.string(),
  campaignTitleEn: z.string(),
  kind: ExpertStageKindSchema,
  taskRu: z.string(),
  taskEn: z.string(),
  round: z.number().int(),
  dueAt: z.string(),
  isOverdue: z.boolean(),
  education: EducationLevelSchema.nullable(),
  managementYears: z.number().int().nullable(),
  serviceYears: z.number().int().nullable(),
  essay: z.string().nullable(),
  rubric: z.array(RubricCriterionSchema),
  points: z.record(z.string(), z.number()).nullable(),
  total: z.number().nullable(),
  comment: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type BlindReview = z.infer<typeof BlindReviewSchema>;
export const ReviewQueueSchema = z.object({ items: z.array(BlindReviewSchema) });
export const SubmitReviewBodySchema = z
  .object({
    points: z.record(z.string().max(24), z.number().int().min(0).max(100)),
    comment: PlainTextSchema(5000).optional(),
  })
  .strict();
export type SubmitReviewBody = z.infer<typeof SubmitReviewBodySchema>;
