import { z } from 'zod';

/** The funnel's stages, in order. */
export const FUNNEL_STAGES = ['applications', 'eligible', 'nominated', 'testPassed', 'expertScored', 'interviewed', 'admitted'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const FunnelQuerySchema = z.object({
  /** The online test counts as passed at this score or above (0: any finished test). */
  testPassMark: z.coerce.number().min(0).max(100).default(0),
});

const CountsSchema = z.object(Object.fromEntries(FUNNEL_STAGES.map((s) => [s, z.number().int()])) as Record<FunnelStage, z.ZodNumber>);
export type FunnelCounts = z.infer<typeof CountsSchema>;

export const FunnelSchema = z.object({
  testPassMark: z.number(),
  hasNominationGate: z.boolean(),
  total: CountsSchema,
  byRegion: z.array(CountsSchema.extend({ regionCode: z.string() })),
  byDistrict: z.array(CountsSchema.extend({ district: z.string() })),
  computedMs: z.number(),
});
export type Funnel = z.infer<typeof FunnelSchema>;
