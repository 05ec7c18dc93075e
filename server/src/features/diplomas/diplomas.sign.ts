import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import type { DocumentLoader } from './diplomas.contexts.ts';
import { checkStatusOfVerifiedList } from './diplomas.status-check.ts';
import { cachedSigner, fastCryptosuite } from './diplomas.suite.ts';

export type SigningKey = Ed25519Multikey.Ed25519KeyPair;

/** Loads a signing key from its multibase halves; the verification method id is did:key:X#X. */
export async function importSigningKey(publicKeyMultibase: string, secretKeyMultibase: string | undefined, verificationMethod: string, controller: string): Promise<SigningKey> {
  return Ed25519Multikey.from({ '@context': 'https://w3id.org/security/multikey/v1', type: 'Multikey', id: verificationMethod, controller, publicKeyMultibase, ...(secretKeyMultibase ? { secretKeyMultibase } : {}) });
}

/**
 * Signs with a DataIntegrityProof (eddsa-rdfc-2022). `proof` comes back as an array, as OB 3.0 shows
 * it: a credential may carry several proofs.
 */
export async function signCredential(options: { credential: Record<string, unknown>; key: SigningKey; documentLoader: DocumentLoader; now: Date }): Promise<Record<string, unknown>> {
  const suite = new DataIntegrityProof({ signer: await cachedSigner(options.key), cryptosuite: fastCryptosuite, date: options.now });
  // vc.issue mutates its input (it may add dates): hand it a copy.
  const signed = await vc.issue({ credential: structuredClone(options.credential), suite, documentLoader: options.documentLoader, now: options.now });
  return { ...signed, proof: Array.isArray(signed.proof) ? signed.proof : [signed.proof] };
}

export type ProofCheck = { isValid: true } | { isValid: false; reason: string };
export type StatusCheck = { state: 'active' | 'revoked' | 'none' } | { state: 'unknown'; reason: string };

function firstMessage(error: (Error & { errors?: Error[] }) | undefined): string {
  const inner = error?.errors?.[0] ?? error;
  return (inner?.message ?? 'verification failed').slice(0, 300);
}

/** The verifying suite: any eddsa-rdfc-2022 DataIntegrityProof; the key comes from the proof's method. */
export function verifySuite() {
  return new DataIntegrityProof({ cryptosuite: fastCryptosuite });
}

/**
 * Checks the proof only (signature, key, canonical form). Dates are judged separately by the caller,
 * so `now` is clamped into the credential's validity window here: an expired diploma must still show
 * "signature valid, expired", not "invalid".
 */
export async function checkProof(credential: Record<string, unknown>, documentLoader: DocumentLoader, now: Date): Promise<ProofCheck> {
  const from = typeof credential.validFrom === 'string' ? new Date(credential.validFrom) : null;
  const until = typeof credential.validUntil === 'string' ? new Date(credential.validUntil) : null;
  let at = now;
  if (from && !Number.isNaN(from.getTime()) && at < from) at = from;
  if (until && !Number.isNaN(until.getTime()) && at > until) at = until;
  const result = await vc.verifyCredential({
    credential,
    suite: verifySuite(),
    documentLoader,
    now: at,
    // Status is checked explicitly below: a revoked credential's signature is still valid.
    checkStatus: async () => ({ verified: true }),
  });
  return result.verified ? { isValid: true } : { isValid: false, reason: firstMessage(result.error ?? result.results?.[0]?.error) };
}

/**
 * Reads the credential's bit in its Bitstring Status List credential, after verifying that list's own
 * signature (skipped only when the caller already verified this exact signed list: `isListVerified`).
 */
export async function checkRevocation(credential: Record<string, unknown>, documentLoader: DocumentLoader, isListVerified = false): Promise<StatusCheck> {
  if (!credential.credentialStatus) return { state: 'none' };
  // A list verified before needs no second signature check: the same checks, with its decoded bits remembered.
  const result = isListVerified
    ? await checkStatusOfVerifiedList(credential, documentLoader)
    : ((await checkStatus({ credential, documentLoader, suite: verifySuite(), verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true })) as { verified: boolean; error?: Error; results?: Array<{ status: boolean }> });
  if (!result.verified) return { state: 'unknown', reason: firstMessage(result.error) };
  return { state: result.results?.some((r) => r.status) ? 'revoked' : 'active' };
}
