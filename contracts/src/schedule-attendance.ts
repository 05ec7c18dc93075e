import { z } from 'zod';
import { PlainTextSchema } from './common.ts';
import { InstantSchema } from './schedule.ts';

/** Attendance (rotating QR check-in, roll-call sheet, CSV, percentages) and iCalendar feeds. */

/** A QR code rotates every this many seconds; the server accepts it a few seconds past its step for scan latency. */
export const QR_STEP_SECONDS = 30;
/** Check-ins open this many minutes before a session starts and close this many after it ends. */
export const CHECK_IN_OPENS_BEFORE_MIN = 30;
export const CHECK_IN_CLOSES_AFTER_MIN = 15;
/** A QR check-in later than this after the start is marked `late`. */
export const LATE_AFTER_MIN = 10;

export const AttendanceStatusSchema = z.enum(['present', 'late', 'excused', 'absent']);
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>;
export const AttendanceSourceSchema = z.enum(['qr', 'sheet', 'import']);
export const RefusalReasonSchema = z.enum(['malformed', 'forged', 'expired', 'outside_window', 'wrong_stream', 'not_participant']);
export type RefusalReason = z.infer<typeof RefusalReasonSchema>;

export const SessionQrSchema = z.object({
  /** What the QR code encodes (the web app wraps it in its check-in URL). */
  token: z.string(),
  /** When the screen should show the next code. */
  expiresAt: z.string(),
  stepSeconds: z.number().int(),
});
export type SessionQr = z.infer<typeof SessionQrSchema>;

export const CheckInBodySchema = z.strictObject({ token: z.string().min(1).max(200) });
export type CheckInBody = z.infer<typeof CheckInBodySchema>;
export const CheckInResultSchema = z.object({
  sessionId: z.string(),
  titleRu: z.string(),
  titleEn: z.string(),
  status: AttendanceStatusSchema,
  markedAt: z.string(),
  /** True when this person was already checked in: nothing changed. */
  wasAlreadyCheckedIn: z.boolean(),
});
export type CheckInResult = z.infer<typeof CheckInResultSchema>;

export const RefusalSchema = z.object({
  id: z.string(),
  sessionId: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  reason: RefusalReasonSchema,
  createdAt: z.string(),
});
export const RefusalListSchema = z.object({ items: z.array(RefusalSchema) });

// ---- roll-call sheet
export const RollCallSchema = z.object({
  sessionId: z.string(),
  items: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      regionCode: z.string().nullable(),
      status: AttendanceStatusSchema.nullable(),
      source: AttendanceSourceSchema.nullable(),
      markedAt: z.string().nullable(),
    }),
  ),
});
export type RollCall = z.infer<typeof RollCallSchema>;

/** One mark from a device's offline queue; `clientMarkId` (generated on the device) makes re-sync harmless. */
export const MarkInputSchema = z.strictObject({
  clientMarkId: z.string().min(8).max(100).regex(/^[A-Za-z0-9._:-]+$/),
  personId: z.uuid(),
  status: AttendanceStatusSchema,
  markedAt: InstantSchema,
});
export const MarksBatchBodySchema = z.strictObject({ marks: z.array(MarkInputSchema).min(1).max(500) });
export type MarksBatchBody = z.infer<typeof MarksBatchBodySchema>;
export const MarksBatchResultSchema = z.object({
  /** Marks that created or changed a person's mark. */
  applied: z.number().int(),
  /** Marks already synced, or older than the mark on record (last marked wins). */
  unchanged: z.number().int(),
  rejected: z.array(z.object({ clientMarkId: z.string(), path: z.string(), message: z.string() })),
});
export type MarksBatchResult = z.infer<typeof MarksBatchResultSchema>;

// ---- CSV
export const AttendanceExportQuerySchema = z.object({ format: z.enum(['csv']).default('csv') });
export const AttendanceImportBodySchema = z.strictObject({
  /** CSV with the export's header: session_id;person_id;status;marked_at (other columns ignored). */
  csv: PlainTextSchema(5_000_000).pipe(z.string().min(1)),
  isDryRun: z.boolean().default(true),
});
export type AttendanceImportBody = z.infer<typeof AttendanceImportBodySchema>;
export const AttendanceImportResultSchema = z.object({
  isDryRun: z.boolean(),
  rows: z.number().int(),
  applied: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), path: z.string(), message: z.string() })),
});
export type AttendanceImportResult = z.infer<typeof AttendanceImportResultSchema>;

// ---- percentages
export const ParticipantAttendanceSchema = z.object({
  personId: z.string(),
  fullName: z.string(),
  regionCode: z.string().nullable(),
  attended: z.number().int(),
  excused: z.number().int(),
  missed: z.number().int(),
  /** attended / (past sessions − excused), in percent, one decimal; 100 when nothing counts yet. */
  pct: z.number(),
  isAtRisk: z.boolean(),
});
export type ParticipantAttendance = z.infer<typeof ParticipantAttendanceSchema>;
export const StreamAttendanceSchema = z.object({
  streamId: z.string(),
  thresholdPct: z.number().int(),
  pastSessions: z.number().int(),
  participants: z.array(ParticipantAttendanceSchema),
  modules: z.array(z.object({ moduleId: z.string(), number: z.number().int(), pastSessions: z.number().int(), pct: z.number() })),
  /** Participants under the programme's completion threshold, lowest first. */
  atRisk: z.array(ParticipantAttendanceSchema),
});
export type StreamAttendance = z.infer<typeof StreamAttendanceSchema>;
export const MyAttendanceSchema = z.object({ thresholdPct: z.number().int(), items: z.array(ParticipantAttendanceSchema.extend({ streamId: z.string() })) });

// ---- calendar feeds
export const FeedKindSchema = z.enum(['participant', 'stream', 'speaker']);
export type FeedKind = z.infer<typeof FeedKindSchema>;
export const CreateFeedBodySchema = z.strictObject({ kind: FeedKindSchema, subjectId: z.uuid() });
export type CreateFeedBody = z.infer<typeof CreateFeedBodySchema>;
export const FeedSchema = z.object({
  id: z.string(),
  kind: FeedKindSchema,
  subjectId: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type Feed = z.infer<typeof FeedSchema>;
/** Answered once, at creation: the URL holds the secret and is never shown again. */
export const CreatedFeedSchema = FeedSchema.extend({ url: z.string() });
export const FeedListSchema = z.object({ items: z.array(FeedSchema) });
export const FeedTokenParamsSchema = z.object({ token: z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+(\.ics)?$/) });
