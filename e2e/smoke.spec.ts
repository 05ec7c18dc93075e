import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, newContext } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('the served app', () => {
  it('serves the web app shell with a strict content security policy', async () => {
    const response = await fetch(`${baseUrl()}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    // A Russian browser: an English one would rightly get "School of Mayors" once the app has started.
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(baseUrl());
    await expect.poll(() => page.title()).toBe('Вход · Школа мэров');
    await context.close();
  });

  it('serves the app shell for client-side routes, whatever their query says', async () => {
    const page = await fetch(`${baseUrl()}/check-in?token=abc.def1`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect((await fetch(`${baseUrl()}/assets/no-such-file.js`)).status).toBe(404);
  });

  it('publishes the OpenAPI 3.1 document and the docs page', async () => {
    const spec = (await (await fetch(`${baseUrl()}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/api/auth/sign-in');
    expect((await fetch(`${baseUrl()}/api/docs`)).status).toBe(200);
  });
});
