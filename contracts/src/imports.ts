import { z } from 'zod';

/** Fields a row of a people file can fill (the file's columns map onto these). */
export const PERSON_IMPORT_FIELDS = [
  'last_name',
  'first_name',
  'middle_name',
  'birth_date',
  'email',
  'phone',
  'position',
  'region',
  'municipality',
  'gender',
] as const;
export type PersonImportField = (typeof PERSON_IMPORT_FIELDS)[number];

/** Fields a row of a municipalities file can fill. */
export const MUNICIPALITY_IMPORT_FIELDS = ['region', 'name', 'kind', 'population', 'lat', 'lon'] as const;
export type MunicipalityImportField = (typeof MUNICIPALITY_IMPORT_FIELDS)[number];

/** The municipality kinds of the reference data (the `kind` column accepts these or their Russian names). */
export const MUNICIPALITY_KINDS = [
  'urban_okrug',
  'municipal_district',
  'municipal_okrug',
  'urban_settlement',
  'rural_settlement',
  'city_district',
  'federal_city_area',
] as const;

/**
 * Fields a row of an admissions applications file can fill: the applicant's base profile, the answers
 * the eligibility rules read, and optionally scores (0–100) and a status from a campaign run elsewhere.
 */
export const APPLICATION_IMPORT_FIELDS = [
  ...PERSON_IMPORT_FIELDS,
  'education',
  'management_years',
  'service_kind',
  'service_years',
  'test_score',
  'expert_score',
  'interview_score',
  'status',
] as const;
export type ApplicationImportField = (typeof APPLICATION_IMPORT_FIELDS)[number];

/** Statuses an imported application may carry (submitted when the file has none). */
export const IMPORTED_APPLICATION_STATUSES = ['submitted', 'nominated', 'admitted', 'reserve', 'rejected', 'withdrawn'] as const;

export const ImportKindSchema = z.enum(['people', 'municipalities', 'applications']);
export type ImportKind = z.infer<typeof ImportKindSchema>;

export const ImportStatusSchema = z.enum(['uploaded', 'checked', 'importing', 'imported', 'failed']);

/**
 * Source column → our field; null (or a column left out) means "ignore this column".
 * When sent, it replaces the automatic mapping entirely.
 */
export const ImportMappingSchema = z.record(z.string().max(200), z.string().max(50).nullable());
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

export const SetImportMappingBodySchema = z.strictObject({ mapping: ImportMappingSchema });

/** One problem in the file, translated to the request's language. */
export const ImportProblemSchema = z.object({
  /** Row number as the spreadsheet shows it: the header is row 1, the first data row is row 2. */
  row: z.number().int(),
  /** Our field name (e.g. `email`), or `file` for problems with the file as a whole. */
  field: z.string(),
  /** The file's column holding the field, when there is one. */
  column: z.string().nullable(),
  /** The message catalogue key, stable for programs. */
  code: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

/** What the last import of this upload did. */
export const ImportSummarySchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  /** People newly enrolled in the stream (people imports only); for applications, created/updated count applications. */
  enrolled: z.number().int(),
  /** Rows left out because they had errors. */
  skipped: z.number().int(),
  usersCreated: z.number().int(),
  invited: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

/** The dry run: what the file holds and what is wrong with it. Nothing is imported yet. */
export const ImportCheckSchema = z.object({
  uploadId: z.string(),
  kind: ImportKindSchema,
  fileName: z.string(),
  status: ImportStatusSchema,
  /** The header row, as found in the file. */
  columns: z.array(z.string()),
  /** The mapping in force (automatic, or the one sent). */
  mapping: ImportMappingSchema,
  /** Non-empty data rows. */
  rowCount: z.number().int(),
  /** Number of problems (all of them, not just those listed). */
  errorCount: z.number().int(),
  /** Rows with at least one problem: these are skipped when importing with skipBadRows. */
  badRowCount: z.number().int(),
  /** True when the file as a whole cannot be imported (e.g. a required column is missing). */
  hasFileErrors: z.boolean(),
  /** The first 200 problems; the full list is in the report. */
  errors: z.array(ImportProblemSchema),
  /** The first few data rows, column → value, to check the mapping by eye. */
  sample: z.array(z.record(z.string(), z.string())),
  summary: ImportSummarySchema.nullable(),
  lastJobId: z.string().nullable(),
  createdAt: z.string(),
});
export type ImportCheck = z.infer<typeof ImportCheckSchema>;

export const ImportReportQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') });

/** The full row-level report of the last check. */
export const ImportReportSchema = z.object({
  uploadId: z.string(),
  status: ImportStatusSchema,
  rowCount: z.number().int(),
  errorCount: z.number().int(),
  badRowCount: z.number().int(),
  errors: z.array(ImportProblemSchema),
  summary: ImportSummarySchema.nullable(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const CommitImportBodySchema = z.strictObject({
  /** Import the good rows and leave out rows with errors (otherwise any error refuses the whole file). */
  skipBadRows: z.boolean().default(false),
  /** Create accounts for imported people without one and e-mail them an invitation (people imports only). */
  invite: z.boolean().default(false),
});
export type CommitImportBody = z.infer<typeof CommitImportBodySchema>;

/** The background job doing the import; poll GET /api/jobs/:id for progress. */
export const CommitImportResponseSchema = z.object({ jobId: z.string() });
