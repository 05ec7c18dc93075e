import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { OutboxItem, OutboxMessage } from '@ms/contracts/audit';
import { get } from '../../api/client.ts';
import type { Page } from '../programmes/programmes.api.ts';

export type { OutboxItem, OutboxMessage };

export const outboxQuery = (search: { q?: string; kind?: string; page?: number }) =>
  queryOptions({
    queryKey: ['outbox', search],
    queryFn: ({ signal }) => get<Page<OutboxItem>>('/api/outbox', { ...search, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });

export const outboxMessageQuery = (id: string) =>
  queryOptions({ queryKey: ['outbox-message', id], queryFn: ({ signal }) => get<OutboxMessage>(`/api/outbox/${id}`, undefined, signal) });
