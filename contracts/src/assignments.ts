import { z } from 'zod';
import { PlainTextSchema } from './common.ts';

/** Assignments, rubrics, submissions, grading and the gradebook (issue 5, item 2). */

export const AssignmentKindSchema = z.enum(['individual', 'team']);
export type AssignmentKind = z.infer<typeof AssignmentKindSchema>;
/** accept: a late submission is taken and flagged; refuse: it is refused after the due time. */
export const LatePolicySchema = z.enum(['accept', 'refuse']);
export type LatePolicy = z.infer<typeof LatePolicySchema>;

/** Files a submission may carry, recognised by their content (magic bytes), not by their name. */
export const SUBMISSION_MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const;
export type SubmissionFileKind = keyof typeof SUBMISSION_MEDIA_TYPES;
export const SUBMISSION_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const SUBMISSION_MAX_FILES = 3;
export const SUBMISSION_MAX_TEXT = 20_000;

/** A wall-clock time without zone, YYYY-MM-DDTHH:mm, read in the assignment's time zone. */
export const LocalDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

export const RubricLevelSchema = z.strictObject({
  titleRu: PlainTextSchema(200).min(1),
  titleEn: PlainTextSchema(200).min(1),
  points: z.number().int().min(0).max(100),
});
export const RubricCriterionSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9_-]{1,40}$/),
  titleRu: PlainTextSchema(200).min(1),
  titleEn: PlainTextSchema(200).min(1),
  /** Relative weight; the total is normalised to 0–100 whatever the weights add up to. */
  weight: z.number().int().min(1).max(100),
  levels: z.array(RubricLevelSchema).min(2).max(6),
});
export type RubricCriterion = z.infer<typeof RubricCriterionSchema>;
export const RubricSchema = z.array(RubricCriterionSchema).min(1).max(12);

/** The changeable fields, without defaults (a PATCH must not reset what it does not name). */
const AssignmentFieldsSchema = z.strictObject({
  titleRu: PlainTextSchema(300).min(1),
  titleEn: PlainTextSchema(300).min(1),
  instructionsRu: PlainTextSchema(10_000),
  instructionsEn: PlainTextSchema(10_000),
  /** Local due time, read in `timeZone`; stored as UTC. */
  dueLocal: LocalDateTimeSchema,
  timeZone: z.string().min(1).max(64),
  latePolicy: LatePolicySchema,
  rubric: RubricSchema,
  passMark: z.number().int().min(0).max(100),
  isRequired: z.boolean(),
});

export const CreateAssignmentBodySchema = AssignmentFieldsSchema.extend({
  moduleId: z.uuid(),
  kind: AssignmentKindSchema,
  instructionsRu: AssignmentFieldsSchema.shape.instructionsRu.default(''),
  instructionsEn: AssignmentFieldsSchema.shape.instructionsEn.default(''),
  timeZone: AssignmentFieldsSchema.shape.timeZone.default('Europe/Moscow'),
  latePolicy: LatePolicySchema.default('accept'),
  passMark: AssignmentFieldsSchema.shape.passMark.default(60),
  isRequired: z.boolean().default(true),
});
export type CreateAssignmentBody = z.input<typeof CreateAssignmentBodySchema>;
export const UpdateAssignmentBodySchema = AssignmentFieldsSchema.partial();
export type UpdateAssignmentBody = z.input<typeof UpdateAssignmentBodySchema>;

export const AssignmentSchema = z.object({
  id: z.string(),
  moduleId: z.string(),
  moduleNumber: z.number().int(),
  streamId: z.string(),
  kind: AssignmentKindSchema,
  titleRu: z.string(),
  titleEn: z.string(),
  instructionsRu: z.string(),
  instructionsEn: z.string(),
  /** UTC instant. */
  dueAt: z.string(),
  timeZone: z.string(),
  /** The due time as staff typed it, in `timeZone`. */
  dueLocal: z.string(),
  latePolicy: LatePolicySchema,
  rubric: z.array(RubricCriterionSchema),
  passMark: z.number().int(),
  isRequired: z.boolean(),
  /** For staff: the graders' user ids. */
  graderUserIds: z.array(z.string()),
});
export type Assignment = z.infer<typeof AssignmentSchema>;
export const AssignmentListSchema = z.object({ items: z.array(AssignmentSchema) });
export const StreamAssignmentsQuerySchema = z.object({ streamId: z.uuid() });

