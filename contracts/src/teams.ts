import { z } from 'zod';
import { PlainTextSchema } from './common.ts';

/** A participant as the team builder shows them (no contact details). */
export const TeamMemberSchema = z.object({
  personId: z.string(),
  fullName: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  federalDistrict: z.string().nullable(),
  municipalityName: z.string().nullable(),
  municipalityKind: z.string().nullable(),
  /** Full years at the stream's start. */
  age: z.number().int().nullable(),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const TeamSchema = z.object({
  id: z.string(),
  streamId: z.string(),
  name: z.string(),
  tutorUserId: z.string().nullable(),
  tutorName: z.string().nullable(),
  members: z.array(TeamMemberSchema),
  /** Pairs of team-mates from one region. */
  regionClashes: z.number().int(),
});
export type Team = z.infer<typeof TeamSchema>;

/** How diverse a split is (0–100) and how it compares with random splits of the same sizes. */
export const DiversitySchema = z.object({
  score: z.number(),
  randomScore: z.number(),
  /** Share of random splits scoring below this split, in percent. */
  percentile: z.number(),
  samples: z.number().int(),
  regionClashes: z.number().int(),
  /** The fewest region clashes any split into this many teams can have. */
  minimumRegionClashes: z.number().int(),
});
export type Diversity = z.infer<typeof DiversitySchema>;

export const StreamTeamsSchema = z.object({
  items: z.array(TeamSchema),
  /** Enrolled participants in no team (staff only; empty for others). */
  unassigned: z.array(TeamMemberSchema),
  /** Null when there are no teams or the reader is not staff. */
  diversity: DiversitySchema.nullable(),
  canManage: z.boolean(),
});
export type StreamTeams = z.infer<typeof StreamTeamsSchema>;

export const TeamPreviewBodySchema = z.object({
  /** Same seed, same roster → same teams. */
  seed: z.number().int().min(0).max(2_147_483_647),
  minSize: z.number().int().min(2).max(20).default(5),
  maxSize: z.number().int().min(2).max(20).default(8),
});
export type TeamPreviewBody = z.infer<typeof TeamPreviewBodySchema>;

export const TeamPreviewSchema = z.object({
  seed: z.number().int(),
  teams: z.array(z.object({ name: z.string(), members: z.array(TeamMemberSchema), regionClashes: z.number().int() })),
  diversity: DiversitySchema,
});
export type TeamPreview = z.infer<typeof TeamPreviewSchema>;

export const TeamCommitBodySchema = z.object({
  seed: z.number().int().min(0).max(2_147_483_647).nullable().default(null),
  /** Every enrolled participant exactly once; replaces the stream's teams. */
  teams: z
    .array(z.object({ name: PlainTextSchema(100).pipe(z.string().min(1)), personIds: z.array(z.uuid()).min(1).max(50) }))
    .min(1)
    .max(200),
});
export type TeamCommitBody = z.infer<typeof TeamCommitBodySchema>;

export const UpdateTeamBodySchema = z
  .object({
    name: PlainTextSchema(100).pipe(z.string().min(1)).optional(),
    /** A user with an expert or staff grant covering the stream; null removes the tutor. */
    tutorUserId: z.uuid().nullable().optional(),
  })
  .refine((b) => b.name !== undefined || b.tutorUserId !== undefined, { message: 'empty' });
export type UpdateTeamBody = z.infer<typeof UpdateTeamBodySchema>;

export const MoveMemberBodySchema = z.object({ personId: z.uuid() });
export type MoveMemberBody = z.infer<typeof MoveMemberBodySchema>;

export const TutorOptionSchema = z.object({ userId: z.string(), displayName: z.string(), role: z.string() });
export const TutorOptionsSchema = z.object({ items: z.array(TutorOptionSchema) });
export type TutorOption = z.infer<typeof TutorOptionSchema>;

/** The signed-in person's teams and projects, for "My team" / "My project". */
export const MyTeamsSchema = z.object({
  items: z.array(z.object({ teamId: z.string(), teamName: z.string(), streamId: z.string(), streamName: z.string() })),
});
export type MyTeams = z.infer<typeof MyTeamsSchema>;
