import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { RegionsSummary, RosterPage } from '@ms/contracts/people';
import { get, withQuery } from '../../api/client.ts';
import { rosterApiQuery, type RosterSearch } from './roster-search.ts';

export type { RegionsSummary, RosterPage };

export const rosterQuery = (streamId: string, search: RosterSearch) =>
  queryOptions({
    queryKey: ['roster', streamId, rosterApiQuery(search), search.page ?? 1, search.pageSize ?? 50],
    queryFn: ({ signal }) =>
      get<RosterPage>(`/api/streams/${streamId}/roster`, { ...rosterApiQuery(search), page: search.page ?? 1, pageSize: search.pageSize ?? 50 }, signal),
    placeholderData: keepPreviousData,
  });

export const regionsSummaryQuery = (streamId: string) =>
  queryOptions({
    queryKey: ['regions-summary', streamId],
    queryFn: ({ signal }) => get<RegionsSummary>(`/api/streams/${streamId}/regions-summary`, undefined, signal),
  });

/** A plain link for the browser to download: the session cookie goes along, the filters are the page's. */
export function rosterExportUrl(streamId: string, search: RosterSearch, format: 'csv' | 'xlsx'): string {
  return withQuery(`/api/streams/${streamId}/roster/export`, { ...rosterApiQuery(search), format });
}
