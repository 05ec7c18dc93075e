import { decodeList, type StatusList } from '@digitalbazaar/vc-bitstring-status-list';
import type { DocumentLoader } from './diplomas.contexts.ts';

/**
 * The status check of a credential whose Bitstring Status List credential is already verified: the
 * library's `checkStatus` with `verifyBitstringStatusListCredential: false, verifyMatchingIssuers: true`
 * (vc-bitstring-status-list 2.0.1, lib/index.js `_checkStatuses`/`_checkStatus`), the same checks in
 * the same order, except that a decoded list is remembered by its encoded text. Decoding (base64 and
 * gunzip of 16 KB) was a quarter of a cold verification, and the list is the same for thousands of
 * diplomas. diplomas.status-check.test.ts compares it with the library case by case.
 */

type StatusResult = { verified: boolean; error?: Error; results?: Array<{ verified: boolean; credentialStatus: Record<string, unknown>; status: boolean }> };

const MAX_LISTS = 64;
const decoded = new Map<string, Promise<StatusList>>();

/** The list for an encoded text; immutable input, and the result is only read (getStatus). */
function decodeOnce(encodedList: string): Promise<StatusList> {
  let list = decoded.get(encodedList);
  if (!list) {
    list = decodeList({ encodedList });
    // A text that does not decode is not remembered: each check reports it.
    list.catch(() => decoded.delete(encodedList));
    if (decoded.size >= MAX_LISTS) decoded.delete(decoded.keys().next().value!);
    decoded.set(encodedList, list);
  }
  return list;
}

function statusesOf(credential: Record<string, unknown>): Array<Record<string, unknown>> {
  const { credentialStatus } = credential as { credentialStatus?: unknown };
  if (Array.isArray(credentialStatus)) return credentialStatus.filter((cs) => cs?.type === 'BitstringStatusListEntry');
  const single = credentialStatus as Record<string, unknown> | undefined;
  return single && single.type === 'BitstringStatusListEntry' ? [single] : [];
}

function validate(cs: Record<string, unknown>): void {
  if (cs.type !== 'BitstringStatusListEntry') throw new Error('"credentialStatus.type" must be "BitstringStatusListEntry".');
  if (typeof cs.statusPurpose !== 'string') throw new TypeError('"credentialStatus.statusPurpose" must be a string.');
  if (cs.id && typeof cs.id !== 'string') throw new TypeError('"credentialStatus.id" must be a string.');
  if (typeof cs.statusListCredential !== 'string') throw new TypeError('"credentialStatus.statusListCredential" must be a string.');
  if (Number.isNaN(parseInt(cs.statusListIndex as string, 10))) throw new TypeError('"statusListIndex" must be an integer.');
  if (cs.id === cs.statusListCredential) throw new Error('"credentialStatus.id" must not be "credentialStatus.statusListCredential".');
}

const issuerId = (issuer: unknown) => (typeof issuer === 'object' && issuer !== null ? (issuer as { id?: unknown }).id : issuer);

async function checkOne(credential: Record<string, unknown>, cs: Record<string, unknown>, documentLoader: DocumentLoader) {
  const index = parseInt(cs.statusListIndex as string, 10);
  let list: Record<string, unknown>;
  try {
    list = (await documentLoader(cs.statusListCredential as string)).document as Record<string, unknown>;
  } catch (e) {
    throw new Error(`Could not load "BitstringStatusListCredential"; reason: ${(e as Error).message}`, { cause: e });
  }
  const subject = list.credentialSubject as Record<string, unknown>;
  if (subject.statusPurpose !== cs.statusPurpose) {
    throw new Error(`The status purpose "${String(subject.statusPurpose)}" of the status list credential does not match the status purpose "${String(cs.statusPurpose)}" in the credential.`);
  }
  const credentialIssuer = issuerId(credential.issuer);
  const listIssuer = issuerId(list.issuer);
  if (!(credentialIssuer && listIssuer) || credentialIssuer !== listIssuer) throw new Error('Issuers of the status list credential and verifiable credential do not match.');
  if (!(list.type as string[]).includes('BitstringStatusListCredential')) throw new Error('Status list credential type must include "BitstringStatusListCredential".');
  if (subject.type !== 'BitstringStatusList') throw new Error('Status list type must be "BitstringStatusList".');
  const decodedList = await decodeOnce(subject.encodedList as string);
  return { verified: true, credentialStatus: cs, status: decodedList.getStatus(index) };
}

/** checkStatus of the library for an already verified list (see the file comment); errors become `verified: false`. */
export async function checkStatusOfVerifiedList(credential: Record<string, unknown>, documentLoader: DocumentLoader): Promise<StatusResult> {
  try {
    const statuses = statusesOf(credential);
    if (statuses.length === 0) throw new Error('"credentialStatus.type" must be "BitstringStatusListEntry".');
    statuses.forEach(validate);
    const results = await Promise.all(statuses.map((cs) => checkOne(credential, cs, documentLoader)));
    return { verified: results.every((r) => r.verified === true), results };
  } catch (error) {
    return { verified: false, error: error as Error };
  }
}
