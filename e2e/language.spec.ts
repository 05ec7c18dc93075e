import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { navbar, navLinkNames, pageHeading, signedInPage } from './support/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

// The expert's account: no other journey signs in with it, so its saved language bothers no one.
const ACCOUNT = 'expert';

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const header = (page: Page) => page.getByRole('banner');

/** Clicks the visible "EN"/"RU" of the header's switcher and waits for the account to save it. */
async function switchTo(page: Page, short: 'EN' | 'RU'): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/me/locale') && r.request().method() === 'PUT');
  await header(page).getByText(short, { exact: true }).click();
  expect((await saved).status()).toBe(200);
}

describe('the interface language', () => {
  it('switches to English, keeps it on the account across reloads and new sessions, and switches back', async () => {
    const { context, page } = await signedInPage(browser, ACCOUNT);
    expect(await pageHeading(page).textContent()).toBe('Программы');
    expect(await htmlLang(page)).toBe('ru');
    expect(await header(page).getByRole('radio', { name: 'Русский' }).isChecked()).toBe(true);

    await switchTo(page, 'EN');
    await expect.poll(() => pageHeading(page).textContent()).toBe('Programmes');
    expect(await htmlLang(page)).toBe('en');
    expect(await header(page).getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    const englishNav = await navLinkNames(page);
    expect(englishNav).toEqual(expect.arrayContaining(['Programmes', 'Settings']));
    for (const name of englishNav) expect(name).not.toMatch(/[а-яё]/i);
    expect(await page.title()).toContain('Programmes');
    await expectAccessible(page);
    await screenshot(page, 'programmes-en-desktop');

    // Other pages follow: a programme and the settings page.
    await page.getByRole('main').getByRole('link', { name: 'School of Mayors', exact: true }).click();
    await expect.poll(() => pageHeading(page).textContent()).toBe('School of Mayors');
    await page.getByRole('main').getByRole('heading', { name: 'Intakes and streams' }).waitFor();
    await expectAccessible(page);
    await navbar(page, 'Main navigation').getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => pageHeading(page).textContent()).toBe('Settings');
    await expectAccessible(page);

    // A reload with the browser's own memory wiped: the account still says English.
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await expect.poll(() => pageHeading(page).textContent()).toBe('Settings');
    expect(await htmlLang(page)).toBe('en');
    await context.close();

    // A brand-new Russian browser signing in gets the account's English too.
    const second = await signedInPage(browser, ACCOUNT);
    await expect.poll(() => pageHeading(second.page).textContent()).toBe('Programmes');
    expect(await htmlLang(second.page)).toBe('en');

    // And back to Russian, saved again.
    await switchTo(second.page, 'RU');
    await expect.poll(() => pageHeading(second.page).textContent()).toBe('Программы');
    expect(await htmlLang(second.page)).toBe('ru');
    expect(await navLinkNames(second.page)).toEqual(expect.arrayContaining(['Программы', 'Настройки']));
    await expectAccessible(second.page);
    await second.context.close();

    const third = await signedInPage(browser, ACCOUNT);
    expect(await htmlLang(third.page)).toBe('ru');
    expect(await pageHeading(third.page).textContent()).toBe('Программы');
    await third.context.close();
  });
});
