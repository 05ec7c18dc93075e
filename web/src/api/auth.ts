import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Me } from '@ms/contracts/auth';
import { get, isProblem, post, put, setCsrfToken } from './client.ts';

export type { Me };

/** The signed-in user, or null when there is no session (401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await get<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isProblem(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQuery = queryOptions({ queryKey: ['me'], queryFn: fetchMe, staleTime: 5 * 60_000 });

/** Puts a fresh session (from sign-in, invitation or reset) into the cache. */
export function rememberSession(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(meQuery.queryKey, me);
}

/** Drops everything cached for the previous user. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries();
  queryClient.setQueryData(meQuery.queryKey, null);
}

export interface SignInInput {
  email: string;
  password: string;
  totpCode?: string;
}

export const signIn = (body: SignInInput) => post<Me>('/api/auth/sign-in', body);
export const signOut = () => post<{ ok: true }>('/api/auth/sign-out');
export const signOutEverywhere = () => post<{ ok: true }>('/api/auth/sign-out-all');
export const saveLocale = (locale: 'ru' | 'en') => put<{ ok: true }>('/api/auth/me/locale', { locale });
export const describeInvitation = (token: string) =>
  get<{ email: string; displayName: string }>(`/api/auth/invitations/${encodeURIComponent(token)}`);
export const acceptInvitation = (token: string, password: string) =>
  post<Me>('/api/auth/invitations/accept', { token, password });
export const requestPasswordReset = (email: string) => post<{ ok: true }>('/api/auth/password-reset', { email });
export const completePasswordReset = (token: string, password: string) =>
  post<Me>('/api/auth/password-reset/complete', { token, password });
export const beginTotp = () => post<{ secret: string; otpauthUrl: string }>('/api/auth/totp/setup');
export const confirmTotp = (code: string) => post<{ ok: true }>('/api/auth/totp/confirm', { code });
export const disableTotp = (code: string) => post<{ ok: true }>('/api/auth/totp/disable', { code });
