import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { describe, expect, it } from 'vitest';
import { createDocumentLoader, UnknownDocumentError } from './diplomas.contexts.ts';
import { buildDiplomaCredential, formatRegistryNumber, identityHash, readCredentialFacts, registryPrefix } from './diplomas.credential.ts';
import { didKeyFor, verificationMethodFor } from './diplomas.did.ts';
import { checkProof, importSigningKey, signCredential } from './diplomas.sign.ts';
import { diplomaStream } from './diplomas.test-data.ts';

const schema = JSON.parse(readFileSync(new URL('./fixtures/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2019.default({ strict: false, allErrors: true });
addFormats.default(ajv);
const validateOb = ajv.compile(schema);

const stream = diplomaStream;

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
