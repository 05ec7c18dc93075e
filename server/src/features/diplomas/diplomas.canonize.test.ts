import jsonld from 'jsonld';
import fc from 'fast-check';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoisedCanonize } from './diplomas.canonize.ts';
import { documentShape, MARK } from './diplomas.canonize-shape.ts';
import { createDocumentLoader, isBundledContext, OB_V3_CONTEXT, VC_V2_CONTEXT } from './diplomas.contexts.ts';
import { buildDiplomaCredential } from './diplomas.credential.ts';
import { diplomaStream } from './diplomas.test-data.ts';

const loader = createDocumentLoader();
// The options DataIntegrityProof passes for the document and for the proof configuration.
const DOCUMENT_OPTIONS = { documentLoader: loader, base: null, safe: true };
const PROOF_OPTIONS = { documentLoader: loader, safe: true, base: null, skipExpansion: false };
const DID = 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';

// The library's canonize as imported, before any spy: the reference every result is compared with.
const libraryCanonize = cryptosuite.canonize;
type Tally = { accepted: number; rejected: number };

/** Both canonicalizations of one document: the same N-Quads, or both refuse it. */
async function expectSameAsLibrary(canonize: ReturnType<typeof createMemoisedCanonize>, document: object, options: object = DOCUMENT_OPTIONS, tally?: Tally) {
  const [fast, library] = await Promise.allSettled([canonize(structuredClone(document), { ...options }), libraryCanonize(structuredClone(document), { ...options })]);
  if (library.status === 'rejected') expect(fast.status, `library refused: ${String(library.reason)}`).toBe('rejected');
  else expect(fast.status === 'fulfilled' ? fast.value : fast.reason).toBe(library.value);
  if (tally) tally[library.status === 'fulfilled' ? 'accepted' : 'rejected'] += 1;
}

/**
 * Runs a property against a fresh memo whose fallbacks to the library are counted, and checks that
 * the property really exercised the memo: at least `minTemplatedShare` of the accepted documents took the
 * template path. The share varies with the random documents, so each property's floor sits well below
 * what its runs give (credentials 0.60–0.76, inline documents 0.29–0.44 over twelve runs; a floor of 1/3
 * for the inline ones failed about one run in three).
 */
async function checkProperty(arb: fc.Arbitrary<object>, numRuns: number, minTemplatedShare: number) {
  const fallback = vi.spyOn(cryptosuite, 'canonize');
  const canonize = createMemoisedCanonize(isBundledContext);
  const tally: Tally = { accepted: 0, rejected: 0 };
  await fc.assert(
    fc.asyncProperty(arb, (document) => expectSameAsLibrary(canonize, document, DOCUMENT_OPTIONS, tally)),
    { numRuns },
  );
  const templated = tally.accepted + tally.rejected - fallback.mock.calls.length;
  expect(tally.accepted).toBeGreaterThan(numRuns / 4);
  expect(templated).toBeGreaterThan(tally.accepted * minTemplatedShare);
}

/** Strings that have broken canonicalizers: quotes, escapes, controls, blank-node and IRI look-alikes, Unicode. */
const HOSTILE = ['', ' ', '_:b0', '_:c14n0', '<', '>', '<https://x>', '"', '\\', '\\"', 'a\nb', 'a\r\nb', '\t', '\u0000', '\u0007', '\u007f', '\u0085', '\u00a0', '\u2028', '\ud800', '😀', 'ё', 'Иванова "Анна"', '@id', '@type', 'https://example.com/a', 'https://example.com/a b', 'https://example.com/<a>', 'http://example.com/a#b', 'https:', 'https://', 'did:', 'did:key:z6Mk', 'urn:uuid:0c9e', 'mailto:a@b.c', 'xsd:string', 'ex:thing', 'ob:x', 'cred:x', 'a:b', 'HTTPS://EXAMPLE.COM', '#frag', '/relative', 'relative', '//host/path', 'a,b:c', MARK.slice(0, 6)];
const IRIS = ['https://example.com/a', 'https://example.com/b', DID, `${DID}#${DID.slice(8)}`, 'urn:uuid:7d1b0a8e-3c1f-4a51-9d1e-2f0c7b6a5e41', 'https://example.com/é', 'https://example.com/a|b', 'https://example.com/a"b', 'https://example.com/a/../b', 'https://example.com/./c', 'ex:compact', 'xsd:string', 'HTTPS://EXAMPLE.COM/X', 'mailto:a@b.c', '_:b1', '_:c14n0'];
// Mostly IRIs JSON-LD accepts (so that documents get through safe mode), sometimes anything at all.
const REFUSED_IRIS = ['relative', 'https://example.com/a b', '', '#frag', '@id', 'https://example.com/\n'];
const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 6 }));
// Small pools, so that the same IRI sometimes lands in two places (nodes that merge, values that repeat).
const iri = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...IRIS) },
  { weight: 20, arbitrary: fc.tuple(fc.constantFrom('https://example.com/n/', 'urn:x:', 'did:web:example.com:'), fc.nat(99)).map(([prefix, n]) => `${prefix}${n}`) },
  { weight: 1, arbitrary: fc.constantFrom(...REFUSED_IRIS) },
  { weight: 1, arbitrary: text },
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const compact = <T extends Record<string, unknown>>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

