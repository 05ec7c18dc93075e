import { z } from 'zod';
import { AreaCodeSchema } from './areas.ts';
import { PageQuerySchema, PlainTextSchema, pageOf } from './common.ts';
import { SortOrderSchema } from './people.ts';

const Text = (max: number) => PlainTextSchema(max).pipe(z.string().min(3));

export const CreateImprovementBodySchema = z.object({
  area: AreaCodeSchema,
  municipalityId: z.uuid(),
  problem: Text(2000),
  proposal: Text(2000),
  expectedEffect: Text(2000),
  /** A strategic session of the stream where it was identified. */
  sessionId: z.uuid().nullable().optional(),
  /** Recorded on behalf of a team (the author's own team; staff: any team of the stream). */
  teamId: z.uuid().nullable().optional(),
  /** Staff only: the participant it is recorded for; participants always record for themselves. */
  personId: z.uuid().nullable().optional(),
});
export type CreateImprovementBody = z.infer<typeof CreateImprovementBodySchema>;

export const UpdateImprovementBodySchema = CreateImprovementBodySchema.pick({ area: true, problem: true, proposal: true, expectedEffect: true, sessionId: true }).partial();
export type UpdateImprovementBody = z.infer<typeof UpdateImprovementBodySchema>;

export const IMPROVEMENT_SORTS = ['createdAt', 'area', 'municipality'] as const;

export const ImprovementFilterSchema = z.object({
  area: AreaCodeSchema.optional(),
  teamId: z.uuid().optional(),
  /** Searched in the problem, proposal, effect and municipality name. */
  q: PlainTextSchema(200).optional(),
  sort: z.enum(IMPROVEMENT_SORTS).default('createdAt'),
  order: SortOrderSchema.default('desc'),
});
export type ImprovementFilter = z.infer<typeof ImprovementFilterSchema>;
export const ImprovementQuerySchema = ImprovementFilterSchema.extend(PageQuerySchema.shape);
export type ImprovementQuery = z.infer<typeof ImprovementQuerySchema>;

export const ImprovementSchema = z.object({
  id: z.string(),
  streamId: z.string(),
  area: AreaCodeSchema,
  municipalityId: z.string(),
  municipalityName: z.string(),
  regionCode: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  personId: z.string().nullable(),
  authorName: z.string().nullable(),
  sessionId: z.string().nullable(),
  sessionTitle: z.string().nullable(),
  problem: z.string(),
  proposal: z.string(),
  expectedEffect: z.string(),
  createdAt: z.string(),
  /** The reader may edit or delete it (author or staff). */
  canEdit: z.boolean(),
});
export type Improvement = z.infer<typeof ImprovementSchema>;
export const ImprovementPageSchema = pageOf(ImprovementSchema);
export type ImprovementPage = z.infer<typeof ImprovementPageSchema>;

/** Improvements per area for a stream: all 30 areas, zero where none was recorded. */
export const AreaCoverageSchema = z.object({
  areas: z.array(z.object({ area: AreaCodeSchema, count: z.number().int() })),
  covered: z.number().int(),
  total: z.number().int(),
  missing: z.array(AreaCodeSchema),
});
export type AreaCoverage = z.infer<typeof AreaCoverageSchema>;
