import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Intake, Programme, Stream } from '@ms/contracts/programmes';
import { get } from '../../api/client.ts';

export type { Intake, Programme, Stream };

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const programmesQuery = (params: { q?: string; page?: number; pageSize: number }) =>
  queryOptions({
    queryKey: ['programmes', params],
    queryFn: ({ signal }) => get<Page<Programme>>('/api/programmes', params, signal),
    placeholderData: keepPreviousData,
  });

export const programmeQuery = (id: string) =>
  queryOptions({ queryKey: ['programme', id], queryFn: ({ signal }) => get<Programme>(`/api/programmes/${id}`, undefined, signal) });

export const intakesQuery = (programmeId: string) =>
  queryOptions({
    queryKey: ['intakes', programmeId],
    queryFn: ({ signal }) => get<Page<Intake>>('/api/intakes', { programmeId, pageSize: 500 }, signal),
  });

export const streamsQuery = (params: { programmeId?: string; intakeId?: string }) =>
  queryOptions({
    queryKey: ['streams', params],
    queryFn: ({ signal }) => get<Page<Stream>>('/api/streams', { ...params, pageSize: 500 }, signal),
  });

export const streamQuery = (id: string) =>
  queryOptions({ queryKey: ['stream', id], queryFn: ({ signal }) => get<Stream>(`/api/streams/${id}`, undefined, signal) });
