import { queryOptions } from '@tanstack/react-query';
import type { Person, UpdatePersonBody } from '@ms/contracts/people';
import type { ErasureResult } from '@ms/contracts/privacy';
import type { Municipality } from '@ms/contracts/reference';
import { api, get, post } from '../../api/client.ts';

export type { Municipality, Person, UpdatePersonBody };

export const personQuery = (id: string) =>
  queryOptions({ queryKey: ['person', id], queryFn: ({ signal }) => get<Person>(`/api/people/${id}`, undefined, signal) });

export const updatePerson = (id: string, body: UpdatePersonBody) => api<Person>(`/api/people/${id}`, { method: 'PATCH', body });

export const erasePerson = (id: string, reason: string) => post<ErasureResult>(`/api/people/${id}/erasure`, { reason });

/** The municipalities of one region, for the person form's select (a region has at most a few hundred). */
export const municipalitiesQuery = (region: string | null) =>
  queryOptions({
    queryKey: ['municipalities', region],
    queryFn: ({ signal }) => get<{ items: Municipality[] }>('/api/municipalities', { region, pageSize: 500 }, signal).then((r) => r.items),
    enabled: Boolean(region),
    staleTime: 5 * 60_000,
  });
