import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AreaCode } from '@ms/contracts/areas';
import type {
  AdoptionPlan,
  AdoptionPlanSummary,
  AdoptionStage,
  CreateAdoptionPlanBody,
  Flows,
  KpiProgress,
  Practice,
  PracticeModule,
  PracticePage,
  PracticeStatus,
  RecordCheckInBody,
  UpdateAdoptionPlanBody,
} from '@ms/contracts/practices';
import type { Municipality } from '@ms/contracts/reference';
import { api, get, post, withQuery } from '../../api/client.ts';

export type { AdoptionPlan, AdoptionPlanSummary, AdoptionStage, Flows, KpiProgress, Practice, PracticePage, PracticeStatus };

/** The library's search, as the URL carries it. */
export interface PracticesSearch {
  q?: string;
  areas?: string;
  region?: string;
  district?: string;
  moduleId?: string;
  status?: PracticeStatus;
  sort?: 'relevance' | 'title' | 'newest' | 'adoptions';
  page?: number;
}

export const PAGE_SIZE = 20;

/** Field modules where approved practices were shown: the choices of the module filter. */
export const practiceModulesQuery = queryOptions({
  queryKey: ['practices', 'modules'],
  queryFn: ({ signal }) => get<{ items: PracticeModule[] }>('/api/practices/modules', undefined, signal).then((r) => r.items),
  staleTime: 5 * 60_000,
});

export const practicesQuery = (search: PracticesSearch) =>
  queryOptions({
    queryKey: ['practices', search],
    queryFn: ({ signal }) => get<PracticePage>('/api/practices', { ...search, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });

/** The CSV export of the same filters (a plain link: the browser downloads it with the session cookie). */
export const exportHref = (search: PracticesSearch) => withQuery('/api/practices/export', { q: search.q, areas: search.areas, region: search.region, district: search.district, moduleId: search.moduleId, status: search.status, sort: search.sort });

export const practiceQuery = (id: string) => queryOptions({ queryKey: ['practice', id], queryFn: ({ signal }) => get<Practice>(`/api/practices/${id}`, undefined, signal) });
export const practiceHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: ['practice', id, 'history'],
    queryFn: ({ signal }) => get<{ items: Array<{ id: string; action: string; editorName: string | null; changes: Array<{ field: string; before: string | null; after: string | null }>; note: string; createdAt: string }> }>(`/api/practices/${id}/history`, undefined, signal),
  });
export const kpiProgressQuery = (id: string) => queryOptions({ queryKey: ['practice', id, 'kpi-progress'], queryFn: ({ signal }) => get<KpiProgress>(`/api/practices/${id}/kpi-progress`, undefined, signal) });

export const proposePractice = (body: { programmeId: string; title: string; summary: string; originRegionCode: string; areas: AreaCode[] }) => post<Practice>('/api/practices', body);
export const approvePractice = (id: string, note = '') => post<Practice>(`/api/practices/${id}/approve`, { note });
export const rejectPractice = (id: string, note = '') => post<Practice>(`/api/practices/${id}/reject`, { note });
export const mergePractice = (id: string, intoId: string) => post<Practice>(`/api/practices/${id}/merge`, { intoId });

export const myPlansQuery = queryOptions({ queryKey: ['adoption-plans', 'me'], queryFn: ({ signal }) => get<{ items: AdoptionPlanSummary[] }>('/api/me/adoption-plans', undefined, signal).then((r) => r.items) });
export const planQuery = (id: string) => queryOptions({ queryKey: ['adoption-plan', id], queryFn: ({ signal }) => get<AdoptionPlan>(`/api/adoption-plans/${id}`, undefined, signal) });
export const createPlan = (body: Partial<CreateAdoptionPlanBody> & { practiceId: string; municipalityId: string; ownerName: string }) => post<AdoptionPlan>('/api/adoption-plans', body);
export const updatePlan = (id: string, body: UpdateAdoptionPlanBody) => api<AdoptionPlan>(`/api/adoption-plans/${id}`, { method: 'PATCH', body });
export const recordCheckIn = (planId: string, checkInId: string, body: Partial<RecordCheckInBody> & { stage: AdoptionStage }) => post<AdoptionPlan>(`/api/adoption-plans/${planId}/check-ins/${checkInId}`, body);

/** A programme's flows; with `region`, the flows list is that region's (from or into it). */
export const flowsQuery = (programmeId: string, region?: string) =>
  queryOptions({ queryKey: ['practice-flows', programmeId, region ?? null], queryFn: ({ signal }) => get<Flows>('/api/practices/flows', { programmeId, region }, signal) });

export interface OverdueItem {
  checkInId: string;
  planId: string;
  monthsAfter: number;
  dueOn: string;
  daysOverdue: number;
  adopterName: string;
  adopterEmail: string | null;
  practiceTitle: string;
  municipalityName: string;
  regionCode: string;
  stage: AdoptionStage;
  remindedAt: string | null;
}
export const overdueQuery = (programmeId: string, page: number) =>
  queryOptions({
    queryKey: ['adoption-overdue', programmeId, page],
    queryFn: ({ signal }) => get<{ items: OverdueItem[]; total: number; page: number; pageSize: number }>('/api/adoption-check-ins/overdue', { programmeId, page, pageSize: 25 }, signal),
  });
export const sendReminders = (programmeId: string) => post<{ runId: string }>('/api/adoption-check-ins/reminders', { programmeId });

export const municipalitiesQuery = (region: string | null, q: string) =>
  queryOptions({
    queryKey: ['municipalities', region, q],
    queryFn: ({ signal }) => get<{ items: Municipality[] }>('/api/municipalities', { region: region ?? undefined, q: q || undefined, pageSize: 50 }, signal).then((r) => r.items),
    enabled: region !== null,
  });
