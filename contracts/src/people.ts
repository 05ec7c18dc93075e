import { z } from 'zod';
import { IsoDateSchema, PageQuerySchema, PlainTextSchema, pageOf } from './common.ts';
import { FederalDistrictCodeSchema, RegionCodeSchema } from './reference.ts';

export const EnrolmentStatusSchema = z.enum(['enrolled', 'withdrawn', 'graduated']);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatusSchema>;

export const GenderSchema = z.enum(['female', 'male']);

export const ROSTER_SORTS = ['lastName', 'age', 'region', 'enrolledAt'] as const;
export const RosterSortSchema = z.enum(ROSTER_SORTS);
export const SortOrderSchema = z.enum(['asc', 'desc']);

/** Filters shared by the roster page and its export. */
export const RosterFilterSchema = z.object({
  /** Searched in names, position, municipality and e-mail. */
  q: PlainTextSchema(200).optional(),
  /** One region code or several separated by commas. */
  region: z
    .string()
    .max(1000)
    .transform((value) =>
      value
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean),
    )
    .pipe(z.array(RegionCodeSchema).max(100))
    .optional(),
  /** Federal district code (e.g. CFD). */
  federalDistrict: FederalDistrictCodeSchema.optional(),
  status: EnrolmentStatusSchema.optional(),
  /** Age at the stream's start, inclusive bounds. */
  ageMin: z.coerce.number().int().min(0).max(120).optional(),
  ageMax: z.coerce.number().int().min(0).max(120).optional(),
  sort: RosterSortSchema.default('lastName'),
  order: SortOrderSchema.default('asc'),
});
export type RosterFilter = z.infer<typeof RosterFilterSchema>;

export const RosterQuerySchema = RosterFilterSchema.extend(PageQuerySchema.shape);
export type RosterQuery = z.infer<typeof RosterQuerySchema>;

export const RosterExportQuerySchema = RosterFilterSchema.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export type RosterExportQuery = z.infer<typeof RosterExportQuerySchema>;

/** One participant of a stream, as staff and coordinators see them. */
export const RosterItemSchema = z.object({
  personId: z.string(),
  /** Last, first and middle name. */
  fullName: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  birthDate: z.string().nullable(),
  /** Full years at the stream's start date. */
  age: z.number().int().nullable(),
  position: z.string().nullable(),
  municipalityName: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionNameRu: z.string().nullable(),
  regionNameEn: z.string().nullable(),
  federalDistrict: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: EnrolmentStatusSchema,
  enrolledAt: z.string(),
});
export type RosterItem = z.infer<typeof RosterItemSchema>;
export const RosterPageSchema = pageOf(RosterItemSchema);
export type RosterPage = z.infer<typeof RosterPageSchema>;

/** Participants per federal subject, for the cartogram (withdrawn participants are not counted). */
export const RegionsSummarySchema = z.object({
  items: z.array(z.object({ regionCode: z.string(), count: z.number().int() })),
  /** Participants counted (with or without a region). */
  total: z.number().int(),
  /** Distinct regions among them. */
  regionCount: z.number().int(),
});
export type RegionsSummary = z.infer<typeof RegionsSummarySchema>;

export const PersonEnrolmentSchema = z.object({
  streamId: z.string(),
  programmeId: z.string(),
  streamNameRu: z.string(),
  streamNameEn: z.string(),
  programmeNameRu: z.string(),
  programmeNameEn: z.string(),
  status: EnrolmentStatusSchema,
  enrolledAt: z.string(),
});

export const PersonSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.string().nullable(),
  position: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionNameRu: z.string().nullable(),
  regionNameEn: z.string().nullable(),
  federalDistrict: z.string().nullable(),
  municipalityId: z.string().nullable(),
  municipalityName: z.string().nullable(),
  /** Only the enrolments the reader may see. */
  enrolments: z.array(PersonEnrolmentSchema),
  /** Whether the reader may change this record. */
  canEdit: z.boolean(),
});
export type Person = z.infer<typeof PersonSchema>;

const NamePartSchema = PlainTextSchema(100).pipe(z.string().min(1));
const OptionalText = (max: number) => PlainTextSchema(max).nullable().optional();

export const CreatePersonBodySchema = z.strictObject({
  lastName: NamePartSchema,
  firstName: NamePartSchema,
  middleName: OptionalText(100),
  email: z.email().max(254).nullable().optional(),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^\+?[0-9()\-\s]{5,40}$/)
    .nullable()
    .optional(),
  birthDate: IsoDateSchema.nullable().optional(),
  gender: GenderSchema.nullable().optional(),
  position: OptionalText(500),
  regionCode: RegionCodeSchema.nullable().optional(),
  municipalityId: z.uuid().nullable().optional(),
});
export type CreatePersonBody = z.infer<typeof CreatePersonBodySchema>;

export const UpdatePersonBodySchema = CreatePersonBodySchema.partial();
export type UpdatePersonBody = z.infer<typeof UpdatePersonBodySchema>;

export const EnrolBodySchema = z.strictObject({ personId: z.uuid() });
export type EnrolBody = z.infer<typeof EnrolBodySchema>;

export const EnrolmentSchema = z.object({
  id: z.string(),
  personId: z.string(),
  streamId: z.string(),
  status: EnrolmentStatusSchema,
  enrolledAt: z.string(),
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;

export const EnrolmentParamsSchema = z.object({ id: z.uuid(), personId: z.uuid() });
