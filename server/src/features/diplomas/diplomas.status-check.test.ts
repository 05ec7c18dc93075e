import { checkStatus, createCredential, createList } from '@digitalbazaar/vc-bitstring-status-list';
import { describe, expect, it } from 'vitest';
import type { DocumentLoader } from './diplomas.contexts.ts';
import { VC_V2_CONTEXT } from './diplomas.contexts.ts';
import { checkStatusOfVerifiedList } from './diplomas.status-check.ts';

const LIST_URL = 'https://school.example/api/public/status-lists/1';
const ISSUER = 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';

async function statusList(purpose = 'revocation', overrides: Record<string, unknown> = {}) {
  const list = await createList({ length: 131_072 });
  list.setStatus(5, true);
  return { ...(await createCredential({ id: LIST_URL, list, statusPurpose: purpose })), issuer: ISSUER, ...overrides };
}

function credential(status: unknown, issuer: unknown = { id: ISSUER, type: ['Profile'] }) {
  return { '@context': [VC_V2_CONTEXT], type: ['VerifiableCredential'], issuer, credentialStatus: status };
}
const entry = (index: unknown, extra: Record<string, unknown> = {}) => ({ id: `${LIST_URL}#${String(index)}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: index, statusListCredential: LIST_URL, ...extra });

/** The outcome that matters: verified or not, each entry's bit, and the reason. */
const outcome = (r: { verified: boolean; error?: Error; results?: Array<{ status: boolean }> }) => ({ verified: r.verified, statuses: r.results?.map((x) => x.status), reason: r.error?.message });

describe('status check of an already verified list', () => {
  it('reads the same bits and refuses the same entries as the library', async () => {
    const list = await statusList();
    const loader = (async (url: string) => {
      if (url === LIST_URL) return { contextUrl: null, documentUrl: url, document: list };
      throw new Error(`not found: ${url}`);
    }) as DocumentLoader;
    const cases = [
      credential(entry('5')),
      credential(entry('6')),
      credential([entry('5'), entry('7', { id: `${LIST_URL}#7b` })]),
      credential(entry('0')),
      credential(entry('131071')),
      credential(entry('131072')),
      credential(entry('x')),
      credential(entry('5', { statusPurpose: 'suspension' })),
      credential(entry('5', { statusListCredential: 'https://elsewhere.example/list' })),
      credential(entry('5', { id: LIST_URL })),
      credential(entry('5', { type: 'StatusList2021Entry' })),
      credential(entry('5', { statusPurpose: 7 })),
      credential(entry('5'), 'did:key:z6MkForeign'),
      credential(entry('5'), ISSUER),
      credential([]),
    ];
    for (const document of cases) {
      const ours = await checkStatusOfVerifiedList(structuredClone(document), loader);
      const library = await checkStatus({ credential: structuredClone(document), documentLoader: loader, suite: {}, verifyBitstringStatusListCredential: false, verifyMatchingIssuers: true });
      expect(outcome(ours), JSON.stringify(document.credentialStatus)).toEqual(outcome(library as never));
    }
  });

  it('refuses a list of another purpose, type or issuer as the library does', async () => {
    for (const list of [await statusList('suspension'), await statusList('revocation', { type: ['VerifiableCredential'] }), await statusList('revocation', { issuer: 'did:key:z6MkOther' })]) {
      const loader = (async (url: string) => ({ contextUrl: null, documentUrl: url, document: list })) as DocumentLoader;
      const document = credential(entry('5'));
      const ours = await checkStatusOfVerifiedList(structuredClone(document), loader);
      const library = await checkStatus({ credential: structuredClone(document), documentLoader: loader, suite: {}, verifyBitstringStatusListCredential: false, verifyMatchingIssuers: true });
      expect(outcome(ours)).toEqual(outcome(library as never));
      expect(ours.verified).toBe(false);
    }
  });
});
