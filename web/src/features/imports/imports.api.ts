import { queryOptions } from '@tanstack/react-query';
import type { ImportCheck, ImportMapping, ImportSummary } from '@ms/contracts/imports';
import type { JobRun } from '@ms/contracts/jobs';
import type { Campaign } from '@ms/contracts/admissions';
import { api, get, post, put } from '../../api/client.ts';

export type { ImportCheck, ImportMapping, ImportSummary, JobRun };

/** Our fields a people file's columns can map onto (mirrors PERSON_IMPORT_FIELDS in the contracts). */
export const PERSON_FIELDS = ['last_name', 'first_name', 'middle_name', 'birth_date', 'email', 'phone', 'position', 'region', 'municipality', 'gender'] as const;

/** Uploads the file and gets the dry run back; nothing is imported yet. */
export function uploadPeopleFile(streamId: string, file: File): Promise<ImportCheck> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<ImportCheck>(`/api/streams/${streamId}/imports`, { method: 'POST', body: form });
}

/** Our fields a municipalities file's columns can map onto (mirrors MUNICIPALITY_IMPORT_FIELDS). */
export const MUNICIPALITY_FIELDS = ['region', 'name', 'kind', 'population', 'lat', 'lon'] as const;

/** Uploads a municipalities file (admin) and gets the dry run back. */
export function uploadMunicipalitiesFile(file: File): Promise<ImportCheck> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<ImportCheck>('/api/municipalities/imports', { method: 'POST', body: form });
}

/** Our fields an applications file's columns can map onto (mirrors APPLICATION_IMPORT_FIELDS). */
export const APPLICATION_FIELDS = [
  ...PERSON_FIELDS,
  'education',
  'management_years',
  'service_kind',
  'service_years',
  'test_score',
  'expert_score',
  'interview_score',
  'status',
] as const;

/** Uploads the applications of a campaign run elsewhere and gets the dry run back. */
export function uploadApplicationsFile(campaignId: string, file: File): Promise<ImportCheck> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<ImportCheck>(`/api/admissions/campaigns/${campaignId}/imports`, { method: 'POST', body: form });
}

/** The campaigns the user manages, to pick the one an applications file goes into. */
export const importCampaignsQuery = () =>
  queryOptions({ queryKey: ['import-campaigns'], queryFn: ({ signal }) => get<{ items: Campaign[] }>('/api/admissions/campaigns', undefined, signal) });

export const setMapping = (uploadId: string, mapping: ImportMapping) => put<ImportCheck>(`/api/imports/${uploadId}/mapping`, { mapping });

export const commitImport = (uploadId: string, body: { skipBadRows: boolean; invite: boolean }) =>
  post<{ jobId: string }>(`/api/imports/${uploadId}/commit`, body);

export const reportCsvUrl = (uploadId: string) => `/api/imports/${uploadId}/report?format=csv`;

/** A job's progress, polled every second until it has finished. */
export const jobQuery = (jobId: string) =>
  queryOptions({
    queryKey: ['job', jobId],
    queryFn: ({ signal }) => get<JobRun>(`/api/jobs/${jobId}`, undefined, signal),
    refetchInterval: (query) => (query.state.data && ['succeeded', 'failed'].includes(query.state.data.status) ? false : 1000),
    staleTime: 0,
  });
