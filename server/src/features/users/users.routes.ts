import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, OkSchema } from '@ms/contracts/common';
import { CreateUserBodySchema, SetGrantsBodySchema, UserPageSchema, UsersQuerySchema, UserViewSchema } from '@ms/contracts/users';
import { requestMeta, requireActor } from '../../plugins/request-context.ts';
import type { FeatureDeps } from '../index.ts';
import { createUsersService } from './users.service.ts';

const TAGS = ['users'];

/** Account administration: list, create and invite, grants, deactivation. */
export function registerUserRoutes(app: FastifyInstance, deps: FeatureDeps): void {
  const service = createUsersService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/users', {
    schema: { tags: TAGS, summary: 'Accounts the caller manages (admins: all; staff: their scope)', querystring: UsersQuerySchema, response: { 200: UserPageSchema } },
    handler: async (request) => service.listUsers(requireActor(request), request.query, requestMeta(request)),
  });

  r.get('/api/users/:id', {
    schema: { tags: TAGS, summary: 'One account with the grants the caller may see', params: IdParamsSchema, response: { 200: UserViewSchema } },
    handler: async (request) => service.getUser(requireActor(request), request.params.id, requestMeta(request)),
  });

  r.post('/api/users', {
    schema: {
      tags: TAGS,
      summary: 'Create an account with its grants; optionally mail an invitation (the link is never returned)',
      body: CreateUserBodySchema,
      response: { 201: UserViewSchema },
    },
    handler: async (request, reply) => {
      const { user } = await service.createUser(requireActor(request), request.body, requestMeta(request));
      return reply.status(201).send(user);
    },
  });

  r.post('/api/users/:id/invitation', {
    schema: { tags: TAGS, summary: 'Mail a fresh invitation link', params: IdParamsSchema, response: { 202: OkSchema } },
    handler: async (request, reply) => {
      await service.resendInvitation(requireActor(request), request.params.id, requestMeta(request));
      return reply.status(202).send({ ok: true as const });
    },
  });

  r.put('/api/users/:id/grants', {
    schema: {
      tags: TAGS,
      summary: 'Replace the grants the caller manages (others are kept)',
      params: IdParamsSchema,
      body: SetGrantsBodySchema,
      response: { 200: UserViewSchema },
    },
    handler: async (request) => service.setGrants(requireActor(request), request.params.id, request.body, requestMeta(request)),
  });

  r.post('/api/users/:id/deactivate', {
    schema: { tags: TAGS, summary: 'Turn an account off and end its sessions', params: IdParamsSchema, response: { 200: UserViewSchema } },
    handler: async (request) => service.deactivateUser(requireActor(request), request.params.id, requestMeta(request)),
  });
}
