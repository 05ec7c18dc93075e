import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../lib/access.ts';
import { AppError } from '../lib/errors.ts';
import { pickLocale } from '../lib/i18n.ts';
import type { Locale } from '../lib/messages.ts';
import type { AuthService, RequestMeta } from '../features/auth/auth.service.ts';

export const SESSION_COOKIE = 'ms_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    actor: Actor | null;
    sessionToken: string | null;
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /** false on the few routes that start a session (sign-in, invitation, reset). */
    csrf?: boolean;
    /** Open without signing in. Every other /api route answers 401 before even validating input. */
    isPublic?: boolean;
  }
}

/** The signed-in actor, or a 401 problem. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null, locale: request.locale };
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/**
 * Resolves the session cookie to an actor and the language to answer in, and enforces CSRF:
 * a state-changing request carried by the session cookie must echo the session's CSRF token.
 */
export function registerRequestContext(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('locale', 'ru');
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('sessionId', null);

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 200) return;
    const session = await auth.resolveSession(token);
    if (!session) return;
    request.actor = session.actor;
    request.sessionToken = token;
    request.sessionId = session.sessionId;
    // The user's own setting wins over the browser's header.
    request.locale = pickLocale(request.headers['accept-language'], session.locale);
  });

  app.addHook('preValidation', async (request) => {
    // Deny by default: a signed-out caller learns nothing about a private route, not even its input rules.
    const isApi = request.url.startsWith('/api/') && !request.url.startsWith('/api/docs');
    if (isApi && !request.actor && request.routeOptions.config?.isPublic !== true) throw new AppError('unauthenticated');
    if (!request.sessionToken || !UNSAFE_METHODS.has(request.method)) return;
    if (request.routeOptions.config?.csrf === false) return;
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, auth.csrfTokenFor(request.sessionToken))) {
      throw new AppError('csrf');
    }
  });
}
