// The @digitalbazaar libraries ship no TypeScript types: these declare the small part we call.

declare module '@digitalbazaar/vc' {
  export function issue(options: { credential: object; suite: unknown; documentLoader: unknown; now?: string | Date }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: object;
    suite: unknown;
    documentLoader: unknown;
    checkStatus?: (options: { credential: Record<string, unknown> }) => Promise<{ verified: boolean; error?: Error }>;
    now?: string | Date;
  }): Promise<{ verified: boolean; error?: Error & { errors?: Error[] }; results?: Array<{ verified: boolean; error?: Error }>; statusResult?: { verified: boolean; error?: Error } }>;
  export function verify(options: { presentation: object; suite: unknown; documentLoader: unknown; unsignedPresentation?: boolean; challenge?: string; checkStatus?: unknown }): Promise<{
    verified: boolean;
    error?: Error & { errors?: Error[] };
    credentialResults?: Array<{ verified: boolean; error?: Error; credentialId?: string }>;
  }>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; date?: string | Date | null; cryptosuite: unknown });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: {
    name: string;
    requiredAlgorithm: string;
    canonize: (input: object, options: object) => Promise<string>;
    createVerifier: (options: { verificationMethod: Record<string, unknown> }) => Promise<{ algorithm: string; id: string; verify: (options: { data: Uint8Array; signature: Uint8Array }) => Promise<boolean> }>;
  };
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519KeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer: () => { algorithm: string; id: string; sign: (options: { data: Uint8Array }) => Promise<Uint8Array> };
    verifier: () => { algorithm: string; id: string; verify: (options: { data: Uint8Array; signature: Uint8Array }) => Promise<boolean> };
    export: (options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean; raw?: boolean }) => Promise<Record<string, unknown>>;
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519KeyPair>;
  export function from(key: Record<string, unknown>): Promise<Ed25519KeyPair>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export interface StatusList {
    setStatus: (index: number, status: boolean) => void;
    getStatus: (index: number) => boolean;
    encode: () => Promise<string>;
  }
  export function createList(options: { length: number }): Promise<StatusList>;
  export function decodeList(options: { encodedList: string }): Promise<StatusList>;
  export function createCredential(options: { id: string; list: StatusList; statusPurpose: string }): Promise<Record<string, unknown>>;
  export function checkStatus(options: { credential: object; documentLoader: unknown; suite: unknown; verifyBitstringStatusListCredential?: boolean; verifyMatchingIssuers?: boolean }): Promise<{ verified: boolean; error?: Error }>;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, object>;
  export const named: Map<string, { id: string }>;
}
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, object>;
  export const CONTEXT_URL: string;
}
declare module 'jsonld' {
  const jsonld: { canonize: (input: object, options: object) => Promise<string>; toRDF: (input: object, options: object) => Promise<import('rdf-canonize').Quad[]> };
  export default jsonld;
}

declare module 'rdf-canonize' {
  export interface Term {
    termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph';
    value: string;
    datatype?: { termType: 'NamedNode'; value: string };
    language?: string;
  }
  export interface Quad {
    subject: Term;
    predicate: Term;
    object: Term;
    graph: Term;
  }
  export function canonize(dataset: Quad[], options: object): Promise<string>;
}
