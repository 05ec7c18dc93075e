import { z } from 'zod';
import { PlainTextSchema } from './common.ts';

/** What a diploma is now: revoked wins over expired. */
export const DiplomaStatusSchema = z.enum(['valid', 'revoked', 'expired']);
export type DiplomaStatus = z.infer<typeof DiplomaStatusSchema>;

/** The diploma's public id: 128 random bits in base64url (22 characters). */
export const DiplomaIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);
export const DiplomaIdParamsSchema = z.object({ id: DiplomaIdSchema });

/** A reason typed by staff (revocation, reinstatement, eligibility override). */
export const ReasonSchema = PlainTextSchema(500).pipe(z.string().min(3));

export const DiplomaSummarySchema = z.object({
  id: DiplomaIdSchema,
  registryNumber: z.string(),
  holderName: z.string(),
  programmeNameRu: z.string(),
  programmeNameEn: z.string(),
  streamNameRu: z.string(),
  streamNameEn: z.string(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  issuedAt: z.string(),
  status: DiplomaStatusSchema,
  revokedAt: z.string().nullable(),
  /** Shown to staff and to the holder, never on the public page. */
  revocationReason: z.string().nullable(),
  /** Public verification page (PUBLIC_URL/verify/{id}). */
  verifyUrl: z.string(),
});
export type DiplomaSummary = z.infer<typeof DiplomaSummarySchema>;

export const MyDiplomasSchema = z.object({ items: z.array(DiplomaSummarySchema) });

export const EligibilityOverrideSchema = z.object({ isEligible: z.boolean(), reason: z.string(), decidedAt: z.string() });

/** One participant of a stream on the staff diplomas tab. */
export const DiplomaEligibilityRowSchema = z.object({
  personId: z.uuid(),
  fullName: z.string(),
  regionCode: z.string().nullable(),
  attendancePct: z.number(),
  /** Eligible by the completion rules alone. */
  isEligibleByRules: z.boolean(),
  override: EligibilityOverrideSchema.nullable(),
  /** The rules, or the override when there is one. */
  isEligible: z.boolean(),
  diploma: DiplomaSummarySchema.nullable(),
});
export type DiplomaEligibilityRow = z.infer<typeof DiplomaEligibilityRowSchema>;

/** A bulk issuance run waiting for its time (the ceremony's start). */
export const ScheduledIssueSchema = z.object({ runId: z.uuid(), startAfter: z.string() });
export type ScheduledIssue = z.infer<typeof ScheduledIssueSchema>;

export const StreamDiplomasSchema = z.object({
  streamId: z.uuid(),
  thresholdPct: z.number(),
  /** Which rules decide: attendance only until the completion capability is wired in. */
  rulesSource: z.enum(['attendance', 'completion']),
  /** Start of the final module's ceremony session, the default issue date. */
  ceremonyAt: z.string().nullable(),
  counts: z.object({ participants: z.number().int(), eligible: z.number().int(), issued: z.number().int(), revoked: z.number().int() }),
  rows: z.array(DiplomaEligibilityRowSchema),
  /** The latest bulk issuance run of this stream that started, for the progress bar. */
  lastRunId: z.uuid().nullable(),
  /** The ceremony session of the stream's final module (its graduates are listed on it), if any. */
  ceremonySessionId: z.uuid().nullable(),
  /** Bulk issuance waiting for the ceremony's start, if staff scheduled it. */
  scheduledIssue: ScheduledIssueSchema.nullable(),
});
export type StreamDiplomas = z.infer<typeof StreamDiplomasSchema>;

export const SetOverrideBodySchema = z.object({
  /** null removes the override (the rules decide again). */
  isEligible: z.boolean().nullable(),
  reason: ReasonSchema,
});
export type SetOverrideBody = z.infer<typeof SetOverrideBodySchema>;

export const BulkIssueBodySchema = z.object({
  /** Date of the diplomas (validFrom); defaults to the ceremony's start, or now. */
  validFrom: z.iso.datetime({ offset: true }).optional(),
});
export type BulkIssueBody = z.infer<typeof BulkIssueBodySchema>;
export const BulkIssueResultSchema = z.object({ jobId: z.uuid() });

export const StatusChangeBodySchema = z.object({ reason: ReasonSchema });
export type StatusChangeBody = z.infer<typeof StatusChangeBodySchema>;

/** One check of a verification, in the reader's language. */
export const VerificationCheckSchema = z.object({
  check: z.enum(['format', 'signature', 'issuer', 'status', 'dates']),
  isPassed: z.boolean(),
  message: z.string(),
});

/** What anyone may learn about a diploma: only what a verifier needs. */
export const VerificationResultSchema = z.object({
  isVerified: z.boolean(),
  status: DiplomaStatusSchema.nullable(),
  isSignatureValid: z.boolean(),
  holderName: z.string().nullable(),
  achievementName: z.string().nullable(),
  issuerName: z.string().nullable(),
  registryNumber: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  revokedAt: z.string().nullable(),
  checks: z.array(VerificationCheckSchema),
});
export type VerificationResult = z.infer<typeof VerificationResultSchema>;

/** A diploma by id: the result plus its programme in both languages. */
export const PublicDiplomaSchema = VerificationResultSchema.extend({
  id: DiplomaIdSchema,
  programmeNameRu: z.string(),
  programmeNameEn: z.string(),
  streamNameRu: z.string(),
  streamNameEn: z.string(),
});
export type PublicDiploma = z.infer<typeof PublicDiplomaSchema>;

/** Largest credential JSON accepted for verification (a diploma is ~4 KB). */
export const MAX_CREDENTIAL_BYTES = 64 * 1024;

export const VerifyUploadBodySchema = z.object({ credential: z.record(z.string(), z.unknown()) });

/** W3C VC API: POST /credentials/verify and /presentations/verify. */
export const VcApiVerifyCredentialBodySchema = z.object({ verifiableCredential: z.record(z.string(), z.unknown()), options: z.record(z.string(), z.unknown()).optional() });
export const VcApiVerifyPresentationBodySchema = z.object({ verifiablePresentation: z.record(z.string(), z.unknown()), options: z.record(z.string(), z.unknown()).optional() });
export const VcApiVerificationResultSchema = z.object({
  checks: z.array(z.string()),
  warnings: z.array(z.string()),
  errors: z.array(z.string()),
});
/** W3C VC API: POST /credentials/issue (staff) — an unsigned OpenBadgeCredential in, signed out. */
export const VcApiIssueBodySchema = z.object({ credential: z.record(z.string(), z.unknown()), options: z.record(z.string(), z.unknown()).optional() });
export const VcApiIssueResultSchema = z.object({ verifiableCredential: z.record(z.string(), z.unknown()) });

/** The graduates of a stream, listed on its final module's ceremony session (staff). */
export const CeremonyGraduatesSchema = z.object({
  sessionId: z.uuid(),
  streamId: z.uuid(),
  startsAt: z.string(),
  counts: z.object({ graduates: z.number().int(), issued: z.number().int() }),
  /** Eligible participants (rules or a decision by hand), and anyone already holding a diploma of the stream. */
  graduates: z.array(
    z.object({
      personId: z.uuid(),
      fullName: z.string(),
      regionCode: z.string().nullable(),
      isEligible: z.boolean(),
      diploma: z.object({ id: DiplomaIdSchema, registryNumber: z.string(), status: DiplomaStatusSchema }).nullable(),
    }),
  ),
  scheduledIssue: ScheduledIssueSchema.nullable(),
});
export type CeremonyGraduates = z.infer<typeof CeremonyGraduatesSchema>;

/** W3C VC API: POST /credentials/status — revoke (status 'revoked') or reinstate ('active') a credential this platform issued. */
export const VcApiUpdateStatusBodySchema = z.object({
  /** The credential's `id` as issued. */
  credentialId: z.string().min(1).max(500),
  credentialStatus: z.array(z.object({ type: z.literal('BitstringStatusListEntry'), status: z.enum(['revoked', 'active']) })).length(1),
  /** Why (kept in the registry and the audit log). */
  reason: ReasonSchema,
});
export type VcApiUpdateStatusBody = z.infer<typeof VcApiUpdateStatusBodySchema>;
