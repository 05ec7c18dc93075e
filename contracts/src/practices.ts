import { z } from 'zod';
import { AREA_CODES, AreaCodeSchema } from './areas.ts';
import { IsoDateSchema, PageQuerySchema, PlainTextSchema, pageOf } from './common.ts';
import { FederalDistrictCodeSchema, RegionCodeSchema } from './reference.ts';

/**
 * Practice transfer: the library of regional practices (Russian full-text search), adoption plans with
 * milestones, KPIs and check-ins at +3/+6/+12 months, curation, and the flows from origin to adopters.
 */

export const PRACTICE_STATUSES = ['proposed', 'approved', 'rejected', 'merged'] as const;
export const PracticeStatusSchema = z.enum(PRACTICE_STATUSES);
export type PracticeStatus = z.infer<typeof PracticeStatusSchema>;

/** The stages of an adoption, in order. */
export const ADOPTION_STAGES = ['idea', 'pilot', 'operating', 'scaled'] as const;
export const AdoptionStageSchema = z.enum(ADOPTION_STAGES);
export type AdoptionStage = z.infer<typeof AdoptionStageSchema>;

/** Months after the commitment at which a check-in is due. */
export const CHECK_IN_MONTHS = [3, 6, 12] as const;

/**
 * KPI units and the value type each one fixes: a count is a whole number, a percentage lies in 0–100,
 * money and measures may be fractional but not negative. The server refuses a value of the wrong type.
 */
export const KPI_UNITS = {
  count: { type: 'integer', min: 0, max: null, ru: 'шт.', en: 'pcs' },
  people: { type: 'integer', min: 0, max: null, ru: 'чел.', en: 'people' },
  percent: { type: 'decimal', min: 0, max: 100, ru: '%', en: '%' },
  rub: { type: 'decimal', min: 0, max: null, ru: 'руб.', en: 'RUB' },
  rub_thousand: { type: 'decimal', min: 0, max: null, ru: 'тыс. руб.', en: 'thousand RUB' },
  days: { type: 'integer', min: 0, max: null, ru: 'дн.', en: 'days' },
  hours: { type: 'decimal', min: 0, max: null, ru: 'ч', en: 'hours' },
  km: { type: 'decimal', min: 0, max: null, ru: 'км', en: 'km' },
  sq_m: { type: 'decimal', min: 0, max: null, ru: 'м²', en: 'm²' },
  tonnes: { type: 'decimal', min: 0, max: null, ru: 'т', en: 'tonnes' },
  score: { type: 'decimal', min: 0, max: 10, ru: 'балл (0–10)', en: 'score (0–10)' },
} as const;
export type KpiUnit = keyof typeof KPI_UNITS;
export const KpiUnitSchema = z.enum(Object.keys(KPI_UNITS) as [KpiUnit, ...KpiUnit[]]);

const Title = PlainTextSchema(300).pipe(z.string().min(1));
const LongText = (max: number) => PlainTextSchema(max);
/** A KPI value: a finite JSON number (a string such as "12 %" is refused naming the field). */
const KpiValueSchema = z.number().finite().min(-1e12).max(1e12);

// ---- practices
export const PracticeContactSchema = z.strictObject({
  name: PlainTextSchema(200).pipe(z.string().min(1)),
  role: PlainTextSchema(200).default(''),
  email: z.union([z.email().max(200), z.literal('')]).default(''),
  phone: PlainTextSchema(50).default(''),
});
export const PracticeLinkSchema = z.strictObject({
  title: PlainTextSchema(200).pipe(z.string().min(1)),
  /** http(s) only: a javascript: URL is refused. */
  url: z.url({ protocol: /^https?$/ }).max(2000),
  kind: z.enum(['link', 'video', 'photo', 'document']).default('link'),
});

export const PracticeShowingSchema = z.object({
  moduleId: z.string(),
  moduleNumber: z.number().int(),
  streamNumber: z.number().int(),
  themeRu: z.string(),
  themeEn: z.string(),
  startsOn: z.string(),
  sessionId: z.string().nullable(),
  sessionTitleRu: z.string().nullable(),
  sessionTitleEn: z.string().nullable(),
});

/** A piece of a search snippet; `hit` marks a word that matches the query (shown highlighted). */
export const SnippetSegmentSchema = z.object({ text: z.string(), hit: z.boolean() });
export type SnippetSegment = z.infer<typeof SnippetSegmentSchema>;

