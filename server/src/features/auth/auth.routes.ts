import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptInvitationBodySchema,
  CompleteResetBodySchema,
  MeSchema,
  RequestResetBodySchema,
  SetLocaleBodySchema,
  SignInBodySchema,
  TokenInfoSchema,
  TotpConfirmBodySchema,
  TotpSetupSchema,
} from '@ms/contracts/auth';
import { OkSchema } from '@ms/contracts/common';
import { requestMeta, requireActor, SESSION_COOKIE } from '../../plugins/request-context.ts';
import type { AuthService } from './auth.service.ts';

/**
 * Attempts are limited per address and account together (so one office behind a NAT does not lock
 * its colleagues out), which is what stops guessing one account's password or flooding one inbox.
 */
function perAccountLimit(max: number) {
  return {
    max,
    timeWindow: '1 minute',
    // After body parsing, so the key can include the e-mail.
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => {
      const body = request.body as { email?: unknown } | undefined;
      return `${request.ip}|${typeof body?.email === 'string' ? body.email.toLowerCase().slice(0, 254) : ''}`;
    },
  };
}
const SIGN_IN_LIMIT = perAccountLimit(10);
const RESET_LIMIT = perAccountLimit(5);
/** One-time links carry 256-bit tokens, so guessing is hopeless; this only blunts floods per address. */
const TOKEN_LINK_LIMIT = { max: 30, timeWindow: '1 minute' };
const TAGS = ['auth'];

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; isSecureCookie: boolean; sessionAbsoluteMs: number },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { auth } = deps;

  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.isSecureCookie,
      path: '/',
      maxAge: Math.floor(deps.sessionAbsoluteMs / 1000),
    });

  r.post('/api/auth/sign-in', {
    config: { isPublic: true, csrf: false, rateLimit: SIGN_IN_LIMIT },
    schema: { tags: TAGS, summary: 'Sign in with e-mail and password (and TOTP code when enabled)', body: SignInBodySchema, response: { 200: MeSchema } },
    handler: async (request, reply) => {
      const token = await auth.signIn(request.body, requestMeta(request), request.cookies[SESSION_COOKIE]);
      setSessionCookie(reply, token);
      const session = await auth.resolveSession(token);
      return auth.describe(session!.actor, token);
    },
  });

  r.post('/api/auth/sign-out', {
    schema: { tags: TAGS, summary: 'End this session', response: { 200: OkSchema } },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      await auth.signOut(actor, request.sessionId!, requestMeta(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.post('/api/auth/sign-out-all', {
    schema: { tags: TAGS, summary: 'End every session of this user, on every device', response: { 200: OkSchema } },
    handler: async (request, reply) => {
      await auth.signOutEverywhere(requireActor(request), requestMeta(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.get('/api/auth/me', {
    schema: { tags: TAGS, summary: 'The signed-in user, roles and CSRF token', response: { 200: MeSchema } },
    handler: async (request) => auth.describe(requireActor(request), request.sessionToken!),
  });

  r.put('/api/auth/me/locale', {
    schema: { tags: TAGS, summary: 'Set the interface language', body: SetLocaleBodySchema, response: { 200: OkSchema } },
    handler: async (request) => {
      await auth.setLocale(requireActor(request), request.body.locale);
      return { ok: true as const };
    },
  });

  r.get('/api/auth/invitations/:token', {
    config: { isPublic: true, rateLimit: TOKEN_LINK_LIMIT },
    schema: { tags: TAGS, summary: 'Who an invitation link is for', params: z.object({ token: z.string().min(20).max(200) }), response: { 200: TokenInfoSchema } },
    handler: async (request) => auth.describeToken(request.params.token, 'invitation'),
  });

  r.post('/api/auth/invitations/accept', {
    config: { isPublic: true, csrf: false, rateLimit: TOKEN_LINK_LIMIT },
    schema: { tags: TAGS, summary: 'Accept an invitation: set the password and sign in', body: AcceptInvitationBodySchema, response: { 200: MeSchema } },
    handler: async (request, reply) => {
      const token = await auth.completeToken('invitation', request.body.token, request.body.password, requestMeta(request));
      setSessionCookie(reply, token);
      const session = await auth.resolveSession(token);
      return auth.describe(session!.actor, token);
    },
  });

  r.post('/api/auth/password-reset', {
    config: { isPublic: true, csrf: false, rateLimit: RESET_LIMIT },
    schema: { tags: TAGS, summary: 'Mail a password-reset link (answers the same for unknown addresses)', body: RequestResetBodySchema, response: { 202: OkSchema } },
    handler: async (request, reply) => {
      await auth.requestPasswordReset(request.body.email, requestMeta(request));
      return reply.status(202).send({ ok: true as const });
    },
  });

  r.post('/api/auth/password-reset/complete', {
    config: { isPublic: true, csrf: false, rateLimit: TOKEN_LINK_LIMIT },
    schema: { tags: TAGS, summary: 'Set a new password from a reset link; ends all other sessions', body: CompleteResetBodySchema, response: { 200: MeSchema } },
    handler: async (request, reply) => {
      const token = await auth.completeToken('password_reset', request.body.token, request.body.password, requestMeta(request));
      setSessionCookie(reply, token);
      const session = await auth.resolveSession(token);
      return auth.describe(session!.actor, token);
    },
  });

  r.post('/api/auth/totp/setup', {
    schema: { tags: TAGS, summary: 'Start two-factor enrolment: returns a new secret', response: { 200: TotpSetupSchema } },
    handler: async (request) => auth.beginTotp(requireActor(request)),
  });

  r.post('/api/auth/totp/confirm', {
    schema: { tags: TAGS, summary: 'Confirm two-factor enrolment with a code', body: TotpConfirmBodySchema, response: { 200: OkSchema } },
    handler: async (request) => {
      await auth.confirmTotp(requireActor(request), request.body.code, requestMeta(request));
      return { ok: true as const };
    },
  });

  r.post('/api/auth/totp/disable', {
    schema: { tags: TAGS, summary: 'Turn two-factor off (needs a current code)', body: TotpConfirmBodySchema, response: { 200: OkSchema } },
    handler: async (request) => {
      await auth.disableTotp(requireActor(request), request.body.code, requestMeta(request));
      return { ok: true as const };
    },
  });
}
