import type { MessageKey } from './messages.ts';

/** Every error the API can answer with; the table gives its HTTP status and its translated title. */
export const ERROR_CODES = {
  validation: { status: 400, title: 'error.validation' },
  bad_request: { status: 400, title: 'error.bad_request' },
  unauthenticated: { status: 401, title: 'error.unauthenticated' },
  invalid_credentials: { status: 401, title: 'error.invalid_credentials' },
  totp_required: { status: 401, title: 'error.totp_required' },
  totp_invalid: { status: 401, title: 'error.totp_invalid' },
  forbidden: { status: 403, title: 'error.forbidden' },
  csrf: { status: 403, title: 'error.csrf' },
  not_found: { status: 404, title: 'error.not_found' },
  job_not_found: { status: 404, title: 'error.job_not_found' },
  conflict: { status: 409, title: 'error.conflict' },
  in_use: { status: 409, title: 'error.in_use' },
  token_invalid: { status: 410, title: 'error.token_invalid' },
  payload_too_large: { status: 413, title: 'error.payload_too_large' },
  unsupported_media_type: { status: 415, title: 'error.unsupported_media_type' },
  weak_password: { status: 422, title: 'error.weak_password' },
  import_invalid: { status: 422, title: 'error.import_invalid' },
  file_unreadable: { status: 422, title: 'error.file_unreadable' },
  rate_limited: { status: 429, title: 'error.rate_limited' },
  internal: { status: 500, title: 'error.internal' },
} as const satisfies Record<string, { status: number; title: MessageKey }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A field-level problem; `message` is a catalogue key with its parameters, translated when answered. */
export interface FieldProblem {
  path: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** The one error type services throw. The error handler turns it into RFC 9457 problem details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[];
  readonly extra: Record<string, unknown>;

  constructor(code: ErrorCode, options: { fields?: FieldProblem[]; extra?: Record<string, unknown>; cause?: unknown } = {}) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.extra = options.extra ?? {};
  }
}

export const notFound = (): AppError => new AppError('not_found');
export const forbidden = (): AppError => new AppError('forbidden');
