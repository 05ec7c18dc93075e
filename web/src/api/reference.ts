import { queryOptions } from '@tanstack/react-query';
import type { FederalDistrict, Region } from '@ms/contracts/reference';
import { get } from './client.ts';

export type { FederalDistrict, Region };

// Reference data changes only with a release: fetch once per visit.
export const regionsQuery = queryOptions({
  queryKey: ['regions'],
  queryFn: ({ signal }) => get<{ items: Region[] }>('/api/regions', undefined, signal).then((r) => r.items),
  staleTime: Infinity,
});

export const federalDistrictsQuery = queryOptions({
  queryKey: ['federal-districts'],
  queryFn: ({ signal }) => get<{ items: FederalDistrict[] }>('/api/federal-districts', undefined, signal).then((r) => r.items),
  staleTime: Infinity,
});
