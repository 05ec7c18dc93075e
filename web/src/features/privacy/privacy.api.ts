import { queryOptions } from '@tanstack/react-query';
import type { Consent, ConsentDocument, PublishConsentDocumentBody } from '@ms/contracts/privacy';
import { get, post } from '../../api/client.ts';

export type { Consent, ConsentDocument };

export const EXPORT_URL = '/api/me/export';

export const myConsentsQuery = queryOptions({
  queryKey: ['my-consents'],
  queryFn: ({ signal }) => get<{ items: Consent[] }>('/api/me/consents', undefined, signal).then((r) => r.items),
});

export const currentConsentDocumentQuery = queryOptions({
  queryKey: ['consent-document', 'current'],
  queryFn: ({ signal }) => get<ConsentDocument>('/api/consent-documents/current', undefined, signal),
});

export const publishConsentDocument = (body: PublishConsentDocumentBody) => post<ConsentDocument>('/api/consent-documents', body);
export const grantConsent = (version: string) => post<Consent>('/api/me/consents', { version });
export const withdrawConsent = (id: string) => post<Consent>(`/api/me/consents/${id}/withdraw`);