/** OpenBadgeCredential-like documents with random, hostile values in every free position. */
const credentialArb = fc
  .record({
    id: maybe(iri),
    name: maybe(text),
    description: maybe(fc.oneof(text, fc.array(text, { maxLength: 3 }))),
    issuer: fc.record({ id: iri, name: maybe(text), url: maybe(iri), email: maybe(text) }),
    validFrom: maybe(text),
    subject: fc.record({ id: maybe(iri), names: fc.array(text, { maxLength: 3 }), licenseNumber: maybe(text), achievementId: maybe(iri), tags: fc.array(text, { maxLength: 4 }), achievementType: maybe(fc.oneof({ weight: 9, arbitrary: fc.constantFrom('Diploma', 'Badge', 'Certificate', 'ext:Custom') }, { weight: 1, arbitrary: text })) }),
    status: maybe(fc.record({ id: iri, index: text, list: iri, purpose: fc.oneof(fc.constantFrom('revocation', 'suspension'), text) })),
    extra: fc.boolean(),
  })
  .map((r) =>
    compact({
      '@context': r.extra ? [VC_V2_CONTEXT, OB_V3_CONTEXT, { timeRequired: { '@id': 'https://schema.org/timeRequired' } }] : [VC_V2_CONTEXT, OB_V3_CONTEXT],
      id: r.id,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: r.name,
      description: r.description,
      issuer: compact({ id: r.issuer.id, type: ['Profile'], name: r.issuer.name, url: r.issuer.url, email: r.issuer.email }),
      validFrom: r.validFrom,
      credentialSubject: compact({
        id: r.subject.id,
        type: ['AchievementSubject'],
        identifier: r.subject.names.map((name) => ({ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: name })),
        licenseNumber: r.subject.licenseNumber,
        achievement: compact({ id: r.subject.achievementId, type: ['Achievement'], name: 'Школа мэров', tag: r.subject.tags, achievementType: r.subject.achievementType, ...(r.extra ? { timeRequired: 'PT10H' } : {}) }),
      }),
      credentialStatus: r.status && { id: r.status.id, type: 'BitstringStatusListEntry', statusPurpose: r.status.purpose, statusListIndex: r.status.index, statusListCredential: r.status.list },
    }),
  );

/**
 * Documents under an inline context that exercises what JSON-LD does to strings: IRI and vocabulary
 * coercion, compact IRIs, JSON literals, languages and directions, lists, sets, index and language
 * maps, an alias of @type, and nested nodes.
 */
const INLINE_CONTEXT = {
  ex: 'https://ex.example/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  Thing: 'ex:Thing',
  kind: '@type',
  ident: '@id',
  link: { '@id': 'ex:link', '@type': '@id' },
  choice: { '@id': 'ex:choice', '@type': '@vocab' },
  blob: { '@id': 'ex:blob', '@type': '@json' },
  label: { '@id': 'ex:label', '@language': 'ru' },
  rtl: { '@id': 'ex:rtl', '@language': 'ar', '@direction': 'rtl' },
  when: { '@id': 'ex:when', '@type': 'xsd:dateTime' },
  note: 'ex:note',
  list: { '@id': 'ex:list', '@container': '@list' },
  tags: { '@id': 'ex:tags', '@container': '@set' },
  byIndex: { '@id': 'ex:byIndex', '@container': '@index' },
  byLang: { '@id': 'ex:byLang', '@container': '@language' },
  child: 'ex:child',
};
const inlineNode: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
  node: fc
    .record({
      ident: maybe(iri),
      kind: maybe(fc.oneof({ weight: 9, arbitrary: fc.constantFrom('Thing', 'ex:Kind', 'https://ex.example/ns#Thing') }, { weight: 1, arbitrary: text })),
      link: maybe(fc.oneof(iri, fc.array(iri, { maxLength: 3 }))),
      choice: maybe(fc.oneof({ weight: 9, arbitrary: fc.oneof(fc.constantFrom('Thing', 'ex:Other', 'https://ex.example/ns#Thing'), fc.constantFrom(...IRIS)) }, { weight: 1, arbitrary: text })),
      blob: maybe(fc.oneof(text, fc.dictionary(fc.constantFrom('a', 'b'), text))),
      label: maybe(text),
      rtl: maybe(text),
      when: maybe(text),
      note: maybe(fc.oneof(text, fc.array(fc.oneof(text, fc.integer(), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 4 }), fc.record({ '@value': text, '@language': fc.constantFrom('en', 'ru-RU') }))),
      list: maybe(fc.array(text, { maxLength: 3 })),
      tags: maybe(fc.array(fc.oneof(text, fc.constant('same')), { maxLength: 4 })),
      byIndex: maybe(fc.dictionary(fc.constantFrom('i1', 'i2'), text)),
      byLang: maybe(fc.dictionary(fc.constantFrom('en', 'ru'), text)),
      child: maybe(fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('node'), fc.array(tie('node'), { maxLength: 2 }))),
    })
    .map(compact),
}))
  .node;