export const SubmissionFileSchema = z.object({ id: z.string(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int() });
export const SubmissionVersionSchema = z.object({
  version: z.number().int(),
  text: z.string(),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
  isLate: z.boolean(),
  files: z.array(SubmissionFileSchema),
});
export type SubmissionVersion = z.infer<typeof SubmissionVersionSchema>;

export const GradeSchema = z.object({
  version: z.number().int(),
  levels: z.record(z.string(), z.number().int()),
  score: z.number(),
  isPassed: z.boolean(),
  feedback: z.string(),
  gradedAt: z.string(),
  releasedAt: z.string().nullable(),
});
export type Grade = z.infer<typeof GradeSchema>;

/** A participant's view of one assignment: their (or their team's) versions and, once released, the grade. */
export const MyAssignmentSchema = z.object({
  assignment: AssignmentSchema,
  submissionId: z.string().nullable(),
  teamName: z.string().nullable(),
  isLate: z.boolean(),
  versions: z.array(SubmissionVersionSchema),
  /** Null until staff release it. */
  grade: GradeSchema.nullable(),
  /** True when the due time passed and the assignment refuses late work. */
  isClosed: z.boolean(),
});
export type MyAssignment = z.infer<typeof MyAssignmentSchema>;
export const MyAssignmentListSchema = z.object({
  items: z.array(
    z.object({
      assignment: AssignmentSchema,
      latestVersion: z.number().int(),
      isLate: z.boolean(),
      isGradeReleased: z.boolean(),
      score: z.number().nullable(),
      isPassed: z.boolean().nullable(),
    }),
  ),
});

/** A submission as its grader (or staff) sees it. */
export const SubmissionSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  ownerName: z.string(),
  personId: z.string().nullable(),
  teamId: z.string().nullable(),
  graderUserId: z.string().nullable(),
  graderName: z.string().nullable(),
  latestVersion: z.number().int(),
  lastSubmittedAt: z.string().nullable(),
  isLate: z.boolean(),
  grade: GradeSchema.nullable(),
});
export type Submission = z.infer<typeof SubmissionSchema>;
export const SubmissionDetailSchema = SubmissionSchema.extend({ assignment: AssignmentSchema, versions: z.array(SubmissionVersionSchema) });
export type SubmissionDetail = z.infer<typeof SubmissionDetailSchema>;
export const GradingQueueQuerySchema = z.object({
  status: z.enum(['to_grade', 'graded', 'all']).default('to_grade'),
  assignmentId: z.uuid().optional(),
});
export const GradingQueueSchema = z.object({
  items: z.array(SubmissionSchema.extend({ assignmentTitleRu: z.string(), assignmentTitleEn: z.string(), streamId: z.string() })),
});
export type GradingQueue = z.infer<typeof GradingQueueSchema>;

export const GradeBodySchema = z.strictObject({
  /** criterion key → chosen level index, one per criterion of the rubric */
  levels: z.record(z.string().max(40), z.number().int().min(0).max(5)),
  feedback: PlainTextSchema(10_000).default(''),
});
export type GradeBody = z.input<typeof GradeBodySchema>;

export const SetGradersBodySchema = z.strictObject({
  userIds: z.array(z.uuid()).max(50),
  /** Share every submission out again (round robin); otherwise only those without a grader. */
  isRebalancing: z.boolean().default(false),
});
export const SetSubmissionGraderBodySchema = z.strictObject({ userId: z.uuid() });
export const ReleaseGradesBodySchema = z.strictObject({ submissionIds: z.array(z.uuid()).max(1000).optional() });
export const ReleaseGradesResultSchema = z.object({ released: z.number().int() });
export const SubmissionListSchema = z.object({ items: z.array(SubmissionSchema) });
export const ExpertListSchema = z.object({ items: z.array(z.object({ userId: z.string(), displayName: z.string() })) });

// ---- gradebook
export const GradebookQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(['all', 'passing', 'failing', 'missing']).default('all'),
  sort: z.enum(['name', 'average']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type GradebookQuery = z.input<typeof GradebookQuerySchema>;
export const GradebookCellSchema = z.object({
  assignmentId: z.string(),
  score: z.number().nullable(),
  isPassed: z.boolean().nullable(),
  isLate: z.boolean(),
  isSubmitted: z.boolean(),
  isReleased: z.boolean(),
});
export const GradebookSchema = z.object({
  assignments: z.array(z.object({ id: z.string(), titleRu: z.string(), titleEn: z.string(), moduleNumber: z.number().int(), kind: AssignmentKindSchema, passMark: z.number().int(), isRequired: z.boolean() })),
  items: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      teamName: z.string().nullable(),
      average: z.number().nullable(),
      passedCount: z.number().int(),
      cells: z.array(GradebookCellSchema),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type Gradebook = z.infer<typeof GradebookSchema>;
export const GradebookExportQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
