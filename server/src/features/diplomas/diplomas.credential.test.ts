import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { describe, expect, it } from 'vitest';
import { createDocumentLoader, UnknownDocumentError } from './diplomas.contexts.ts';
import { buildDiplomaCredential, formatRegistryNumber, identityHash, readCredentialFacts, registryPrefix } from './diplomas.credential.ts';
import { didKeyFor, verificationMethodFor } from './diplomas.did.ts';
import type { StreamContext } from './diplomas.repo.ts';
import { checkProof, importSigningKey, signCredential } from './diplomas.sign.ts';

const schema = JSON.parse(readFileSync(new URL('./fixtures/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2019.default({ strict: false, allErrors: true });
addFormats.default(ajv);
const validateOb = ajv.compile(schema);

const stream: StreamContext = {
  streamId: '7d1b0a8e-3c1f-4a51-9d1e-2f0c7b6a5e41',
  organisationId: '00000000-0000-4000-8000-000000000001',
  programmeId: '00000000-0000-4000-8000-000000000002',
  intakeId: '00000000-0000-4000-8000-000000000003',
  programmeSlug: 'mayors',
  programmeNameRu: 'Школа мэров',
  programmeNameEn: 'School of Mayors',
  programmeDescriptionRu: 'Программа развития глав муниципалитетов',
  organisationNameRu: 'ВШГУ РАНХиГС',
  organisationNameEn: 'RANEPA Graduate School of Public Administration',
  intakeNameRu: 'Набор 2024–2025',
  intakeNameEn: 'Intake 2024–2025',
  streamNumber: 3,
  streamNameRu: 'Поток 3',
  streamNameEn: 'Stream 3',
  startsOn: '2024-10-08',
  endsOn: '2025-06-05',
  thresholdPct: 80,
  totalHours: 144,
  topics: ['national_goals', 'strategic_planning'],
  ceremonyAt: new Date('2025-06-05T12:00:00Z'),
};

async function signedDiploma() {
  const pair = await Ed25519Multikey.generate();
  const did = didKeyFor(pair.publicKeyMultibase);
  const key = await importSigningKey(pair.publicKeyMultibase, pair.secretKeyMultibase, verificationMethodFor(pair.publicKeyMultibase), did);
  const credential = buildDiplomaCredential({
    id: 'AAAAAAAAAAAAAAAAAAAAAA',
    publicUrl: 'https://school.example',
    issuerDid: did,
    stream,
    holderName: 'Иванова Анна Сергеевна',
    holderEmail: 'Anna@Example.test',
    salt: 'salt',
    registryNumber: 'ШМ-2025-000001',
    validFrom: new Date('2025-06-05T12:00:00Z'),
    statusListUrl: 'https://school.example/api/public/status-lists/1',
    statusIndex: 7,
  });
  const loader = createDocumentLoader();
  return { credential, signed: await signCredential({ credential, key, documentLoader: loader, now: new Date('2025-06-05T12:00:00Z') }), loader };
}

describe('the diploma credential', () => {
  it('signs (every term defined: canonicalization is strict) and passes the OB 3.0 JSON Schema', async () => {
    const { signed, loader } = await signedDiploma();
    expect(validateOb(signed), JSON.stringify(validateOb.errors)).toBe(true);
    expect(await checkProof(signed, loader, new Date('2026-01-01T00:00:00Z'))).toEqual({ isValid: true });
    expect(readCredentialFacts(signed)).toMatchObject({ holderName: 'Иванова Анна Сергеевна', registryNumber: 'ШМ-2025-000001', achievementName: 'Школа мэров' });
  });

  it('keeps the e-mail only as a salted SHA-256 (OB IdentityHash)', async () => {
    const { credential } = await signedDiploma();
    expect(JSON.stringify(credential)).not.toContain('Example.test');
    expect(identityHash('anna@example.test', 'salt')).toMatch(/^sha256\$[0-9a-f]{64}$/);
  });

  it('numbers the registry as ШМ-2025-000123', () => {
    expect(formatRegistryNumber(registryPrefix('Школа мэров'), 2025, 123)).toBe('ШМ-2025-000123');
    expect(registryPrefix('Школа губернаторов')).toBe('ШГ');
  });

  it('never fetches: an unknown context fails verification instead', async () => {
    const { signed, loader } = await signedDiploma();
    await expect(loader('https://example.com/some/context.json')).rejects.toBeInstanceOf(UnknownDocumentError);
    const foreign = { ...signed, '@context': [...(signed['@context'] as unknown[]), 'https://example.com/some/context.json'] };
    expect((await checkProof(foreign, loader, new Date())).isValid).toBe(false);
  });
});
