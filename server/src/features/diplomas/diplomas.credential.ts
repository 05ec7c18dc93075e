import crypto from 'node:crypto';
import { CURRICULUM_TOPICS } from '@ms/contracts/schedule';
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from './diplomas.contexts.ts';
import type { StreamContext } from './diplomas.repo.ts';

/** The OB 3.0 JSON Schema the credentials are written against (and checked with in tests). */
export const OB_SCHEMA_ID = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/**
 * Our one extension term. Canonicalization refuses terms no context defines, so it is defined here,
 * inline, with schema.org's IRI: the programme's volume as an ISO 8601 duration ("PT144H").
 */
const EXTENSION_CONTEXT = { timeRequired: { '@id': 'https://schema.org/timeRequired' } };

/** 128 random bits, base64url: ids that cannot be guessed or enumerated. */
export function newDiplomaId(): string {
  return crypto.randomBytes(16).toString('base64url');
}

/** "Школа мэров" → "ШМ": initials of the programme's Russian name, the registry number's prefix. */
export function registryPrefix(programmeNameRu: string): string {
  const initials = programmeNameRu
    .replace(/[«»"']/g, '')
    .split(/\s+/)
    .filter((w) => /^[\p{L}]/u.test(w) && w.length > 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return (initials || 'ДП').slice(0, 4);
}

/** ШМ-2025-000123 */
export function formatRegistryNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** XML Schema dateTime without milliseconds, as the VC examples write it. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** OB 3.0 IdentityHash: "sha256$" + hex(sha256(identity ‖ salt)). */
export function identityHash(identity: string, salt: string): string {
  return `sha256$${crypto.createHash('sha256').update(identity + salt, 'utf8').digest('hex')}`;
}

export interface DiplomaFacts {
  id: string;
  publicUrl: string;
  issuerDid: string;
  stream: StreamContext;
  holderName: string;
  holderEmail: string | null;
  /** Salt of the e-mail hash; random per diploma so hashes cannot be joined across credentials. */
  salt: string;
  registryNumber: string;
  validFrom: Date;
  statusListUrl: string;
  statusIndex: number;
}

/** The public page of a diploma; also the credential's id. */
export function verifyUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/verify/${id}`;
}

/**
 * An unsigned OpenBadgeCredential (VC Data Model 2.0) for one graduate: the academy as a Profile issuer
 * (did:key), the programme as the Achievement, the holder named in plain text and identified by a
 * salted hash of the e-mail, the registry number as licenseNumber, and a Bitstring Status List entry.
 */
export function buildDiplomaCredential(f: DiplomaFacts): Record<string, unknown> {
  const s = f.stream;
  const topics = s.topics.map((code) => CURRICULUM_TOPICS[code as keyof typeof CURRICULUM_TOPICS]?.ru ?? code);
  const identifier: Array<Record<string, unknown>> = [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: f.holderName }];
  if (f.holderEmail) identifier.push({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: identityHash(f.holderEmail.toLowerCase(), f.salt), salt: f.salt });
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, EXTENSION_CONTEXT],
    id: verifyUrl(f.publicUrl, f.id),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `Диплом программы «${s.programmeNameRu}»`,
    description: `${s.programmeNameRu}: ${s.intakeNameRu}, ${s.streamNameRu}. ${s.programmeNameEn}: ${s.intakeNameEn}, ${s.streamNameEn}.`,
    issuer: { id: f.issuerDid, type: ['Profile'], name: s.organisationNameRu, url: f.publicUrl },
    validFrom: isoSeconds(f.validFrom),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier,
      licenseNumber: f.registryNumber,
      term: `${s.intakeNameRu}, ${s.streamNameRu}`,
      activityStartDate: `${s.startsOn}T00:00:00Z`,
      activityEndDate: `${s.endsOn}T00:00:00Z`,
      achievement: {
        id: `urn:uuid:${s.streamId}`,
        type: ['Achievement'],
        achievementType: 'Diploma',
        name: s.programmeNameRu,
        description: s.programmeDescriptionRu || `${s.programmeNameRu} — ${s.programmeNameEn}`,
        criteria: { narrative: `Посещаемость занятий не ниже ${s.thresholdPct}% и выполнение требований программы. Attendance of at least ${s.thresholdPct}% and the programme's requirements.` },
        fieldOfStudy: 'Государственное и муниципальное управление',
        specialization: `${s.intakeNameRu}, ${s.streamNameRu}`,
        tag: topics,
        inLanguage: 'ru',
        timeRequired: `PT${s.totalHours}H`,
      },
    },
    // JsonSchema is the VC 2.0 term (defined by its context); 1EdTech's older validator type name is undefined there.
    credentialSchema: [{ id: OB_SCHEMA_ID, type: 'JsonSchema' }],
    credentialStatus: {
      id: `${f.statusListUrl}#${f.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(f.statusIndex),
      statusListCredential: f.statusListUrl,
    },
  };
}

/** The human-readable facts a verifier shows, read back from a credential of any origin (never trusted blindly). */
export function readCredentialFacts(credential: Record<string, unknown>) {
  const subject = (Array.isArray(credential.credentialSubject) ? credential.credentialSubject[0] : credential.credentialSubject) as Record<string, unknown> | undefined;
  const identifiers = Array.isArray(subject?.identifier) ? (subject!.identifier as Array<Record<string, unknown>>) : [];
  const nameEntry = identifiers.find((i) => i.identityType === 'name' && i.hashed === false);
  const achievement = subject?.achievement as Record<string, unknown> | undefined;
  const issuer = credential.issuer as Record<string, unknown> | string | undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 500) : null);
  return {
    holderName: text(nameEntry?.identityHash) ?? text(subject?.name),
    achievementName: text(achievement?.name),
    issuerName: typeof issuer === 'object' && issuer ? text(issuer.name) : null,
    issuerId: typeof issuer === 'string' ? issuer : typeof issuer === 'object' && issuer ? text(issuer.id) : null,
    registryNumber: text(subject?.licenseNumber),
    validFrom: text(credential.validFrom),
    validUntil: text(credential.validUntil),
  };
}
