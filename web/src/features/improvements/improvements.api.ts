import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AreaCoverage, CreateImprovementBody, Improvement, ImprovementPage } from '@ms/contracts/improvements';
import type { Municipality } from '@ms/contracts/reference';
import type { Session } from '@ms/contracts/schedule';
import { api, get, post, withQuery } from '../../api/client.ts';

export type { AreaCoverage, Improvement, ImprovementPage };

/** The board's filter, order and page as the tab keeps them. */
export interface BoardParams {
  area?: string;
  q?: string;
  sort: 'createdAt' | 'area' | 'municipality';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const boardQuery = (streamId: string, params: BoardParams) =>
  queryOptions({
    queryKey: ['improvements', streamId, params],
    queryFn: ({ signal }) => get<ImprovementPage>(`/api/streams/${streamId}/improvements`, { ...params }, signal),
    placeholderData: keepPreviousData,
  });
export const coverageQuery = (streamId: string) =>
  queryOptions({ queryKey: ['improvements-coverage', streamId], queryFn: ({ signal }) => get<AreaCoverage>(`/api/streams/${streamId}/improvements/coverage`, undefined, signal) });
export const boardCsvUrl = (streamId: string, params: BoardParams) =>
  withQuery(`/api/streams/${streamId}/improvements.csv`, { area: params.area, q: params.q, sort: params.sort, order: params.order });

/** Strategic sessions of the stream (from its timetable), to link an improvement to. */
export const strategicSessionsQuery = (streamId: string) =>
  queryOptions({
    queryKey: ['timetable', streamId, 'strategic'],
    queryFn: ({ signal }) => get<{ items: Session[] }>(`/api/streams/${streamId}/timetable`, undefined, signal).then((r) => r.items.filter((s) => s.kind === 'strategic_session')),
  });
export const municipalitiesQuery = (region: string | null) =>
  queryOptions({
    queryKey: ['municipalities', region],
    queryFn: ({ signal }) => get<{ items: Municipality[] }>('/api/municipalities', { region: region ?? undefined, pageSize: 500 }, signal).then((r) => r.items),
    enabled: Boolean(region),
    staleTime: 300_000,
  });

export const createImprovement = (streamId: string, body: CreateImprovementBody) => post<Improvement>(`/api/streams/${streamId}/improvements`, body);
export const deleteImprovement = (id: string) => api<{ ok: true }>(`/api/improvements/${id}`, { method: 'DELETE' });
