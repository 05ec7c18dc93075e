import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { anonymousAgent, buildTestApp, signIn, type TestAgent, type TestApp } from '../app.ts';
import { TEST_PASSWORD } from '../factories.ts';
import { upload, multipartBody } from '../imports.ts';
import { listDocumentedRoutes } from '../routes.ts';
import { buildAccessFixture, ROLES_UNDER_TEST, type AccessFixture, type RoleUnderTest } from './fixture.ts';
import { ROUTE_CASES, UPLOAD_ROUTE_CASES, type RouteCase } from './route-table.ts';

let t: TestApp;
let fx: AccessFixture;
const agents = {} as Record<RoleUnderTest, TestAgent>;

async function freshAgent(role: RoleUnderTest): Promise<TestAgent> {
  if (role === 'anonymous') return anonymousAgent(t.app);
  return signIn(t.app, fx.users[role].email, TEST_PASSWORD);
}

function isAllowed(allowed: RouteCase['allowed'], role: RoleUnderTest): boolean {
  if (allowed === 'everyone') return true;
  if (allowed === 'signed-in') return role !== 'anonymous';
  return allowed.includes(role);
}

/** Let in: 2xx (or a listed refusal that comes after the access check). Kept out: 401 signed out, 403/404 signed in. */
function checkOutcome(caseKey: string, role: RoleUnderTest, shouldGetIn: boolean, response: LightMyRequestResponse, alsoAccepted: number[] = []) {
  const status = response.statusCode;
  const where = `${caseKey} as ${role} → ${status} ${response.body.slice(0, 200)}`;
  if (shouldGetIn) {
    expect(status < 300 || alsoAccepted.includes(status), where).toBe(true);
  } else if (role === 'anonymous') {
    expect(status, where).toBe(401);
  } else {
    expect([403, 404], where).toContain(status);
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  fx = await buildAccessFixture(t.db);
  for (const role of ROLES_UNDER_TEST) agents[role] = await freshAgent(role);
});
afterAll(async () => t?.close());

describe('access to every registered route, for every role', () => {
  it('has an expectation for every documented route (a new route must be added to the table)', () => {
    const documented = listDocumentedRoutes(t.app).map((r) => `${r.method} ${r.path}`).sort();
    const covered = [...ROUTE_CASES, ...UPLOAD_ROUTE_CASES].map((c) => c.key).sort();
    expect(covered).toEqual(documented);
  });

  it('gives each role exactly the access it should', async () => {
    for (const routeCase of ROUTE_CASES) {
      const [method, path] = routeCase.key.split(' ') as [string, string];
      // Refused roles first, so allowed writes cannot change what the refused ones see.
      for (const role of ROLES_UNDER_TEST) {
        const request = await routeCase.build(fx, t.db);
        const agent = routeCase.needsFreshSession ? await freshAgent(role) : agents[role];
        const response = request.multipart
          ? await upload(agent, request.url, request.multipart.fileName, request.multipart.bytes)
          : await agent.request({ method, url: request.url, payload: request.body as object | undefined });
        checkOutcome(`${method} ${path}`, role, isAllowed(routeCase.allowed, role), response, routeCase.alsoAccepted);
      }
      // Signing out everywhere also ended the shared sessions.
      if (routeCase.needsFreshSession) for (const role of ROLES_UNDER_TEST) agents[role] = await freshAgent(role);
    }
  }, 240_000);

  it('keeps an import upload to the staff of its stream', async () => {
    const body = multipartBody('people.csv', Buffer.from('Фамилия;Имя;E-mail;Регион\nПетров;Пётр;petrov-upload@example.test;RU-SAM\n'));
    const created = await agents.staff.request({ method: 'POST', url: `/api/streams/${fx.a.a3.id}/imports`, payload: body.payload, headers: body.headers });
    expect(created.statusCode).toBe(201);
    const uploadId = (created.json() as { uploadId: string }).uploadId;
    for (const routeCase of UPLOAD_ROUTE_CASES) {
      const [method] = routeCase.key.split(' ') as [string];
      for (const role of ROLES_UNDER_TEST) {
        const request = routeCase.build(uploadId);
        const response = await agents[role].request({ method, url: request.url, payload: request.body as object | undefined });
        checkOutcome(routeCase.key, role, isAllowed(routeCase.allowed, role), response, routeCase.alsoAccepted);
      }
    }
  }, 120_000);
});

describe('scope and foreign ids', () => {
  it('answers 404, not 403, to staff of programme A asking for programme B by id', async () => {
    for (const url of [
      `/api/programmes/${fx.b.programme.id}`,
      `/api/streams/${fx.b.b3.id}`,
      `/api/streams/${fx.b.b3.id}/roster`,
      `/api/intakes/${fx.b.intake.id}`,
      `/api/people/${fx.people.pOther.id}`,
    ]) {
      const response = await agents.staff.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found' });
    }
  });

  it('answers an unknown id exactly like a foreign one', async () => {
    const unknown = await agents.staff.request({ method: 'GET', url: '/api/streams/00000000-0000-4000-8000-000000000000' });
    const foreign = await agents.staff.request({ method: 'GET', url: `/api/streams/${fx.b.b3.id}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ ...(foreign.json() as object), instance: expect.any(String) });
  });

  it('shows a coordinator only the people of their regions', async () => {
    const response = await agents.coordinator.request({ method: 'GET', url: `/api/streams/${fx.a.a3.id}/roster?pageSize=500` });
    expect(response.statusCode).toBe(200);
    const regions = new Set((response.json() as { items: Array<{ regionCode: string }> }).items.map((i) => i.regionCode));
    expect([...regions]).toEqual(['RU-SAM']);
  });

  it("never lets a participant read another participant's personal data", async () => {
    const own = await agents.participant.request({ method: 'GET', url: `/api/people/${fx.people.pSam.id}` });
    expect(own.statusCode).toBe(200);
    const classmate = await agents.participant.request({ method: 'GET', url: `/api/people/${fx.people.pIrk.id}` });
    expect(classmate.statusCode).toBe(404);
    const roster = await agents.participant.request({ method: 'GET', url: `/api/streams/${fx.a.a3.id}/roster` });
    expect(roster.statusCode).toBe(403);
    expect(roster.body).not.toContain(fx.people.pIrk.email!);
  });
});
