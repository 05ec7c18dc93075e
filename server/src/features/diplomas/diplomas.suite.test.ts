import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { describe, expect, it } from 'vitest';
import { createDocumentLoader } from './diplomas.contexts.ts';
import { buildDiplomaCredential } from './diplomas.credential.ts';
import { didKeyFor, verificationMethodFor } from './diplomas.did.ts';
import { checkProof, importSigningKey, signCredential } from './diplomas.sign.ts';
import { diplomaStream } from './diplomas.test-data.ts';

const loader = createDocumentLoader();
const at = new Date('2025-06-05T12:00:00Z');

async function issuerKey() {
  const pair = await Ed25519Multikey.generate();
  const did = didKeyFor(pair.publicKeyMultibase);
  return { did, key: await importSigningKey(pair.publicKeyMultibase, pair.secretKeyMultibase, verificationMethodFor(pair.publicKeyMultibase), did) };
}

function diploma(did: string, i: number, holderName = `Иванова Анна ${i}`) {
  return buildDiplomaCredential({ id: `id${i}`, publicUrl: 'https://school.example', issuerDid: did, stream: diplomaStream, holderName, holderEmail: `a${i}@example.test`, salt: `s${i}`, registryNumber: `ШМ-2025-00000${i}`, validFrom: at, statusListUrl: 'https://school.example/api/public/status-lists/1', statusIndex: i });
}

/** The unmodified library: its cryptosuite, its signer, its verifier. */
async function librarySign(credential: Record<string, unknown>, key: Ed25519Multikey.Ed25519KeyPair) {
  const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite, date: at });
  const signed = await vc.issue({ credential: structuredClone(credential), suite, documentLoader: loader, now: at });
  return { ...signed, proof: [signed.proof].flat() };
}
async function libraryVerify(credential: Record<string, unknown>) {
  return vc.verifyCredential({ credential, suite: new DataIntegrityProof({ cryptosuite }), documentLoader: loader, now: at, checkStatus: async () => ({ verified: true }) });
}

describe('the platform cryptosuite (memoised canonicalization, cached key objects)', () => {
  it('signs byte-for-byte as the library does, and the library verifies what it signs', async () => {
    const { did, key } = await issuerKey();
    for (const [i, name] of ['Иванова Анна', 'O\'Brien "Jack"\n\\', '_:b0', 'https://evil.example/x'].entries()) {
      const credential = diploma(did, i, name);
      const ours = await signCredential({ credential, key, documentLoader: loader, now: at });
      expect(ours).toEqual(await librarySign(credential, key));
      expect((await libraryVerify(ours)).verified).toBe(true);
    }
  });

  it('rejects, as the library does, a changed name, a changed date, a swapped proof and a foreign key', async () => {
    const { did, key } = await issuerKey();
    const signed = await signCredential({ credential: diploma(did, 1), key, documentLoader: loader, now: at });
    const other = await signCredential({ credential: diploma(did, 2), key, documentLoader: loader, now: at });
    const foreign = await issuerKey();
    const foreignSigned = await signCredential({ credential: diploma(did, 1), key: foreign.key, documentLoader: loader, now: at });
    const tampered = [
      { ...signed, name: 'Диплом другой программы' },
      { ...signed, validFrom: '2025-06-06T12:00:00Z' },
      { ...signed, proof: other.proof },
      { ...signed, proof: foreignSigned.proof },
      { ...signed, credentialSubject: { ...(signed.credentialSubject as object), licenseNumber: 'ШМ-2025-999999' } },
    ];
    for (const credential of tampered) {
      expect((await checkProof(credential, loader, at)).isValid).toBe(false);
      expect((await libraryVerify(credential)).verified).toBe(false);
    }
    // The same diploma, checked again after others of its shape (memo warm), still verifies.
    expect(await checkProof(signed, loader, at)).toEqual({ isValid: true });
  });
});
