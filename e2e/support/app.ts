/**
 * Helpers shared by the journeys: demo accounts, the app's landmarks, reaching a stream through the UI
 * and reading roster totals from the API the page itself uses.
 */
import { expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { newContext, signInAs } from './browser.ts';

export const DEMO_DOMAIN = 'demo.mayors-school.ru';
export type DemoAccount = 'admin' | 'staff' | 'perm-staff' | 'coordinator' | 'expert' | 'participant' | 'alumnus';

/** The e-mail of a demo account. */
export const demoEmail = (account: DemoAccount): string => `${account}@${DEMO_DOMAIN}`;

/** Signs in with the demo password and waits until the app has left the sign-in page. */
export async function signInDemo(page: Page, account: DemoAccount): Promise<void> {
  await signInAs(page, demoEmail(account));
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await main(page).getByRole('heading', { level: 1 }).waitFor();
}

/** A fresh context and page, signed in as the account. */
export async function signedInPage(browser: Browser, account: DemoAccount, options: { phone?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  await signInDemo(page, account);
  return { context, page };
}

/** The page's main landmark (AppShell.Main or the public layout's main). */
export const main = (page: Page): Locator => page.getByRole('main');

/** The role-based navbar. */
export const navbar = (page: Page, name: string | RegExp = /Основная навигация|Main navigation/): Locator => page.getByRole('navigation', { name });

/** The page's single h1. */
export const pageHeading = (page: Page): Locator => main(page).getByRole('heading', { level: 1 });

/** The names of the navbar's links, in order. On a phone the navbar is a closed (inert) drawer: open it to read it, then close it. */
export async function navLinkNames(page: Page): Promise<string[]> {
  const burger = page.getByRole('button', { name: /Открыть меню|Open menu/ });
  const isDrawer = await burger.isVisible();
  if (isDrawer) {
    await burger.click();
    await navbar(page).waitFor();
  }
  const links = navbar(page).getByRole('link');
  const names = (await links.allTextContents()).map((text) => text.trim());
  if (isDrawer) await page.getByRole('button', { name: /Закрыть меню|Close menu/ }).click();
  return names;
}

/**
 * Programmes → «Школа мэров» → stream N of intake 2024–2025, clicking as a user would.
 * Returns the stream's id from the URL.
 */
export async function openStream(page: Page, streamNumber: number, options: { onEachPage?: (page: Page) => Promise<void> } = {}): Promise<string> {
  await page.goto('/programmes');
  await expect.poll(() => pageHeading(page).textContent()).toBe('Программы');
  await options.onEachPage?.(page);
  await main(page).getByRole('link', { name: 'Школа мэров', exact: true }).click();
  await expect.poll(() => pageHeading(page).textContent()).toBe('Школа мэров');
  const intake = main(page).getByRole('region', { name: 'Набор 2024–2025' });
  await intake.getByRole('link', { name: `Поток ${streamNumber}`, exact: true }).waitFor();
  await options.onEachPage?.(page);
  await intake.getByRole('link', { name: `Поток ${streamNumber}`, exact: true }).click();
  await page.waitForURL(/\/streams\/[^/]+$/);
  await expect.poll(() => pageHeading(page).textContent()).toBe(`Поток ${streamNumber}`);
  return streamIdOf(page);
}

/** The stream id in the current URL (/streams/:id or /streams/:id/import). */
export function streamIdOf(page: Page): string {
  const match = /\/streams\/([^/?#]+)/.exec(new URL(page.url()).pathname);
  if (!match?.[1]) throw new Error(`not on a stream page: ${page.url()}`);
  return match[1];
}

/** The roster total the API reports to the signed-in user (same cookies as the page). */
export async function rosterTotal(page: Page, streamId: string, query: Record<string, string> = {}): Promise<number> {
  const body = await rosterApi(page, streamId, { ...query, pageSize: '1' });
  return body.total;
}

export interface RosterApiItem {
  personId: string;
  fullName: string;
  email: string | null;
  regionCode: string | null;
  regionNameRu: string | null;
}

/** GET /api/streams/:id/roster as the signed-in user; fails on a non-2xx answer. */
export async function rosterApi(page: Page, streamId: string, query: Record<string, string> = {}): Promise<{ items: RosterApiItem[]; total: number }> {
  const response = await page.request.get(`/api/streams/${streamId}/roster?${new URLSearchParams(query)}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { items: RosterApiItem[]; total: number };
}

/**
 * The roster: a table on wide screens (inside its scroll region), a list of cards on a phone; its rows are
 * the table's body rows or the cards.
 */
const ROSTER_NAME = /Участники потока|Participants of the stream/;
export const rosterTable = (page: Page): Locator => main(page).getByRole('table', { name: ROSTER_NAME });
export const rosterList = (page: Page): Locator => main(page).getByRole('list', { name: ROSTER_NAME });
export const rosterRows = (page: Page): Locator => rosterTable(page).locator('tbody tr').or(rosterList(page).locator(':scope > li'));

/** The "Строки 1–50 из 80" line under a table. */
export const pagerRange = (page: Page): Locator => main(page).getByText(/^Строки \d+–\d+ из \d+$/);

/** The texts of one column (0-based) of the roster's rows (a card marks each value with its column's data-cell). */
export async function rosterColumn(page: Page, index: number): Promise<string[]> {
  return rosterRows(page).evaluateAll(
    (rows, i) => rows.map((row) => ((row.tagName === 'TR' ? row.children[i] : row.querySelector(`[data-cell="${i}"]`))?.textContent ?? '').trim()),
    index,
  );
}

/** The full names in the roster's first column (without the e-mail line under them). */
export async function rosterNames(page: Page): Promise<string[]> {
  // The first element of the first cell is the name (text or a link to the person), the e-mail follows it.
  return rosterRows(page).evaluateAll((rows) =>
    rows.map((row) => ((row.tagName === 'TR' ? row.querySelector('td') : row.querySelector('[data-cell="0"]'))?.firstElementChild?.textContent ?? '').trim()),
  );
}

/** Whether the page is wider than the viewport (a table or a header pushing the whole page sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Text made safe to put inside a RegExp. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
