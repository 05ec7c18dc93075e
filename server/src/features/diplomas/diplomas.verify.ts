import crypto from 'node:crypto';
import type { VerificationResult } from '@ms/contracts/diplomas';
import type { Clock } from '../../lib/clock.ts';
import { translate } from '../../lib/i18n.ts';
import type { Locale, MessageKey } from '../../lib/messages.ts';
import { createDocumentLoader, VC_V2_CONTEXT, type DocumentLoader } from './diplomas.contexts.ts';
import { readCredentialFacts } from './diplomas.credential.ts';
import { multibaseOfDidKey } from './diplomas.did.ts';
import type { KeyStore } from './diplomas.keys.ts';
import { checkProof, checkRevocation, type ProofCheck as ProofCheckResult } from './diplomas.sign.ts';
import type { StatusLists } from './diplomas.status-list.ts';

type Check = VerificationResult['checks'][number];

/** A small bounded memo (insertion order): proofs of identical documents never change, so checking one twice is waste. */
function boundedMemo<V>(max: number) {
  const map = new Map<string, V>();
  return {
    get: (key: string) => map.get(key),
    set(key: string, value: V) {
      if (map.size >= max) map.delete(map.keys().next().value!);
      map.set(key, value);
    },
  };
}
const digest = (value: unknown) => crypto.createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/** Why a document is not an OB 3.0 credential at all, or null when its shape is right. */
function formatProblem(credential: Record<string, unknown>): MessageKey | null {
  const context = credential['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT) return 'diploma.wrong_context';
  const type = credential.type;
  if (!Array.isArray(type) || !type.includes('VerifiableCredential') || !type.includes('OpenBadgeCredential')) return 'diploma.not_open_badge';
  if (!credential.proof) return 'diploma.no_proof';
  return null;
}

/**
 * Verifies a credential from anywhere (our registry or an upload), offline: shape, signature (the
 * library), issuer (one of our keys), revocation (checked explicitly: a revoked credential still has a
 * valid signature) and dates. Each check is reported in the reader's language.
 */
export function createVerifier(deps: { keys: KeyStore; statusLists: StatusLists; clock: Clock }) {
  const documentLoader = createDocumentLoader({ resolveOwnDocument: (url) => deps.statusLists.resolve(url) });
  let ownKeys: { at: number; keys: Set<string> } | null = null;
  // Verification is the public hot path (≥ 200/s): a proof result depends only on the exact bytes of the
  // document (and the bundled contexts), so it is remembered by digest; a signed status list likewise.
  const proofs = boundedMemo<ProofCheckResult>(10_000);
  const verifiedLists = boundedMemo<true>(1_000);
  const statuses = boundedMemo<Awaited<ReturnType<typeof checkRevocation>>>(50_000);

  /** Public keys of the platform, cached for a few seconds (verification is hot; rotation is rare). */
  async function isOwnKey(multibase: string): Promise<boolean> {
    if (!ownKeys || Date.now() - ownKeys.at > 5_000) {
      ownKeys = { at: Date.now(), keys: new Set((await deps.keys.publicKeys()).map((k) => k.publicKeyMultibase)) };
    }
    return ownKeys.keys.has(multibase);
  }

  /**
   * `known.statusList`: the signed list the caller already read with the credential (the registry's
   * own diploma: one query for both); used when it is the list the credential names.
   */
  async function verify(credential: Record<string, unknown>, locale: Locale, known: { statusList?: Record<string, unknown> | null } = {}): Promise<VerificationResult> {
    const t = (key: MessageKey, params: Record<string, string> = {}) => translate(locale, key, params);
    const facts = readCredentialFacts(credential);
    const checks: Check[] = [];
    const base = { ...facts, revokedAt: null, isSignatureValid: false, status: null, isVerified: false };
    delete (base as { issuerId?: string | null }).issuerId;
    const problem = formatProblem(credential);
    if (problem) {
      checks.push({ check: 'format', isPassed: false, message: t('diploma.check.format_bad', { reason: t(problem) }) });
      return { ...base, checks };
    }
    checks.push({ check: 'format', isPassed: true, message: t('diploma.check.format_ok') });
    const now = deps.clock.now();

    const proofKey = digest(credential);
    let proof = proofs.get(proofKey);
    if (!proof) {
      try {
        proof = await checkProof(credential, documentLoader, now);
      } catch (error) {
        proof = { isValid: false as const, reason: error instanceof Error ? error.message.slice(0, 300) : 'error' };
      }
      proofs.set(proofKey, proof);
    }
    checks.push(proof.isValid ? { check: 'signature', isPassed: true, message: t('diploma.check.signature_ok') } : { check: 'signature', isPassed: false, message: t('diploma.check.signature_bad', { reason: proof.reason }) });

    const multibase = facts.issuerId ? multibaseOfDidKey(facts.issuerId) : null;
    const isOurs = multibase !== null && (await isOwnKey(multibase));
    checks.push(isOurs ? { check: 'issuer', isPassed: true, message: t('diploma.check.issuer_ok', { issuer: facts.issuerName ?? facts.issuerId ?? '' }) } : { check: 'issuer', isPassed: false, message: t('diploma.check.issuer_unknown') });

    let isRevoked = false;
    if (proof.isValid) {
      const listUrl = (credential.credentialStatus as { statusListCredential?: unknown } | undefined)?.statusListCredential;
      const list = typeof listUrl !== 'string' ? null : known.statusList && known.statusList.id === listUrl ? known.statusList : await deps.statusLists.resolve(listUrl);
      const listKey = list ? digest(list) : null;
      const isListVerified = listKey !== null && verifiedLists.get(listKey) === true;
      // The same entry of the same signed list always reads the same bit; the issuer is part of the key
      // because the check also demands the list's issuer equal the credential's.
      const statusKey = listKey ? `${listKey}|${digest([credential.credentialStatus, facts.issuerId])}` : null;
      let status = statusKey ? statuses.get(statusKey) : undefined;
      if (!status) {
        // The list just read answers the status check's own load of it: one read per verification.
        const loader: DocumentLoader = async (url) => (list && url === listUrl ? { contextUrl: null, documentUrl: url, document: list } : documentLoader(url));
        status = await checkRevocation(credential, loader, isListVerified).catch((error: Error) => ({ state: 'unknown' as const, reason: error.message.slice(0, 300) }));
        if (listKey && status.state !== 'unknown') {
          verifiedLists.set(listKey, true);
          statuses.set(statusKey!, status);
        }
      }
      isRevoked = status.state === 'revoked';
      if (status.state === 'active') checks.push({ check: 'status', isPassed: true, message: t('diploma.check.status_active') });
      else if (status.state === 'revoked') checks.push({ check: 'status', isPassed: false, message: t('diploma.check.status_revoked') });
      else if (status.state === 'none') checks.push({ check: 'status', isPassed: true, message: t('diploma.check.status_none') });
      else checks.push({ check: 'status', isPassed: false, message: t('diploma.check.status_unknown', { reason: 'reason' in status ? status.reason : '' }) });
    }

    const from = facts.validFrom ? new Date(facts.validFrom) : null;
    const until = facts.validUntil ? new Date(facts.validUntil) : null;
    const isExpired = until !== null && until.getTime() < now.getTime();
    const isNotYet = from !== null && from.getTime() > now.getTime();
    if (isExpired) checks.push({ check: 'dates', isPassed: false, message: t('diploma.check.dates_expired', { date: facts.validUntil! }) });
    else if (isNotYet) checks.push({ check: 'dates', isPassed: false, message: t('diploma.check.dates_not_yet', { date: facts.validFrom! }) });
    else checks.push({ check: 'dates', isPassed: true, message: t('diploma.check.dates_ok') });

    const status = !proof.isValid ? null : isRevoked ? 'revoked' : isExpired ? 'expired' : 'valid';
    return { ...base, isSignatureValid: proof.isValid, status, checks, isVerified: checks.every((c) => c.isPassed) };
  }

  return { verify, documentLoader };
}

export type Verifier = ReturnType<typeof createVerifier>;
