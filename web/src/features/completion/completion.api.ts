import { queryOptions } from '@tanstack/react-query';
import type { CompletionRules, MissingItem, MyProgress, ParticipantProgress, StreamProgress } from '@ms/contracts/completion';
import { api, get, put } from '../../api/client.ts';

export type { CompletionRules, MissingItem, MyProgress, ParticipantProgress, StreamProgress };

export type ProgressFilter = 'all' | 'eligible' | 'not_eligible' | 'missing_attendance' | 'missing_assignment' | 'missing_project' | 'exception';
/** The progress table's filter and page. */
export interface ProgressParams {
  filter: ProgressFilter;
  q?: string;
  page: number;
  pageSize: number;
}

export const myProgressQuery = queryOptions({ queryKey: ['my-progress'], queryFn: ({ signal }) => get<MyProgress>('/api/me/progress', undefined, signal) });
export const streamProgressQuery = (streamId: string, query: ProgressParams) =>
  queryOptions({ queryKey: ['progress', streamId, query], queryFn: ({ signal }) => get<StreamProgress>(`/api/streams/${streamId}/progress`, { ...query }, signal) });
export const updateRules = (programmeId: string, patch: Partial<Pick<CompletionRules, 'isAttendanceRequired' | 'isAssignmentsRequired' | 'isProjectRequired'>>) =>
  put<CompletionRules>(`/api/programmes/${programmeId}/completion-rules`, patch);
const exceptionUrl = (streamId: string, personId: string) => `/api/streams/${streamId}/participants/${personId}/completion-exception`;
export const grantException = (streamId: string, personId: string, reason: string) => put<{ ok: true }>(exceptionUrl(streamId, personId), { reason });
export const revokeException = (streamId: string, personId: string) => api<{ ok: true }>(exceptionUrl(streamId, personId), { method: 'DELETE' });
