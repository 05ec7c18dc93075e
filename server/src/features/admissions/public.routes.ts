import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OkSchema } from '@ms/contracts/common';
import {
  ConfirmationInfoSchema,
  ConfirmationParamsSchema,
  ConfirmEmailBodySchema,
  ConfirmEmailResultSchema,
  PublicCampaignListSchema,
  PublicCampaignSchema,
  SlugParamsSchema,
  StartApplicationBodySchema,
} from '@ms/contracts/admissions';
import { requestMeta, SESSION_COOKIE } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createPublicAdmissionsService } from './public.service.ts';

const TAGS = ['admissions'];
/** Per address and e-mail, as for password resets: stops flooding one inbox with confirmation letters. */
const START_LIMIT = {
  max: 5,
  timeWindow: '1 minute',
  hook: 'preHandler' as const,
  keyGenerator: (request: FastifyRequest) => {
    const body = request.body as { email?: unknown } | undefined;
    return `${request.ip}|${typeof body?.email === 'string' ? body.email.toLowerCase().slice(0, 254) : ''}`;
  },
};

/** What anyone may do without an account: read open campaigns, start an application, confirm the e-mail. */
export function registerPublicAdmissionRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const service = createPublicAdmissionsService({ ...deps, publicUrl: deps.config.publicUrl });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/public/admissions/campaigns', {
    config: { isPublic: true },
    schema: { tags: TAGS, summary: 'Published campaigns that are open or about to open (public)', response: { 200: PublicCampaignListSchema } },
    handler: async () => ({ items: await service.listPublicCampaigns() }),
  });

  r.get('/api/public/admissions/campaigns/:slug', {
    config: { isPublic: true },
    schema: { tags: TAGS, summary: 'A published campaign’s page (public)', params: SlugParamsSchema, response: { 200: PublicCampaignSchema } },
    handler: async (request) => service.getPublicCampaign(request.params.slug),
  });

  r.post('/api/public/admissions/campaigns/:slug/start', {
    config: { isPublic: true, rateLimit: START_LIMIT },
    schema: {
      tags: TAGS,
      summary: 'Start an application: a confirmation link is mailed (same answer for any address)',
      params: SlugParamsSchema,
      body: StartApplicationBodySchema,
      response: { 202: OkSchema },
    },
    handler: async (request, reply) => {
      await service.startApplication(request.params.slug, request.body, requestMeta(request));
      return reply.status(202).send({ ok: true as const });
    },
  });

  r.get('/api/public/admissions/confirmations/:token', {
    config: { isPublic: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags: TAGS, summary: 'What a confirmation link is for (public)', params: ConfirmationParamsSchema, response: { 200: ConfirmationInfoSchema } },
    handler: async (request) => service.describeConfirmation(request.params.token),
  });

  r.post('/api/public/admissions/confirmations', {
    config: { isPublic: true, csrf: false, rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: TAGS,
      summary: 'Confirm the e-mail: creates the account (with the password) and the draft, and signs in',
      body: ConfirmEmailBodySchema,
      response: { 200: ConfirmEmailResultSchema },
    },
    handler: async (request, reply) => {
      const result = await service.confirmEmail(request.body.token, request.body.password, requestMeta(request));
      if (result.sessionToken) {
        reply.setCookie(SESSION_COOKIE, result.sessionToken, {
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.config.publicUrl.startsWith('https://'),
          path: '/',
          maxAge: Math.floor(deps.config.sessionAbsoluteMs / 1000),
        });
      }
      return { applicationId: result.applicationId, isSignedIn: result.sessionToken !== null };
    },
  });
}
