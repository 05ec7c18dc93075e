import { z } from 'zod';
import { GrantViewSchema } from './auth.ts';
import { LocaleSchema, PlainTextSchema } from './common.ts';

/** Version label of a consent document, e.g. `2025-01` or `1.2`. */
export const ConsentVersionSchema = z.string().trim().regex(/^[\w.-]{1,40}$/);

/** The text a person agrees to (152-FZ); a published version never changes. */
export const ConsentDocumentSchema = z.object({
  version: z.string(),
  textRu: z.string(),
  textEn: z.string(),
  publishedAt: z.string(),
});
export type ConsentDocument = z.infer<typeof ConsentDocumentSchema>;

export const PublishConsentDocumentBodySchema = z.object({
  version: ConsentVersionSchema,
  textRu: PlainTextSchema(100_000).min(10),
  textEn: PlainTextSchema(100_000).min(10),
});
export type PublishConsentDocumentBody = z.infer<typeof PublishConsentDocumentBodySchema>;

export const GrantConsentBodySchema = z.object({ version: ConsentVersionSchema });

/** One consent of a person to one version; withdrawal keeps the record and stamps the time. */
export const ConsentSchema = z.object({
  id: z.string(),
  documentVersion: z.string(),
  grantedAt: z.string(),
  grantedIp: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const ConsentListSchema = z.object({ items: z.array(ConsentSchema) });

/** Everything the platform holds about the signed-in person (right of access, 152-FZ art. 14). */
export const PersonalDataExportSchema = z.object({
  exportedAt: z.string(),
  account: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    locale: LocaleSchema,
    isTotpEnabled: z.boolean(),
    createdAt: z.string(),
  }),
  person: z
    .object({
      id: z.string(),
      email: z.string().nullable(),
      lastName: z.string(),
      firstName: z.string(),
      middleName: z.string().nullable(),
      birthDate: z.string().nullable(),
      gender: z.string().nullable(),
      position: z.string().nullable(),
      phone: z.string().nullable(),
      regionCode: z.string().nullable(),
      municipalityId: z.string().nullable(),
      municipalityName: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    })
    .nullable(),
  enrolments: z.array(
    z.object({
      id: z.string(),
      status: z.string(),
      enrolledAt: z.string(),
      streamId: z.string(),
      streamNameRu: z.string(),
      streamNameEn: z.string(),
      programmeId: z.string(),
      programmeNameRu: z.string(),
      programmeNameEn: z.string(),
    }),
  ),
  consents: z.array(ConsentSchema),
  grants: z.array(GrantViewSchema),
  /** What was done with the person's data and account; other people's identities are left out. */
  auditEntries: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      entity: z.string().nullable(),
      entityId: z.string().nullable(),
      /** True when the person did it themselves. */
      isOwnAction: z.boolean(),
      ip: z.string().nullable(),
    }),
  ),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExportSchema>;

export const ErasureBodySchema = z.object({
  /** Why the data is erased (the person's request, the end of the retention period…); kept in the audit log. */
  reason: PlainTextSchema(1000).min(3),
});
export type ErasureBody = z.infer<typeof ErasureBodySchema>;

export const ErasureResultSchema = z.object({
  personId: z.string(),
  erasedAt: z.string(),
  /** Enrolments kept (anonymised) for the programme's aggregates. */
  enrolmentsKept: z.number().int(),
  usersDeactivated: z.number().int(),
});
export type ErasureResult = z.infer<typeof ErasureResultSchema>;
