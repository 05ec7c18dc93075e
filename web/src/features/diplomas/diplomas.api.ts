import { queryOptions } from '@tanstack/react-query';
import type { CeremonyGraduates, DiplomaSummary, PublicDiploma, ScheduledIssue, StreamDiplomas, VerificationResult } from '@ms/contracts/diplomas';
import { api, get, post, put } from '../../api/client.ts';

// Types only come from the contracts: importing their values would bundle zod into the web app.
export type { CeremonyGraduates, DiplomaSummary, PublicDiploma, ScheduledIssue, StreamDiplomas, VerificationResult };

export const streamDiplomasQuery = (streamId: string) =>
  queryOptions({ queryKey: ['diplomas', 'stream', streamId], queryFn: ({ signal }) => get<StreamDiplomas>(`/api/streams/${streamId}/diplomas`, undefined, signal) });
export const myDiplomasQuery = queryOptions({ queryKey: ['diplomas', 'mine'], queryFn: ({ signal }) => get<{ items: DiplomaSummary[] }>('/api/me/diplomas', undefined, signal) });
export const publicDiplomaQuery = (id: string, language: string) =>
  queryOptions({ queryKey: ['diplomas', 'public', id, language], queryFn: ({ signal }) => get<PublicDiploma>(`/api/public/diplomas/${encodeURIComponent(id)}`, undefined, signal), retry: false });

/** Graduates on the final ceremony session; other sessions answer 404 (no retry: the page shows nothing). */
export const ceremonyGraduatesQuery = (sessionId: string) =>
  queryOptions({ queryKey: ['diplomas', 'ceremony', sessionId], queryFn: ({ signal }) => get<CeremonyGraduates>(`/api/sessions/${sessionId}/graduates`, undefined, signal), retry: false });
export const scheduleIssue = (streamId: string) => post<ScheduledIssue>(`/api/streams/${streamId}/diplomas/schedule`, {});
export const cancelScheduledIssue = (streamId: string) => api<{ ok: true }>(`/api/streams/${streamId}/diplomas/schedule`, { method: 'DELETE' });

export const setOverride = (streamId: string, personId: string, isEligible: boolean | null, reason: string) =>
  put<{ ok: true }>(`/api/streams/${streamId}/diplomas/overrides/${personId}`, { isEligible, reason });
export const startIssue = (streamId: string, validFrom?: string) => post<{ jobId: string }>(`/api/streams/${streamId}/diplomas/issue`, validFrom ? { validFrom } : {});
export const revokeDiploma = (id: string, reason: string) => post<DiplomaSummary>(`/api/diplomas/${id}/revoke`, { reason });
export const reinstateDiploma = (id: string, reason: string) => post<DiplomaSummary>(`/api/diplomas/${id}/reinstate`, { reason });
export const verifyCredential = (credential: Record<string, unknown>) => post<VerificationResult>('/api/public/diplomas/verify', credential);

export const pdfUrl = (id: string) => `/api/diplomas/${id}/pdf`;
export const credentialUrl = (id: string) => `/api/diplomas/${id}/credential`;
export const zipUrl = (streamId: string) => `/api/streams/${streamId}/diplomas/zip`;
