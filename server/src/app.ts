import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Clock } from './lib/clock.ts';
import { createChangeFeed } from './lib/change-feed.ts';
import { loggerOptions } from './lib/logger.ts';
import type { Mailer } from './lib/mailer.ts';
import type { JobQueue } from './lib/jobs.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { responseSerializerCompiler } from './plugins/serializer.ts';
import { registerRequestContext } from './plugins/request-context.ts';
import { createCoreServices } from './services.ts';
import { registerJobHandlers } from './features/job-handlers.ts';
import { registerAuthRoutes } from './features/auth/auth.routes.ts';
import { registerFeatures } from './features/index.ts';

export interface BuildAppOptions {
  config: Config;
  db: Database;
  /** Secret for CSRF tokens and sealed TOTP secrets. */
  appSecret: string;
  clock?: Clock;
  mailer?: Mailer;
  jobs: JobQueue;
  /**
   * A connection URL for the change feed that lets the server cache sessions and rosters in memory
   * (main.ts and benchmarks pass it). Without it every request reads the database, which route-level
   * tests rely on when they change rows directly and expect the very next request to see it.
   */
  changeFeedUrl?: string;
  /** Serve the built web app from web/dist (off in route-level tests). */
  isServingWeb?: boolean;
}

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Builds the whole HTTP application; main.ts listens on it, tests call app.inject(). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, db } = options;

  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: true,
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { coerceTypes: false } },
  });
  const changeFeed = options.changeFeedUrl
    ? createChangeFeed({ connectionString: options.changeFeedUrl, onError: (error) => app.log.warn({ err: error }, 'change feed interrupted') })
    : undefined;
  const { clock, mailer, auth, auditBuffer, secretBox } = createCoreServices({
    config,
    db,
    changeFeed,
    appSecret: options.appSecret,
    clock: options.clock,
    mailer: options.mailer,
    onBackgroundError: (error) => app.log.error({ err: error }, 'background write failed'),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  registerErrorHandler(app, { spaFallback: options.isServingWeb === true && fs.existsSync(WEB_DIST) });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects CSS variables at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, { global: false });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'mayors-school API',
        version: '0.1.0',
        description: 'Programmes for municipal leaders. Errors are RFC 9457 problem details.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ms_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerRequestContext(app, auth);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { isPublic: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await db.execute(sql`select 1`);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
  // The baseline the roster benchmark compares against: one trivial query through the same pool.
  app.get('/api/bench/select-1', { schema: { hide: true }, config: { isPublic: true } }, async () => {
    await db.execute(sql`select 1`);
    return { ok: true };
  });

  registerAuthRoutes(app, { auth, isSecureCookie: config.publicUrl.startsWith('https://'), sessionAbsoluteMs: config.sessionAbsoluteMs });
  registerFeatures(app, { db, clock, mailer, auth, auditBuffer, config, jobs: options.jobs, secretBox });
  app.addHook('onClose', async () => auditBuffer.flush());
  // Listeners are all registered by now (caches register while services are built).
  await changeFeed?.start();
  app.addHook('onClose', async () => changeFeed?.close());
  // Workers run in every server process; the job queue starts them when its caller starts it.
  await registerJobHandlers({ jobs: options.jobs, db, config, auth, clock, secretBox });

  if (options.isServingWeb && fs.existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  }
  return app;
}
