import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '@ms/contracts/common';
import {
  ConsentDocumentSchema,
  ConsentListSchema,
  ConsentSchema,
  ErasureBodySchema,
  ErasureResultSchema,
  GrantConsentBodySchema,
  PersonalDataExportSchema,
  PublishConsentDocumentBodySchema,
} from '@ms/contracts/privacy';
import { requestMeta, requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createConsentService } from './consent.service.ts';
import { createPersonalDataService } from './personal-data.service.ts';

const TAGS = ['privacy'];

/** Personal data under 152-FZ: consent documents, consents, the subject's export, erasure. */
export function registerPrivacyRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const consents = createConsentService(deps);
  const personalData = createPersonalDataService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/consent-documents/current', {
    config: { isPublic: true },
    schema: { tags: TAGS, summary: 'The consent text in force (public)', response: { 200: ConsentDocumentSchema } },
    handler: async () => consents.getCurrentDocument(),
  });

  r.post('/api/consent-documents', {
    schema: { tags: TAGS, summary: 'Publish a new version of the consent text (admins)', body: PublishConsentDocumentBodySchema, response: { 201: ConsentDocumentSchema } },
    handler: async (request, reply) => {
      const document = await consents.publishDocument(requireActor(request), request.body, requestMeta(request));
      return reply.status(201).send(document);
    },
  });

  r.get('/api/me/consents', {
    schema: { tags: TAGS, summary: 'My consents, given and withdrawn', response: { 200: ConsentListSchema } },
    handler: async (request) => ({ items: await consents.listOwnConsents(requireActor(request)) }),
  });

  r.post('/api/me/consents', {
    schema: {
      tags: TAGS,
      summary: 'Give consent to a version of the consent text (again: returns the existing consent)',
      body: GrantConsentBodySchema,
      response: { 200: ConsentSchema, 201: ConsentSchema },
    },
    handler: async (request, reply) => {
      const { consent, isNew } = await consents.grantConsent(requireActor(request), request.body.version, requestMeta(request));
      return reply.status(isNew ? 201 : 200).send(consent);
    },
  });

  r.post('/api/me/consents/:id/withdraw', {
    schema: { tags: TAGS, summary: 'Withdraw one of my consents', params: IdParamsSchema, response: { 200: ConsentSchema } },
    handler: async (request) => consents.withdrawConsent(requireActor(request), request.params.id, requestMeta(request)),
  });

  r.get('/api/me/export', {
    schema: { tags: TAGS, summary: 'Download everything the platform holds about me (JSON)', response: { 200: PersonalDataExportSchema } },
    handler: async (request, reply) => {
      const data = await personalData.exportOwnData(requireActor(request), requestMeta(request));
      const day = data.exportedAt.slice(0, 10);
      return reply.header('content-disposition', `attachment; filename="my-data-${day}.json"`).send(data);
    },
  });

  r.post('/api/people/:id/erasure', {
    schema: {
      tags: TAGS,
      summary: 'Erase a person’s personal data (staff of their programme, admins); enrolments stay',
      params: IdParamsSchema,
      body: ErasureBodySchema,
      response: { 200: ErasureResultSchema },
    },
    handler: async (request) => personalData.erasePerson(requireActor(request), request.params.id, request.body.reason, requestMeta(request)),
  });
}
