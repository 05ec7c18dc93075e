import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../app.ts';
import { buildProgrammeTree, buildUser, TEST_PASSWORD } from '../factories.ts';
import { listDocumentedRoutes } from '../routes.ts';

/** Strings that break naive code: SQL, markup, path tricks, NUL, huge, Unicode edge cases. */
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "' OR 1=1 --",
    '"; DROP TABLE people; --',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '\u0000',
    '%00',
    '=HYPERLINK("http://x")',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    '\uD800',
    'NaN',
    '-1',
    '1e309',
    '00000000-0000-0000-0000-000000000000',
    'x'.repeat(10_000),
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);
const hostileBody = fc.oneof(fc.dictionary(fc.string({ maxLength: 20 }), hostileValue, { maxKeys: 6 }), hostileValue);

let t: TestApp;
let admin: TestAgent;
let realIds: string[];
beforeAll(async () => {
  t = await buildTestApp();
  const user = await buildUser(t.db, { grants: [{ role: 'admin' }] });
  admin = await signIn(t.app, user.email, TEST_PASSWORD);
  const tree = await buildProgrammeTree(t.db);
  realIds = [tree.organisation.id, tree.programme.id, tree.intake.id, ...tree.streams.map((s) => s.id)];
});
afterAll(async () => t?.close());

describe('every documented route under generated and hostile input', () => {
  it('never answers 5xx, whatever the params, query and body', async () => {
    const routes = listDocumentedRoutes(t.app).filter((r) => !r.path.includes('sign-out'));
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(hostileString, fc.constantFrom(...realIds)),
          fc.dictionary(fc.string({ maxLength: 12 }), hostileString, { maxKeys: 4 }),
          hostileBody,
          async (param, query, body) => {
            const url = route.path.replace(/\{[^}]+\}/g, encodeURIComponent(param)) + '?' + new URLSearchParams(query).toString();
            const response = await admin.request({
              method: route.method,
              url,
              payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : (body as object),
            });
            if (response.statusCode >= 500) {
              throw new Error(`${route.method} ${url} → ${response.statusCode}: ${response.body.slice(0, 300)}`);
            }
          },
        ),
        { numRuns: 25, seed: 20261126 },
      );
    }
  }, 300_000);
});