/** One row of the library list (search hit). */
export const PracticeSummarySchema = z.object({
  id: z.string(),
  status: PracticeStatusSchema,
  title: z.string(),
  summary: z.string(),
  /** With a query: the summary, or the part of the body around the match, in plain-text segments (never HTML). */
  snippet: z.array(SnippetSegmentSchema).nullable(),
  originRegionCode: z.string(),
  originRegionNameRu: z.string(),
  originRegionNameEn: z.string(),
  federalDistrict: z.string(),
  originMunicipalityName: z.string().nullable(),
  areas: z.array(AreaCodeSchema),
  adoptionCount: z.number().int(),
  rank: z.number().nullable(),
  updatedAt: z.string(),
});
export type PracticeSummary = z.infer<typeof PracticeSummarySchema>;
export const PracticePageSchema = pageOf(PracticeSummarySchema).extend({
  /** True when a search matched more than `total` (500) practices: the count stops there ("500+"). */
  totalCapped: z.boolean(),
});
export type PracticePage = z.infer<typeof PracticePageSchema>;

export const PracticeSchema = PracticeSummarySchema.extend({
  programmeId: z.string(),
  problem: z.string(),
  solution: z.string(),
  results: z.string(),
  originMunicipalityId: z.string().nullable(),
  contacts: z.array(z.object({ name: z.string(), role: z.string(), email: z.string(), phone: z.string() })),
  links: z.array(z.object({ title: z.string(), url: z.string(), kind: z.string() })),
  showings: z.array(PracticeShowingSchema),
  mergedIntoId: z.string().nullable(),
  canEdit: z.boolean(),
  canCurate: z.boolean(),
  createdAt: z.string(),
});
export type Practice = z.infer<typeof PracticeSchema>;

/** A field module where approved practices were shown: the library's module filter offers these. */
export const PracticeModuleSchema = z.object({
  id: z.string(),
  moduleNumber: z.number().int(),
  streamNumber: z.number().int(),
  themeRu: z.string(),
  themeEn: z.string(),
  startsOn: z.string(),
  practices: z.number().int(),
});
export const PracticeModuleListSchema = z.object({ items: z.array(PracticeModuleSchema) });
export type PracticeModule = z.infer<typeof PracticeModuleSchema>;
export type PracticeModuleList = z.infer<typeof PracticeModuleListSchema>;

/** Area codes as a comma-separated list (`areas=urban,roads`). */
const AreaListQuery = z
  .string()
  .max(400)
  .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
  .pipe(z.array(AreaCodeSchema).max(AREA_CODES.length));

export const PracticeFilterSchema = z.object({
  /** Russian web-search syntax: words (stemmed), "phrases", -exclusions, OR. */
  q: PlainTextSchema(200).optional(),
  areas: AreaListQuery.optional(),
  region: RegionCodeSchema.optional(),
  district: FederalDistrictCodeSchema.optional(),
  moduleId: z.uuid().optional(),
  /** Staff only: the curation queue asks for `proposed`. Others always see approved practices. */
  status: PracticeStatusSchema.optional(),
  sort: z.enum(['relevance', 'title', 'newest', 'adoptions']).default('relevance'),
});
export const PracticeQuerySchema = PracticeFilterSchema.extend(PageQuerySchema.shape).extend({ pageSize: z.coerce.number().int().min(1).max(100).default(20) });
export type PracticeQuery = z.infer<typeof PracticeQuerySchema>;
export type PracticeFilter = z.infer<typeof PracticeFilterSchema>;

const PracticeFieldsSchema = z.strictObject({
  programmeId: z.uuid(),
  title: Title,
  summary: LongText(1000),
  problem: LongText(20_000),
  solution: LongText(20_000),
  results: LongText(20_000),
  originRegionCode: RegionCodeSchema,
  originMunicipalityId: z.uuid().nullable(),
  areas: z.array(AreaCodeSchema).min(1).max(5),
  contacts: z.array(PracticeContactSchema).max(10),
  links: z.array(PracticeLinkSchema).max(20),
  showings: z.array(z.strictObject({ moduleId: z.uuid(), sessionId: z.uuid().nullable().default(null) })).max(20),
});
export const CreatePracticeBodySchema = PracticeFieldsSchema.extend({
  summary: LongText(1000).default(''),
  problem: LongText(20_000).default(''),
  solution: LongText(20_000).default(''),
  results: LongText(20_000).default(''),
  originMunicipalityId: z.uuid().nullable().default(null),
  contacts: z.array(PracticeContactSchema).max(10).default([]),
  links: z.array(PracticeLinkSchema).max(20).default([]),
  showings: z.array(z.strictObject({ moduleId: z.uuid(), sessionId: z.uuid().nullable().default(null) })).max(20).default([]),
});
export type CreatePracticeBody = z.infer<typeof CreatePracticeBodySchema>;
export const UpdatePracticeBodySchema = PracticeFieldsSchema.omit({ programmeId: true }).partial();
export type UpdatePracticeBody = z.infer<typeof UpdatePracticeBodySchema>;

