import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DiplomaIdParamsSchema,
  MAX_CREDENTIAL_BYTES,
  PublicDiplomaSchema,
  VcApiIssueBodySchema,
  VcApiIssueResultSchema,
  VcApiUpdateStatusBodySchema,
  VcApiVerificationResultSchema,
  VcApiVerifyCredentialBodySchema,
  VcApiVerifyPresentationBodySchema,
  VerificationResultSchema,
} from '@ms/contracts/diplomas';
import { AppError } from '../../lib/errors.ts';
import { requireActor } from '../../plugins/request-context.ts';
import type { DiplomasPublicService } from './diplomas.public.ts';

const TAGS = ['diplomas: public'];
/** Verification is cheap but not free (canonicalization): generous per address, yet no free-for-all. */
const VERIFY_BY_ID_LIMIT = { max: 300, timeWindow: '1 minute' };
const VERIFY_UPLOAD_LIMIT = { max: 60, timeWindow: '1 minute' };
const JsonObjectSchema = z.record(z.string(), z.unknown());

/**
 * Routes anyone may call: a diploma by id, verification of an uploaded credential, the W3C VC API, the
 * signed status lists and the did:web document. Registered in their own scope so that malformed JSON
 * gets a translated 400 naming the problem, and bodies are capped at MAX_CREDENTIAL_BYTES.
 */
export function registerPublicDiplomaRoutes(app: FastifyInstance, service: DiplomasPublicService): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(['application/json', 'application/ld+json'], { parseAs: 'string', bodyLimit: MAX_CREDENTIAL_BYTES }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(new AppError('bad_request', { fields: [{ path: 'body', key: 'diploma.malformed_json' }] }), undefined);
      }
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get('/api/public/diplomas/:id', {
      config: { isPublic: true, rateLimit: VERIFY_BY_ID_LIMIT },
      schema: { tags: TAGS, summary: 'Verify a diploma by its id: holder, programme, dates, issuer, status and signature check', security: [], params: DiplomaIdParamsSchema, response: { 200: PublicDiplomaSchema } },
      handler: async (q, reply) => reply.header('cache-control', 'no-store').send(await service.publicDiploma(q.params.id, q.locale)),
    });
    r.post('/api/public/diplomas/verify', {
      config: { isPublic: true, csrf: false, rateLimit: VERIFY_UPLOAD_LIMIT },
      bodyLimit: MAX_CREDENTIAL_BYTES,
      schema: { tags: TAGS, summary: 'Verify an uploaded credential JSON (the body is the credential)', security: [], body: JsonObjectSchema, response: { 200: VerificationResultSchema } },
      handler: async (q) => service.verifyUpload(q.body, q.locale),
    });
    r.get('/api/public/status-lists/:id', {
      config: { isPublic: true, rateLimit: VERIFY_BY_ID_LIMIT },
      schema: { tags: TAGS, summary: 'A signed BitstringStatusListCredential (revocation)', security: [], params: z.object({ id: z.uuid() }), response: { 200: JsonObjectSchema } },
      handler: async (q, reply) => reply.header('cache-control', 'public, max-age=60').send(await service.statusList(q.params.id)),
    });
    r.get('/.well-known/did.json', {
      config: { isPublic: true },
      schema: { tags: TAGS, summary: "The academy's did:web document: every signing key, retired ones included", security: [], response: { 200: JsonObjectSchema } },
      handler: async (_q, reply) => reply.header('cache-control', 'public, max-age=300').send(await service.didDocument()),
    });

    r.post('/api/vc/credentials/verify', {
      config: { isPublic: true, csrf: false, rateLimit: VERIFY_UPLOAD_LIMIT },
      bodyLimit: MAX_CREDENTIAL_BYTES,
      schema: { tags: TAGS, summary: 'W3C VC API: verify a credential (200 verified, 422 with the problems)', security: [], body: VcApiVerifyCredentialBodySchema, response: { 200: VcApiVerificationResultSchema, 422: VcApiVerificationResultSchema } },
      handler: async (q, reply) => {
        const result = await service.vcApiVerifyCredential(q.body.verifiableCredential, q.locale);
        return reply.status(result.isVerified ? 200 : 422).send(result.body);
      },
    });
    r.post('/api/vc/presentations/verify', {
      config: { isPublic: true, csrf: false, rateLimit: VERIFY_UPLOAD_LIMIT },
      bodyLimit: MAX_CREDENTIAL_BYTES * 4,
      schema: { tags: TAGS, summary: 'W3C VC API: verify a presentation and its credentials (200 verified, 422 with the problems)', security: [], body: VcApiVerifyPresentationBodySchema, response: { 200: VcApiVerificationResultSchema, 422: VcApiVerificationResultSchema } },
      handler: async (q, reply) => {
        const result = await service.vcApiVerifyPresentation(q.body.verifiablePresentation, q.body.options, q.locale);
        return reply.status(result.isVerified ? 200 : 422).send(result.body);
      },
    });
    r.post('/api/vc/credentials/issue', {
      bodyLimit: MAX_CREDENTIAL_BYTES,
      schema: { tags: TAGS, summary: 'W3C VC API: issue an OpenBadgeCredential as the academy, registered with a revocation status entry (staff)', body: VcApiIssueBodySchema, response: { 201: VcApiIssueResultSchema } },
      handler: async (q, reply) => reply.status(201).send(await service.vcApiIssue(requireActor(q), q.body.credential)),
    });
    r.post('/api/vc/credentials/status', {
      schema: {
        tags: TAGS,
        summary: "W3C VC API: revoke ('revoked') or reinstate ('active') a credential issued through this API, with a reason (staff)",
        body: VcApiUpdateStatusBodySchema,
        response: { 200: z.object({ credentialId: z.string(), status: z.enum(['revoked', 'active']) }) },
      },
      handler: async (q) => service.vcApiUpdateStatus(requireActor(q), q.body),
    });
  });
}
