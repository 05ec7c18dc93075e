import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, screenshot } from './support/browser.ts';
import { horizontalOverflow, main, signInDemo, type DemoAccount } from './support/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** A main page: how to reach it (a path, or clicks from the previous page) and its h1. */
interface Visit {
  name: string;
  heading: string;
  path?: string;
  go?: (page: Page) => Promise<void>;
  /** Something else the page must show. */
  shows?: string;
  /** The texts of role=alert boxes the page is meant to show (any other alert is a failed request). */
  alerts?: string[];
}

const PUBLIC: Visit[] = [
  { name: 'sign-in', path: '/sign-in', heading: 'Вход' },
  { name: 'reset-password', path: '/reset-password', heading: 'Восстановление пароля' },
  { name: 'accept-invitation-no-token', path: '/accept-invitation', heading: 'Приглашение', alerts: ['В ссылке нет кода приглашения. Откройте ссылку из письма целиком.'] },
  { name: 'not-found', path: '/no-such-page', heading: 'Страница не найдена' },
];

const BY_ACCOUNT: Array<{ account: DemoAccount; visits: Visit[] }> = [
  {
    account: 'admin',
    visits: [
      { name: 'admin-programmes', path: '/programmes', heading: 'Программы', shows: 'Школа мэров Пермского края' },
      { name: 'admin-users', path: '/users', heading: 'Пользователи и приглашения', shows: 'coordinator@demo.mayors-school.ru' },
      { name: 'admin-audit', path: '/audit', heading: 'Журнал аудита', shows: 'admin@demo.mayors-school.ru' },
      { name: 'admin-outbox', path: '/outbox', heading: 'Исходящие письма' },
      { name: 'admin-settings', path: '/settings', heading: 'Настройки', shows: 'Двухфакторная аутентификация' },
    ],
  },
  {
    account: 'staff',
    visits: [{ name: 'staff-import-picker', path: '/import', heading: 'Импорт участников' }],
  },
  {
    account: 'perm-staff',
    // The Perm regional school's staff see their programme only.
    visits: [
      {
        name: 'perm-staff-programme',
        path: '/programmes',
        heading: 'Школа мэров Пермского края',
        go: async (page) => {
          await main(page).getByRole('link', { name: 'Школа мэров Пермского края' }).waitFor();
          expect(await main(page).getByRole('link', { name: 'Школа мэров', exact: true }).count()).toBe(0);
          await main(page).getByRole('link', { name: 'Школа мэров Пермского края' }).click();
        },
        shows: 'Набор 2025',
      },
    ],
  },
  {
    account: 'participant',
    visits: [
      {
        name: 'participant-programme',
        path: '/programmes',
        heading: 'Школа мэров',
        go: (page) => main(page).getByRole('link', { name: 'Школа мэров', exact: true }).click(),
      },
      {
        name: 'participant-stream',
        heading: 'Поток 3',
        go: (page) => main(page).getByRole('link', { name: 'Поток 3', exact: true }).click(),
        shows: 'Список участников потока и карта доступны сотрудникам программы',
      },
      {
        name: 'participant-my-data',
        path: '/my-data',
        heading: 'Мои данные',
        shows: 'Согласия на обработку персональных данных',
      },
    ],
  },
  {
    account: 'alumnus',
    visits: [{ name: 'alumnus-programmes', path: '/programmes', heading: 'Программы', shows: 'Школа мэров' }],
  },
];

/** Opens the page, checks its heading and extra text, runs axe and screenshots it; returns how far it scrolls sideways. */
async function visit(page: Page, v: Visit, suffix: string): Promise<number> {
  if (v.path) await page.goto(v.path);
  if (v.go) await v.go(page);
  const h1 = page.getByRole('heading', { level: 1 });
  await expect.poll(() => h1.textContent(), { message: v.name }).toBe(v.heading);
  if (v.shows) await page.getByText(v.shows).first().waitFor();
  // Lazy queries (tables under the title) have settled, and none of them failed.
  await expect.poll(() => page.getByLabel('Загрузка…').count(), { message: `${v.name}: still loading` }).toBe(0);
  expect(await page.getByRole('alert').allTextContents(), v.name).toEqual(v.alerts ?? []);
  await expectAccessible(page);
  await screenshot(page, `${v.name}-${suffix}`);
  return horizontalOverflow(page);
}

const GROUPS: Array<{ who: string; account: DemoAccount | null; visits: Visit[] }> = [
  { who: 'a visitor', account: null, visits: PUBLIC },
  ...BY_ACCOUNT.map((g) => ({ who: g.account, ...g })),
];

describe.each([
  { suffix: 'desktop', phone: false },
  { suffix: 'phone', phone: true },
])('the main pages ($suffix)', ({ suffix, phone }) => {
  it.each(GROUPS)('render for $who with their heading, pass axe and do not scroll sideways', async ({ account, visits }) => {
    const context = await newContext(browser, { phone });
    const page = await context.newPage();
    if (account) await signInDemo(page, account);
    const overflow: Record<string, number> = {};
    for (const v of visits) overflow[v.name] = await visit(page, v, suffix);
    await context.close();
    // Wide tables scroll inside their own region; the page as a whole never does.
    expect(Object.entries(overflow).filter(([, px]) => px > 0)).toEqual([]);
  });
});
