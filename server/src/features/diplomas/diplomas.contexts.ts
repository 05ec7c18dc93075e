import { readFileSync } from 'node:fs';
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as statusListContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import { didKeyDocument, isDidKey } from './diplomas.did.ts';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** 1EdTech's OB 3.0 context (context-3.0.3.json), bundled so that nothing is fetched at run time. */
const obContext = JSON.parse(readFileSync(new URL('./contexts/ob-v3p0-context-3.0.3.json', import.meta.url), 'utf8')) as object;

/** Every JSON-LD context the platform will ever resolve, by URL. */
const BUNDLED = new Map<string, object>([
  ...credentialsContexts,
  ...dataIntegrityContexts,
  ...multikeyContexts,
  ...statusListContexts,
  [OB_V3_CONTEXT, obContext],
]);

/** Whether a context URL is one of the bundled, immutable contexts (safe to memoise work done with it). */
export function isBundledContext(url: string): boolean {
  return BUNDLED.has(url);
}

export interface LoadedDocument {
  contextUrl: null;
  documentUrl: string;
  document: object;
}

export interface DocumentLoaderOptions {
  /** The platform's own signed status list credentials, by URL (looked up in the database, not fetched). */
  resolveOwnDocument?: (url: string) => Promise<object | null>;
}

/** The error a loader raises for anything not bundled: verification reports it instead of fetching. */
export class UnknownDocumentError extends Error {
  constructor(readonly url: string) {
    super(`document not available offline: ${url.slice(0, 200)}`);
    this.name = 'UnknownDocumentError';
  }
}

/**
 * A JSON-LD document loader that never touches the network: bundled contexts, did:key documents
 * derived from the key itself, and the platform's own documents. Anything else throws.
 */
export function createDocumentLoader(options: DocumentLoaderOptions = {}) {
  return async function documentLoader(url: string): Promise<LoadedDocument> {
    const context = BUNDLED.get(url);
    if (context) return { contextUrl: null, documentUrl: url, document: context };
    if (isDidKey(url)) {
      const document = didKeyDocument(url);
      if (document) return { contextUrl: null, documentUrl: url, document };
    }
    const own = await options.resolveOwnDocument?.(url);
    if (own) return { contextUrl: null, documentUrl: url, document: own };
    throw new UnknownDocumentError(url);
  };
}

export type DocumentLoader = ReturnType<typeof createDocumentLoader>;
