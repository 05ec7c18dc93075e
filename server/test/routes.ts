import type { FastifyInstance } from 'fastify';

export interface DocumentedRoute {
  method: string;
  /** OpenAPI form, e.g. /api/streams/{id}/roster */
  path: string;
}

/** Every route in the OpenAPI document: what the access and hostile-input walks go through. */
export function listDocumentedRoutes(app: FastifyInstance): DocumentedRoute[] {
  const spec = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((method) => ({ method: method.toUpperCase(), path })),
  );
}
