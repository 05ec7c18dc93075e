import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, expectAccessible, launchBrowser, newContext, screenshot } from './support/browser.ts';
import { demoEmail, main, navbar, navLinkNames, pageHeading, signInDemo } from './support/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const ADMIN_ONLY = ['Пользователи', 'Журнал аудита', 'Исходящие письма'];

describe('signing in and out', () => {
  it('rejects a wrong password in Russian, lets the admin in and out, and gives a participant only their entries', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();

    // A wrong password: the server's translated message, still on the sign-in page.
    await page.goto('/sign-in');
    await expect.poll(() => pageHeading(page).textContent()).toBe('Вход');
    await expectAccessible(page);
    await page.getByLabel('Электронная почта').fill(demoEmail('admin'));
    await page.getByLabel('Пароль').fill(`${DEMO_PASSWORD}-wrong`);
    await page.getByRole('button', { name: 'Войти' }).click();
    const alert = main(page).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Неверный e-mail или пароль');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page);
    await screenshot(page, 'sign-in-error-desktop');

    // The admin lands on programmes and sees the admin sections.
    await signInDemo(page, 'admin');
    expect(new URL(page.url()).pathname).toBe('/programmes');
    // Other sections may join the navbar; these must be there, each once.
    const adminNav = await navLinkNames(page);
    expect(adminNav).toEqual(expect.arrayContaining(['Программы', ...ADMIN_ONLY, 'Настройки']));
    expect(new Set(adminNav).size).toBe(adminNav.length);
    await expectAccessible(page);

    // Each admin section opens from the navbar.
    for (const [link, heading] of [
      ['Пользователи', 'Пользователи и приглашения'],
      ['Журнал аудита', 'Журнал аудита'],
      ['Исходящие письма', 'Исходящие письма'],
    ] as const) {
      await navbar(page).getByRole('link', { name: link }).click();
      await expect.poll(() => pageHeading(page).textContent()).toBe(heading);
      expect(await navbar(page).getByRole('link', { name: link }).getAttribute('aria-current')).toBe('page');
      await expectAccessible(page);
    }

    // Sign out through the user menu: back at sign-in, and the session is really gone.
    await page.getByRole('button', { name: /^Меню пользователя / }).click();
    await page.getByRole('menuitem', { name: 'Выйти', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
    await page.goto('/users');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/users');

    // A participant: their programme and data, none of the admin's sections.
    await signInDemo(page, 'participant');
    const names = await navLinkNames(page);
    expect(names).toEqual(expect.arrayContaining(['Моя программа', 'Мои данные', 'Настройки']));
    expect(names).not.toContain('Программы');
    for (const name of [...ADMIN_ONLY, 'Импорт']) expect(names).not.toContain(name);
    await expectAccessible(page);
    await screenshot(page, 'participant-home-desktop');

    // The participant's own data page works.
    await navbar(page).getByRole('link', { name: 'Мои данные' }).click();
    await expect.poll(() => pageHeading(page).textContent()).toBe('Мои данные');
    await expectAccessible(page);
    await screenshot(page, 'my-data-desktop');
    await context.close();
  });
});
