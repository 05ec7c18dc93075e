import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CreateUserBody, GrantInput, UserView } from '@ms/contracts/users';
import type { Role } from '@ms/contracts/common';
import { get, post, put } from '../../api/client.ts';
import type { Page } from '../programmes/programmes.api.ts';

export type { CreateUserBody, GrantInput, Role, UserView };

export const ROLES: readonly Role[] = ['admin', 'staff', 'coordinator', 'expert', 'participant', 'alumnus'];

export interface UsersSearch {
  q?: string;
  role?: Role;
  sort?: 'email' | 'displayName' | 'createdAt';
  order?: 'asc' | 'desc';
  page?: number;
}

export const usersQuery = (search: UsersSearch) =>
  queryOptions({
    queryKey: ['users', search],
    queryFn: ({ signal }) => get<Page<UserView>>('/api/users', { ...search, pageSize: 25 }, signal),
    placeholderData: keepPreviousData,
  });

export const createUser = (body: CreateUserBody) => post<UserView>('/api/users', body);
export const resendInvitation = (id: string) => post<{ ok: true }>(`/api/users/${id}/invitation`);
export const deactivateUser = (id: string) => post<UserView>(`/api/users/${id}/deactivate`);
export const setGrants = (id: string, grants: GrantInput[]) => put<UserView>(`/api/users/${id}/grants`, { grants });
