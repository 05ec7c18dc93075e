import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { connectDatabase, type Database } from '../src/db/client.ts';
import type { Clock } from '../src/lib/clock.ts';
import { createJobQueue, type JobQueue } from '../src/lib/jobs.ts';
import type { Mailer } from '../src/lib/mailer.ts';
import { createTestDatabase } from './database.ts';
import { buildUser, TEST_PASSWORD } from './factories.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  url: string;
  config: Config;
  jobs: JobQueue;
  close: () => Promise<void>;
}

/** The same app main.ts serves, on a database of its own, with doubles only at the boundaries. */
export async function buildTestApp(
  options: { clock?: Clock; mailer?: Mailer; env?: Record<string, string>; isCaching?: boolean } = {},
): Promise<TestApp> {
  const url = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url, SEED_DEMO: 'false', ...options.env });
  const handle = connectDatabase(url, { max: 10 });
  const jobs = createJobQueue({ db: handle.db, connectionString: url });
  const app = await buildApp({
    config,
    db: handle.db,
    appSecret: 'test-secret-test-secret-test-secret-0123',
    jobs,
    clock: options.clock,
    mailer: options.mailer,
    // Off unless asked: most tests change rows directly and expect the very next request to see them.
    changeFeedUrl: options.isCaching ? url : undefined,
  });
  await jobs.start();
  await app.ready();
  return {
    app,
    db: handle.db,
    url,
    config,
    jobs,
    close: async () => {
      await app.close();
      await jobs.stop();
      await handle.close();
    },
  };
}

/** A signed-in browser: keeps the session cookie and sends the CSRF token like the web app does. */
export interface TestAgent {
  request: (options: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }) => Promise<LightMyRequestResponse>;
  csrfToken: string | null;
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<TestAgent> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'ms_session');
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  return agentWith(app, cookie ? `ms_session=${cookie.value}` : null, csrfToken);
}

type ProgrammeRole = 'staff' | 'coordinator' | 'expert' | 'participant' | 'alumnus';

/**
 * Signs in a new user who holds `role` in the programme of `tree` (a tree from buildProgrammeTree), with the
 * user's id for tests that name them (a panel, an assignee); `options` narrows the grant to a region or names the user.
 */
export async function signInNewUser(
  t: { app: FastifyInstance; db: Database },
  tree: { organisation: { id: string }; programme: { id: string } },
  role: ProgrammeRole,
  options: { regionCode?: string; displayName?: string } = {},
): Promise<{ id: string; agent: TestAgent }> {
  const { regionCode, displayName } = options;
  const grant = { role, organisationId: tree.organisation.id, programmeId: tree.programme.id, ...(regionCode ? { regionCode } : {}) };
  const user = await buildUser(t.db, { ...(displayName ? { displayName } : {}), grants: [grant] });
  return { id: user.id, agent: await signIn(t.app, user.email, TEST_PASSWORD) };
}

/** Signs in a new user who holds `role` in the programme of `tree` (a tree from buildProgrammeTree). */
export async function signInWithRole(t: { app: FastifyInstance; db: Database }, tree: { organisation: { id: string }; programme: { id: string } }, role: ProgrammeRole): Promise<TestAgent> {
  return (await signInNewUser(t, tree, role)).agent;
}

export function anonymousAgent(app: FastifyInstance): TestAgent {
  return agentWith(app, null, null);
}

function agentWith(app: FastifyInstance, cookie: string | null, csrfToken: string | null): TestAgent {
  return {
    csrfToken,
    request: ({ method, url, payload, headers }) =>
      app.inject({
        method: method as 'GET',
        url,
        payload: payload as string | object | undefined,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
          ...headers,
        },
      }),
  };
}
