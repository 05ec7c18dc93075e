import crypto from 'node:crypto';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { createMemoisedCanonize } from './diplomas.canonize.ts';
import { isBundledContext } from './diplomas.contexts.ts';

/**
 * The eddsa-rdfc-2022 cryptosuite as the platform uses it: the library's own, with two costs memoised
 * that do not change its output — canonicalization by document shape (diplomas.canonize.ts) and
 * node's key object per key (the library re-imports the key on every signature and every check).
 * `vc.issue`, `vc.verifyCredential` and the status-list check run their usual flow on top of it.
 */

// DER prefixes of an Ed25519 PKCS#8 secret key and SPKI public key (RFC 8410), as the library uses.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const MAX_VERIFIERS = 1_000;

type Verifier = Awaited<ReturnType<typeof cryptosuite.createVerifier>>;
const verifiers = new Map<string, Promise<Verifier>>();

/** The library's verifier for a verification method, with the public key imported once (bounded cache). */
async function createVerifier(options: { verificationMethod: Record<string, unknown> }): Promise<Verifier> {
  // The method object is all `Ed25519Multikey.from` reads: the same JSON gives the same key.
  const cacheKey = JSON.stringify(options.verificationMethod);
  let pending = verifiers.get(cacheKey);
  if (!pending) {
    pending = (async () => {
      const key = await Ed25519Multikey.from(options.verificationMethod);
      const { publicKey } = (await key.export({ raw: true, publicKey: true })) as { publicKey: Uint8Array };
      const publicKeyObject = crypto.createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
      const verifier = key.verifier();
      return { algorithm: verifier.algorithm, id: verifier.id, verify: async ({ data, signature }: { data: Uint8Array; signature: Uint8Array }) => crypto.verify(null, data, publicKeyObject, signature) };
    })();
    // A method that fails to import is not remembered: the next check reports the same error afresh.
    pending.catch(() => verifiers.delete(cacheKey));
    if (verifiers.size >= MAX_VERIFIERS) verifiers.delete(verifiers.keys().next().value!);
    verifiers.set(cacheKey, pending);
  }
  return pending;
}

/** The eddsa-rdfc-2022 cryptosuite with memoised canonicalization and key import (same results as the library's). */
export const fastCryptosuite = { ...cryptosuite, canonize: createMemoisedCanonize(isBundledContext), createVerifier };

type Signer = ReturnType<Ed25519Multikey.Ed25519KeyPair['signer']>;
const signers = new WeakMap<Ed25519Multikey.Ed25519KeyPair, Promise<Signer>>();

/** The key's signer with node's private key object made once per key (Ed25519 is deterministic: same bytes out). */
export function cachedSigner(key: Ed25519Multikey.Ed25519KeyPair): Promise<Signer> {
  let pending = signers.get(key);
  if (!pending) {
    pending = (async () => {
      const library = key.signer();
      const { secretKey } = (await key.export({ raw: true, publicKey: false, secretKey: true })) as { secretKey?: Uint8Array };
      if (!secretKey) return library;
      const privateKey = crypto.createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, secretKey.subarray(0, 32)]), format: 'der', type: 'pkcs8' });
      return { algorithm: library.algorithm, id: library.id, sign: async ({ data }: { data: Uint8Array }) => crypto.sign(null, data, privateKey) };
    })();
    signers.set(key, pending);
  }
  return pending;
}
