import { z } from 'zod';
import { IsoDateSchema, PageQuerySchema, PlainTextSchema, pageOf } from './common.ts';

/** URL-safe identifier: lower-case latin letters, digits and dashes. */
export const SlugSchema = z
  .string()
  .trim()
  .min(2)
  .max(63)
  .regex(/^[a-z0-9][a-z0-9-]*$/);

const NameSchema = PlainTextSchema(300).pipe(z.string().min(1));
const DescriptionSchema = PlainTextSchema(10_000);

export const OrganisationKindSchema = z.enum(['operator', 'partner']);

/** An academy, a regional government or a partner association. */
export const OrganisationSchema = z.object({
  id: z.string(),
  slug: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  createdAt: z.string(),
  /** Whether the current user may edit it and add programmes to it. */
  canManage: z.boolean(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;
export const OrganisationPageSchema = pageOf(OrganisationSchema);

export const CreateOrganisationBodySchema = z.strictObject({
  slug: SlugSchema,
  nameRu: NameSchema,
  nameEn: NameSchema,
  kind: OrganisationKindSchema.default('operator'),
});
export type CreateOrganisationBody = z.infer<typeof CreateOrganisationBodySchema>;
// Spelled out rather than derived with partial(): zod keeps a field's default through partial(), so a
// PATCH that leaves `kind` out would silently reset a partner to 'operator'.
export const UpdateOrganisationBodySchema = z
  .strictObject({ nameRu: NameSchema, nameEn: NameSchema, kind: OrganisationKindSchema })
  .partial();
export type UpdateOrganisationBody = z.infer<typeof UpdateOrganisationBodySchema>;

export const ProgrammeSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  slug: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  descriptionRu: z.string(),
  descriptionEn: z.string(),
  /** Minimum attendance, in percent, for completion. */
  completionThresholdPct: z.number().int(),
  createdAt: z.string(),
  canManage: z.boolean(),
});
export type Programme = z.infer<typeof ProgrammeSchema>;
export const ProgrammePageSchema = pageOf(ProgrammeSchema);

export const CreateProgrammeBodySchema = z.strictObject({
  organisationId: z.uuid(),
  slug: SlugSchema,
  nameRu: NameSchema,
  nameEn: NameSchema,
  descriptionRu: DescriptionSchema.default(''),
  descriptionEn: DescriptionSchema.default(''),
  completionThresholdPct: z.number().int().min(0).max(100).default(80),
});
export type CreateProgrammeBody = z.infer<typeof CreateProgrammeBodySchema>;
export const UpdateProgrammeBodySchema = z
  .strictObject({
    nameRu: NameSchema,
    nameEn: NameSchema,
    descriptionRu: DescriptionSchema,
    descriptionEn: DescriptionSchema,
    completionThresholdPct: z.number().int().min(0).max(100),
  })
  .partial();
export type UpdateProgrammeBody = z.infer<typeof UpdateProgrammeBodySchema>;

export const IntakeSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  createdAt: z.string(),
  canManage: z.boolean(),
});
export type Intake = z.infer<typeof IntakeSchema>;
export const IntakePageSchema = pageOf(IntakeSchema);

export const CreateIntakeBodySchema = z.strictObject({
  programmeId: z.uuid(),
  nameRu: NameSchema,
  nameEn: NameSchema,
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
});
export type CreateIntakeBody = z.infer<typeof CreateIntakeBodySchema>;
export const UpdateIntakeBodySchema = CreateIntakeBodySchema.omit({ programmeId: true }).partial();
export type UpdateIntakeBody = z.infer<typeof UpdateIntakeBodySchema>;

/** A stream («поток»): a cohort of ~80 participants studying together within an intake. */
export const StreamSchema = z.object({
  id: z.string(),
  intakeId: z.string(),
  programmeId: z.string(),
  organisationId: z.string(),
  number: z.number().int(),
  nameRu: z.string(),
  nameEn: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** Participants currently enrolled or graduated (withdrawn ones are not counted). */
  participantCount: z.number().int(),
  createdAt: z.string(),
  canManage: z.boolean(),
});
export type Stream = z.infer<typeof StreamSchema>;
export const StreamPageSchema = pageOf(StreamSchema);

export const CreateStreamBodySchema = z.strictObject({
  intakeId: z.uuid(),
  number: z.number().int().min(1).max(9999),
  nameRu: NameSchema,
  nameEn: NameSchema,
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
});
export type CreateStreamBody = z.infer<typeof CreateStreamBodySchema>;
export const UpdateStreamBodySchema = CreateStreamBodySchema.omit({ intakeId: true }).partial();
export type UpdateStreamBody = z.infer<typeof UpdateStreamBodySchema>;

export const OrganisationsQuerySchema = PageQuerySchema.extend({ q: PlainTextSchema(200).optional() });
export type OrganisationsQuery = z.infer<typeof OrganisationsQuerySchema>;
export const ProgrammesQuerySchema = PageQuerySchema.extend({
  organisationId: z.uuid().optional(),
  q: PlainTextSchema(200).optional(),
});
export type ProgrammesQuery = z.infer<typeof ProgrammesQuerySchema>;
export const IntakesQuerySchema = PageQuerySchema.extend({ programmeId: z.uuid().optional() });
export type IntakesQuery = z.infer<typeof IntakesQuerySchema>;
export const StreamsQuerySchema = PageQuerySchema.extend({
  programmeId: z.uuid().optional(),
  intakeId: z.uuid().optional(),
});
export type StreamsQuery = z.infer<typeof StreamsQuerySchema>;
