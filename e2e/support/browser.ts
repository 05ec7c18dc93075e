import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, inject } from 'vitest';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

export const DEMO_PASSWORD = 'demo-password-2025';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function newContext(browser: Browser, options: { phone?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: options.locale ?? 'ru-RU',
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  // Fail a missing element in seconds, not in Playwright's default 30 s: the journeys share a 60-s budget.
  context.setDefaultTimeout(10_000);
  return context;
}

export async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/электронная почта|e-mail/i).fill(email);
  await page.getByLabel(/пароль|password/i).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /войти|sign in/i }).click();
}

/** Fails on serious or critical axe-core violations, listing them. */
export async function expectAccessible(page: Page): Promise<void> {
  // A modal or menu fading in has half-transparent text for ~200 ms, and axe would measure that contrast: let
  // every running CSS transition or animation finish first.
  // Endless ones (a loader's spin) are left alone.
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout: 5_000 },
  );
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(serious, serious.join('\n')).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  // A full-page shot keeps the fixed header where the page was scrolled to, over the content: start at the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
