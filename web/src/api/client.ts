/**
 * The one way the web app talks to the API: same-origin cookies, the CSRF header on state-changing
 * requests, the UI language in Accept-Language, and RFC 9457 problems thrown as ProblemError.
 */

export interface FieldError {
  path: string;
  message: string;
}

/** RFC 9457 problem details as the server answers them (already translated). */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors: FieldError[];
}

/** Thrown for every failed request; `code` is 'network' when the server could not be reached. */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.title || problem.code);
    this.name = 'ProblemError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  /** The message for one field, matched on the last segment of its path (body.email → email). */
  fieldError(field: string): string | undefined {
    return this.problem.errors.find((e) => e.path === field || e.path.split('.').at(-1) === field)?.message;
  }
}

export function isProblem(error: unknown, code?: string): error is ProblemError {
  return error instanceof ProblemError && (code === undefined || error.code === code);
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// Module state, not React state: the token and language are needed by every request, rendered or not.
let csrfToken: string | null = null;
let language = 'ru';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setRequestLanguage(lang: string): void {
  language = lang;
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds a path with a query string, leaving out empty values. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  isRetry?: boolean;
}

async function refreshCsrfToken(): Promise<boolean> {
  try {
    const response = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) return false;
    const me = (await response.json()) as { csrfToken?: string };
    csrfToken = me.csrfToken ?? null;
    return csrfToken !== null;
  } catch {
    return false;
  }
}

async function toProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return {
        type: body.type,
        title: body.title ?? response.statusText,
        status: body.status ?? response.status,
        code: body.code ?? 'http_error',
        detail: body.detail,
        errors: Array.isArray(body.errors) ? body.errors : [],
      };
    } catch {
      // fall through to the generic problem below
    }
  }
  return { title: response.statusText, status: response.status, code: 'http_error', errors: [] };
}

/** Calls the API and returns the parsed JSON body (undefined for 204). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = (options.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ProblemError({ title: '', status: 0, code: 'network', errors: [] });
  }
  if (!response.ok) {
    const problem = await toProblem(response);
    // The token may have changed (another tab signed in again): fetch the current one and retry once.
    if (problem.code === 'csrf' && !options.isRetry && (await refreshCsrfToken())) {
      return api<T>(path, { ...options, isRetry: true });
    }
    throw new ProblemError(problem);
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) => api<T>(path, { query, signal });
export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body: body ?? {} });
export const put = <T>(path: string, body?: unknown) => api<T>(path, { method: 'PUT', body: body ?? {} });
