/**
 * did:key (the issuer's identifier: the key is the identifier, so verification needs no lookup) and the
 * documents a verifier resolves from it. Only Ed25519 multikeys ("z6Mk…") are understood.
 */
export const DID_CONTEXT_V1 = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT_V1 = 'https://w3id.org/security/multikey/v1';
const ED25519_MULTIBASE = /^z6Mk[1-9A-HJ-NP-Za-km-z]{40,50}$/;

export function isDidKey(url: string): boolean {
  return url.startsWith('did:key:');
}

/** did:key:<multibase> for an Ed25519 public key in multibase form. */
export function didKeyFor(publicKeyMultibase: string): string {
  return `did:key:${publicKeyMultibase}`;
}

/** The verification method id that signs for a did:key (did:key:X#X). */
export function verificationMethodFor(publicKeyMultibase: string): string {
  return `${didKeyFor(publicKeyMultibase)}#${publicKeyMultibase}`;
}

/** The public key multibase of a did:key URL (with or without fragment), or null when it is not one of ours. */
export function multibaseOfDidKey(url: string): string | null {
  if (!isDidKey(url)) return null;
  const [did, fragment] = url.split('#');
  const multibase = did!.slice('did:key:'.length);
  if (!ED25519_MULTIBASE.test(multibase)) return null;
  if (fragment !== undefined && fragment !== multibase) return null;
  return multibase;
}

/** A Multikey verification method object. */
export function multikeyMethod(publicKeyMultibase: string, controller: string, id = `${controller}#${publicKeyMultibase}`) {
  return { id, type: 'Multikey', controller, publicKeyMultibase };
}

/**
 * The document a did:key resolves to: for the bare DID the DID document (assertionMethod lists the key),
 * for the DID URL with a fragment the verification method itself.
 */
export function didKeyDocument(url: string): object | null {
  const multibase = multibaseOfDidKey(url);
  if (!multibase) return null;
  const did = didKeyFor(multibase);
  const method = multikeyMethod(multibase, did);
  if (url.includes('#')) return { '@context': MULTIKEY_CONTEXT_V1, ...method };
  return {
    '@context': [DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1],
    id: did,
    verificationMethod: [method],
    assertionMethod: [method.id],
    authentication: [method.id],
  };
}

/** did:web identifier of the platform for its public URL (https://host:port/path → did:web:host%3Aport:path). */
export function didWebFor(publicUrl: string): string {
  const url = new URL(publicUrl);
  const host = encodeURIComponent(url.host);
  const path = url.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', host, ...path].join(':');
}

/**
 * The platform's did:web document: every key it ever signed with (current and retired) as Multikey
 * methods, so a verifier that trusts the academy's domain can check any diploma; also names the did:key
 * identifiers the credentials carry as the same controller.
 */
export function didWebDocument(publicUrl: string, keys: Array<{ publicKeyMultibase: string; isActive: boolean }>) {
  const did = didWebFor(publicUrl);
  const methods = keys.map((k) => multikeyMethod(k.publicKeyMultibase, did));
  const active = methods.filter((_m, i) => keys[i]!.isActive).map((m) => m.id);
  return {
    '@context': [DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1],
    id: did,
    alsoKnownAs: keys.map((k) => didKeyFor(k.publicKeyMultibase)),
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
    // Retired keys stay listed so what they signed keeps verifying; only the active one signs.
    authentication: active,
  };
}
