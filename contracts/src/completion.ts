import { z } from 'zod';
import { PlainTextSchema } from './common.ts';

/** Completion rules per programme, progress per participant and exceptions (issue 5, item 5). */

export const MissingItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('attendance'), pct: z.number(), thresholdPct: z.number() }),
  z.object({
    kind: z.literal('assignment'),
    assignmentId: z.string(),
    titleRu: z.string(),
    titleEn: z.string(),
    /** not_submitted · not_graded (graded but not released counts as not graded) · failed */
    status: z.enum(['not_submitted', 'not_graded', 'failed']),
  }),
  z.object({ kind: z.literal('project'), status: z.enum(['no_project', 'pending', 'failed']), title: z.string().nullable() }),
]);
export type MissingItem = z.infer<typeof MissingItemSchema>;

export const CompletionExceptionSchema = z.object({ reason: z.string(), grantedBy: z.string().nullable(), at: z.string() });

export const CompletionRulesSchema = z.object({
  programmeId: z.string(),
  isAttendanceRequired: z.boolean(),
  isAssignmentsRequired: z.boolean(),
  isProjectRequired: z.boolean(),
  /** The programme's attendance threshold (set on the programme). */
  thresholdPct: z.number().int(),
});
export type CompletionRules = z.infer<typeof CompletionRulesSchema>;
export const UpdateCompletionRulesBodySchema = z.strictObject({
  isAttendanceRequired: z.boolean().optional(),
  isAssignmentsRequired: z.boolean().optional(),
  isProjectRequired: z.boolean().optional(),
});

export const ParticipantProgressSchema = z.object({
  personId: z.string(),
  fullName: z.string(),
  isEligible: z.boolean(),
  attendancePct: z.number(),
  assignmentsPassed: z.number().int(),
  assignmentsRequired: z.number().int(),
  projectResult: z.enum(['passed', 'failed', 'pending']).nullable(),
  missing: z.array(MissingItemSchema),
  exception: CompletionExceptionSchema.nullable(),
});
export type ParticipantProgress = z.infer<typeof ParticipantProgressSchema>;

export const StreamProgressQuerySchema = z.object({
  filter: z.enum(['all', 'eligible', 'not_eligible', 'missing_attendance', 'missing_assignment', 'missing_project', 'exception']).default('all'),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type StreamProgressQuery = z.input<typeof StreamProgressQuerySchema>;
export const StreamProgressSchema = z.object({
  rules: CompletionRulesSchema,
  counts: z.object({ total: z.number().int(), eligible: z.number().int(), exceptions: z.number().int() }),
  items: z.array(ParticipantProgressSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type StreamProgress = z.infer<typeof StreamProgressSchema>;

export const MyProgressSchema = z.object({
  items: z.array(ParticipantProgressSchema.extend({ streamId: z.string(), streamNameRu: z.string(), streamNameEn: z.string(), rules: CompletionRulesSchema })),
});
export type MyProgress = z.infer<typeof MyProgressSchema>;

export const GrantExceptionBodySchema = z.strictObject({ reason: PlainTextSchema(2000).min(5) });
export const PersonInStreamParamsSchema = z.object({ id: z.uuid(), personId: z.uuid() });
