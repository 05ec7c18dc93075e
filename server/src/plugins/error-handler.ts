import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type ErrorCode, type FieldProblem } from '../lib/errors.ts';
import { translate } from '../lib/i18n.ts';
import type { Locale, MessageKey } from '../lib/messages.ts';

interface ZodIssueLike {
  code?: string;
  path?: readonly PropertyKey[];
  message?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
  input?: unknown;
}

/** Maps a zod issue to a catalogue message so field errors are in the user's language. */
function fieldProblemFromIssue(issue: ZodIssueLike, part: string): FieldProblem {
  const path = [part, ...(issue.path ?? []).map(String)].filter(Boolean).join('.');
  const key = ((): { key: MessageKey; params?: Record<string, string | number> } => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined && (issue.message ?? '').includes('undefined')
          ? { key: 'field.required' }
          : { key: 'field.expected_type', params: { expected: issue.expected ?? '?' } };
      case 'too_small':
        return issue.origin === 'string'
          ? { key: 'field.too_short', params: { min: Number(issue.minimum) } }
          : { key: 'field.too_small', params: { min: Number(issue.minimum) } };
      case 'too_big':
        return issue.origin === 'string'
          ? { key: 'field.too_long', params: { max: Number(issue.maximum) } }
          : { key: 'field.too_big', params: { max: Number(issue.maximum) } };
      case 'invalid_format':
        return issue.format === 'email' ? { key: 'field.invalid_email' } : { key: 'field.invalid' };
      case 'invalid_value':
        return { key: 'field.one_of', params: { options: (issue.values ?? []).map(String).join(', ') } };
      case 'unrecognized_keys':
        return { key: 'field.unknown_key' };
      default:
        return { key: 'field.invalid' };
    }
  })();
  return { path, ...key };
}

export function problemBody(request: FastifyRequest, code: ErrorCode, fields: FieldProblem[], extra: Record<string, unknown> = {}) {
  const locale: Locale = request.locale ?? 'ru';
  const { status, title } = ERROR_CODES[code];
  const translatedTitle = translate(locale, title);
  return {
    type: `urn:mayors-school:problem:${code}`,
    title: translatedTitle,
    status,
    code,
    detail: fields.length > 0 ? fields.map((f) => `${f.path}: ${translate(locale, f.key, f.params)}`).join('; ') : translatedTitle,
    instance: request.url.split('?')[0],
    errors: fields.map((f) => ({ path: f.path, message: translate(locale, f.key, f.params) })),
    ...extra,
  };
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, fields: FieldProblem[] = [], extra = {}) {
  const body = problemBody(request, code, fields, extra);
  return reply.status(body.status).type('application/problem+json').send(body);
}

/** One error handler for the whole API: RFC 9457 problem details, translated, never a stack trace. */
export function registerErrorHandler(app: FastifyInstance, options: { spaFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendProblem(request, reply, error.code, error.fields, error.extra);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = error.validationContext ?? 'body';
      const fields = error.validation.map((v) =>
        fieldProblemFromIssue(
          {
            ...(v.params as ZodIssueLike),
            code: v.keyword,
            message: v.message,
            path: v.instancePath.split('/').filter(Boolean),
          },
          part,
        ),
      );
      return sendProblem(request, reply, 'validation', fields);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return sendProblem(request, reply, 'internal');
    }
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(request, reply, 'payload_too_large');
    if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(request, reply, 'unsupported_media_type');
    if (status === 429) return sendProblem(request, reply, 'rate_limited');
    if (status >= 400 && status < 500) return sendProblem(request, reply, 'bad_request');
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 'internal');
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app: any non-API page GET gets the app shell.
    // Only the path decides: a query such as ?token=abc.def must not make a page look like a missing file.
    const path = request.url.split('?')[0] ?? '';
    const isPage = request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path);
    if (options.spaFallback && isPage) return reply.sendFile('index.html');
    return sendProblem(request, reply, 'not_found');
  });
}