export const CurationNoteBodySchema = z.strictObject({ note: PlainTextSchema(1000).default('') });
export const MergePracticeBodySchema = z.strictObject({ intoId: z.uuid(), note: PlainTextSchema(1000).default('') });

export const PracticeRevisionSchema = z.object({
  id: z.string(),
  action: z.string(),
  editorName: z.string().nullable(),
  /** What changed; values as text (lists and objects as JSON). */
  changes: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  note: z.string(),
  createdAt: z.string(),
});
export const PracticeHistorySchema = z.object({ items: z.array(PracticeRevisionSchema) });

// ---- adoption plans
export const MilestoneInputSchema = z.strictObject({
  title: Title,
  dueOn: IsoDateSchema,
  doneOn: IsoDateSchema.nullable().default(null),
});
export const KpiInputSchema = z.strictObject({
  /** An existing KPI's id keeps its recorded actuals; without it a new KPI is created. */
  id: z.uuid().optional(),
  name: Title,
  unit: KpiUnitSchema,
  baseline: KpiValueSchema,
  baselineOn: IsoDateSchema,
  target: KpiValueSchema,
  targetOn: IsoDateSchema,
});
export type KpiInput = z.infer<typeof KpiInputSchema>;

export const CreateAdoptionPlanBodySchema = z.strictObject({
  practiceId: z.uuid(),
  municipalityId: z.uuid(),
  ownerName: PlainTextSchema(200).pipe(z.string().min(1)),
  stage: AdoptionStageSchema.default('idea'),
  summary: LongText(5000).default(''),
  /** Defaults to today; check-ins fall due 3, 6 and 12 months later. */
  committedOn: IsoDateSchema.optional(),
  milestones: z.array(MilestoneInputSchema).max(30).default([]),
  kpis: z.array(KpiInputSchema).max(20).default([]),
});
export type CreateAdoptionPlanBody = z.infer<typeof CreateAdoptionPlanBodySchema>;
export const UpdateAdoptionPlanBodySchema = z.strictObject({
  ownerName: PlainTextSchema(200).pipe(z.string().min(1)).optional(),
  stage: AdoptionStageSchema.optional(),
  summary: LongText(5000).optional(),
  /** Replaces the list. */
  milestones: z.array(MilestoneInputSchema).max(30).optional(),
  /** Replaces the list; KPIs left out are deleted with their actuals. */
  kpis: z.array(KpiInputSchema).max(20).optional(),
});
export type UpdateAdoptionPlanBody = z.infer<typeof UpdateAdoptionPlanBodySchema>;

export const RecordCheckInBodySchema = z.strictObject({
  stage: AdoptionStageSchema,
  note: LongText(5000).default(''),
  actuals: z.array(z.strictObject({ kpiId: z.uuid(), value: KpiValueSchema, measuredOn: IsoDateSchema.optional() })).max(20).default([]),
});
export type RecordCheckInBody = z.infer<typeof RecordCheckInBodySchema>;
export const CheckInParamsSchema = z.object({ id: z.uuid(), checkInId: z.uuid() });

export const KpiSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: KpiUnitSchema,
  baseline: z.number(),
  baselineOn: z.string(),
  target: z.number(),
  targetOn: z.string(),
  /** The latest actual reported at a check-in, if any. */
  actual: z.number().nullable(),
  actualOn: z.string().nullable(),
  /** (actual − baseline) / (target − baseline), in percent; null without an actual or when target = baseline. */
  progressPct: z.number().nullable(),
});
export const CheckInSchema = z.object({
  id: z.string(),
  monthsAfter: z.number().int(),
  dueOn: z.string(),
  doneAt: z.string().nullable(),
  stage: AdoptionStageSchema.nullable(),
  note: z.string(),
  /** due (not yet), overdue (past due, not done), done */
  state: z.enum(['upcoming', 'overdue', 'done']),
  actuals: z.array(z.object({ kpiId: z.string(), value: z.number(), measuredOn: z.string() })),
});
export const MilestoneSchema = z.object({ id: z.string(), title: z.string(), dueOn: z.string(), doneOn: z.string().nullable() });