// The same terms with a base IRI (relative references resolve) and with a default vocabulary.
const CONTEXTS = [INLINE_CONTEXT, { ...INLINE_CONTEXT, '@base': 'https://base.example/dir/' }, { ...INLINE_CONTEXT, '@vocab': 'https://vocab.example/#' }];
const inlineArb = fc.tuple(inlineNode, fc.constantFrom(...CONTEXTS)).map(([node, context]) => ({ '@context': context, ...node }));

describe('memoised eddsa-rdfc-2022 canonicalization', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the library N-Quads for diplomas and their proof configurations, and expands each shape once', async () => {
    const canonize = createMemoisedCanonize(isBundledContext);
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    const names = ['Иванова Анна Сергеевна', 'O\'Brien "Jack"\n\\', '_:b0', 'https://evil.example/x', ''];
    for (const [i, name] of names.entries()) {
      const credential = buildDiplomaCredential({ id: `id${i}`, publicUrl: 'https://school.example', issuerDid: DID, stream: diplomaStream, holderName: name, holderEmail: i % 2 ? null : `a${i}@example.test`, salt: `s${i}`, registryNumber: `ШМ-2025-00000${i}`, validFrom: new Date('2025-06-05T12:00:00Z'), statusListUrl: 'https://school.example/api/public/status-lists/1', statusIndex: i });
      await expectSameAsLibrary(canonize, credential);
      const proof = { '@context': credential['@context'], type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: `2025-06-05T12:00:0${i}Z`, verificationMethod: `${DID}#${DID.slice(8)}`, proofPurpose: 'assertionMethod' };
      await expectSameAsLibrary(canonize, proof, PROOF_OPTIONS);
    }
    const libraryCalls = names.length * 2;
    // Two shapes (with and without e-mail) and one proof shape, plus a retry per learned slot: a handful, not one per document.
    expect(toRdf.mock.calls.length - libraryCalls).toBeLessThanOrEqual(8);
  });

  it('matches the library on random OpenBadgeCredentials with hostile strings', async () => {
    await checkProperty(credentialArb, 250, 1 / 3);
  });

  it('matches the library on random documents under an inline context (IRIs, vocabulary, JSON, languages, lists, maps)', async () => {
    await checkProperty(inlineArb, 300, 1 / 6);
  });

  it('leaves to the library what it cannot vouch for: unknown contexts, the marker, other options', async () => {
    const canonize = createMemoisedCanonize(isBundledContext);
    const base = { '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT], type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'x', issuer: { id: DID, type: ['Profile'] } };
    const forged = [{ ...base, name: `${MARK}0z` }, { ...base, issuer: { id: `did:${MARK}1z`, type: ['Profile'] } }, { ...base, [`${MARK}2z`]: 'x' }];
    for (const document of forged) {
      expect(documentShape(document, isBundledContext)).toBeNull();
      await expectSameAsLibrary(canonize, document);
    }
    const unknown = { ...base, '@context': [VC_V2_CONTEXT, 'https://example.com/unknown.json'] };
    expect(documentShape(unknown, isBundledContext)).toBeNull();
    await expectSameAsLibrary(canonize, unknown);
    expect(documentShape({ ...base, '@context': [VC_V2_CONTEXT, { '@import': 'https://example.com/x.json' }] }, isBundledContext)).toBeNull();
    // Options the library's own flow never passes are not memoised.
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    await expectSameAsLibrary(canonize, base, { ...DOCUMENT_OPTIONS, rdfDirection: null });
    expect(toRdf).toHaveBeenCalledTimes(2);
  });
});
