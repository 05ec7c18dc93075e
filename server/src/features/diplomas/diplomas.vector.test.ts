import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { createDocumentLoader } from './diplomas.contexts.ts';
import { checkProof, importSigningKey, signCredential } from './diplomas.sign.ts';

const vector = JSON.parse(readFileSync(new URL('./fixtures/ob-v3p0-ldp-test-vector.json', import.meta.url), 'utf8'));
const { keyPair, credential, proofOptions, expected } = vector;

/** The example issuer's controller document, offline (the vector's issuer is an https URL). */
const loader = createDocumentLoader({
  resolveOwnDocument: async (url) => {
    if (url === keyPair.id) return { '@context': 'https://w3id.org/security/multikey/v1', id: keyPair.id, type: 'Multikey', controller: keyPair.controller, publicKeyMultibase: keyPair.publicKeyMultibase };
    if (url === keyPair.controller) return { '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: keyPair.controller, assertionMethod: [keyPair.id] };
    return null;
  },
});
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const canonize = (input: object) => jsonld.canonize(input, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: loader, safe: true });

describe('1EdTech OB 3.0 linked-data-proof test vector (eddsa-rdfc-2022)', () => {
  it('canonicalizes the credential to the published N-Quads and document hash', async () => {
    const nquads = await canonize(credential);
    expect(nquads.trim().split('\n')).toEqual(expected.documentNormalized);
    expect(sha256(nquads)).toBe(expected.documentHashHex);
  });

  it('hashes the proof options to the published proof hash', async () => {
    const nquads = await canonize({ '@context': credential['@context'], ...proofOptions });
    expect(sha256(nquads)).toBe(expected.proofHashHex);
  });

  it('signs to the published signature and proofValue with the published key', async () => {
    const key = await importSigningKey(keyPair.publicKeyMultibase, keyPair.secretKeyMultibase, keyPair.id, keyPair.controller);
    const signed = await signCredential({ credential, key, documentLoader: loader, now: new Date(proofOptions.created) });
    const [proof] = signed.proof as Array<Record<string, string>>;
    expect(proof).toMatchObject({ ...proofOptions, proofValue: expected.proofValue });
    // The raw Ed25519 signature over proofHash ‖ documentHash, with node's own implementation.
    const seed = Buffer.from(keyPair.privateKeyHex.slice(0, 64), 'hex');
    const privateKey = crypto.createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
    const data = Buffer.from(expected.proofHashHex + expected.documentHashHex, 'hex');
    expect(crypto.sign(null, data, privateKey).toString('hex')).toBe(expected.signatureHex);
  });

  it('verifies the published signed credential, and rejects it once the name is changed', async () => {
    const signed = { ...credential, proof: { ...proofOptions, proofValue: expected.proofValue } };
    expect(await checkProof(signed, loader, new Date('2024-01-01T00:00:00Z'))).toEqual({ isValid: true });
    const tampered = { ...signed, name: 'Teamwork Badge!' };
    expect((await checkProof(tampered, loader, new Date('2024-01-01T00:00:00Z'))).isValid).toBe(false);
  });
});
