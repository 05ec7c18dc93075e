import crypto from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../src/db/client.ts';
import { admissionApplications, admissionCampaigns, consentDocuments, outbox } from '../src/db/schema/index.ts';
import { buildPerson } from './factories.ts';

/** Small valid documents for the admissions tests (not used by the app). */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
export const SAMPLE_PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(16),
  Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
]);
export const SAMPLE_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32), Buffer.from([0xff, 0xd9])]);



const DAY = 86_400_000;

/** A published campaign open now (unless overridden) for the given intake. */
export async function buildCampaign(db: Database, intakeId: string, overrides: Partial<typeof admissionCampaigns.$inferInsert> = {}) {
  const [row] = await db
    .insert(admissionCampaigns)
    .values({
      intakeId,
      slug: `campaign-${crypto.randomBytes(4).toString('hex')}`,
      titleRu: 'Школа мэров — набор 2026',
      titleEn: 'School of Mayors — 2026 intake',
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + 30 * DAY),
      isPublished: true,
      rules: { minAge: 26, maxAge: 60, ageReferenceDate: '2026-10-01', minEducation: 'bachelor', minManagementYears: 2, requiresService: true, minServiceYears: null },
      ...overrides,
    })
    .returning();
  return row!;
}

/** A submitted application of a new person from the region, with stage scores. */
export async function buildSubmittedApplication(
  db: Database,
  campaignId: string,
  regionCode: string,
  overrides: Partial<typeof admissionApplications.$inferInsert> = {},
) {
  const person = await buildPerson(db, { regionCode });
  const [row] = await db
    .insert(admissionApplications)
    .values({ campaignId, personId: person.id, status: 'submitted', regionCode, birthDate: '1980-05-05', isEligible: true, submittedAt: new Date(), ...overrides })
    .returning();
  return { application: row!, person };
}

/** Publishes a consent text if none exists yet; returns the version in force. */
export async function ensureConsentDocument(db: Database): Promise<string> {
  const [current] = await db.select().from(consentDocuments).orderBy(desc(consentDocuments.publishedAt), desc(consentDocuments.version)).limit(1);
  if (current) return current.version;
  const version = `v-${crypto.randomBytes(3).toString('hex')}`;
  await db.insert(consentDocuments).values({ version, textRu: 'Согласие на обработку персональных данных', textEn: 'Consent to personal-data processing' });
  return version;
}

/** The token of the last confirmation letter sent to the address. */
export async function confirmationTokenFor(db: Database, email: string): Promise<string> {
  const [mail] = await db.select().from(outbox).where(eq(outbox.toAddress, email.toLowerCase())).orderBy(desc(outbox.createdAt)).limit(1);
  const match = mail?.textBody.match(/token=([\w-]+)/);
  if (!match) throw new Error(`no confirmation letter to ${email}`);
  return match[1]!;
}