export const AdoptionPlanSummarySchema = z.object({
  id: z.string(),
  practiceId: z.string(),
  practiceTitle: z.string(),
  originRegionCode: z.string(),
  municipalityId: z.string(),
  municipalityName: z.string(),
  regionCode: z.string(),
  ownerName: z.string(),
  stage: AdoptionStageSchema,
  committedOn: z.string(),
  nextCheckInDueOn: z.string().nullable(),
  overdueCheckIns: z.number().int(),
});
export const AdoptionPlanSchema = AdoptionPlanSummarySchema.extend({
  summary: z.string(),
  adopterName: z.string(),
  milestones: z.array(MilestoneSchema),
  kpis: z.array(KpiSchema),
  checkIns: z.array(CheckInSchema),
  canEdit: z.boolean(),
});
export type AdoptionPlan = z.infer<typeof AdoptionPlanSchema>;
export type AdoptionPlanSummary = z.infer<typeof AdoptionPlanSummarySchema>;
export const AdoptionPlanListSchema = z.object({ items: z.array(AdoptionPlanSummarySchema) });

export const OverdueQuerySchema = PageQuerySchema.extend({ programmeId: z.uuid() });
export const OverdueCheckInSchema = z.object({
  checkInId: z.string(),
  planId: z.string(),
  monthsAfter: z.number().int(),
  dueOn: z.string(),
  daysOverdue: z.number().int(),
  adopterName: z.string(),
  adopterEmail: z.string().nullable(),
  practiceTitle: z.string(),
  municipalityName: z.string(),
  regionCode: z.string(),
  stage: AdoptionStageSchema,
  remindedAt: z.string().nullable(),
});
export const OverdueCheckInPageSchema = pageOf(OverdueCheckInSchema);
export const RemindersRunSchema = z.object({ runId: z.string() });

// ---- flows and coverage
export const FlowsQuerySchema = z.object({
  programmeId: z.uuid(),
  /** Only flows from or into this region (the map's selected tile). */
  region: RegionCodeSchema.optional(),
});
/** The flows list holds the largest this many origin → municipality flows (the map's totals count all). */
export const FLOWS_LIMIT = 200;
export const FlowsSchema = z.object({
  /** Origin region → adopting municipality, with the number of plans: the FLOWS_LIMIT largest (of the region if asked). */
  flows: z.array(
    z.object({
      originRegionCode: z.string(),
      municipalityId: z.string(),
      municipalityName: z.string(),
      regionCode: z.string(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      plans: z.number().int(),
    }),
  ),
  /** Per region: practices originating there and plans adopted there (the cartogram's two layers). */
  regions: z.array(z.object({ regionCode: z.string(), practices: z.number().int(), adoptions: z.number().int(), outgoing: z.number().int() })),
  topPractices: z.array(z.object({ id: z.string(), title: z.string(), originRegionCode: z.string(), plans: z.number().int(), municipalities: z.number().int() })),
  coverage: z.array(z.object({ area: AreaCodeSchema, practices: z.number().int(), plans: z.number().int() })),
  stages: z.array(z.object({ stage: AdoptionStageSchema, plans: z.number().int() })),
  totals: z.object({ practices: z.number().int(), plans: z.number().int(), municipalities: z.number().int(), regions: z.number().int() }),
  /** How many origin → municipality flows there are (of the region if asked); `flows` holds at most FLOWS_LIMIT. */
  flowsTotal: z.number().int(),
});
export type Flows = z.infer<typeof FlowsSchema>;

export const KpiProgressSchema = z.object({
  items: z.array(
    z.object({
      planId: z.string(),
      municipalityName: z.string(),
      regionCode: z.string(),
      stage: AdoptionStageSchema,
      kpiName: z.string(),
      unit: KpiUnitSchema,
      baseline: z.number(),
      target: z.number(),
      actual: z.number().nullable(),
      progressPct: z.number().nullable(),
    }),
  ),
});
export type KpiProgress = z.infer<typeof KpiProgressSchema>;
