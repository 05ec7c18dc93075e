import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { main, navLinkNames, pagerRange, pageHeading, rosterApi, rosterColumn, rosterRows, signedInPage, streamIdOf } from './support/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const MY_REGIONS = { 'RU-SAM': 'Самарская область', 'RU-IRK': 'Иркутская область' } as const;
const REGION = 2;

describe('a regional coordinator', () => {
  it('sees only people from Samara and Irkutsk in every stream roster they can open', async () => {
    const { context, page } = await signedInPage(browser, 'coordinator', { phone: true });
    expect(new URL(page.url()).pathname).toBe('/my-regions');
    expect(await pageHeading(page).textContent()).toBe('Люди моих регионов');
    const nav = await navLinkNames(page);
    expect(nav).toContain('Люди моих регионов');
    for (const adminOnly of ['Пользователи', 'Журнал аудита', 'Импорт']) expect(nav).not.toContain(adminOnly);
    const badges = await main(page).getByRole('list', { name: 'Мои регионы' }).getByRole('listitem').allTextContents();
    expect(badges.sort()).toEqual(Object.values(MY_REGIONS).sort());
    await expectAccessible(page);
    await screenshot(page, 'my-regions-phone');

    const streams = main(page).getByRole('table', { name: 'Потоки с участниками из ваших регионов' }).locator('tbody tr');
    const streamNames = (await streams.locator('td:first-child').allTextContents()).map((s) => s.trim());
    expect(streamNames).toEqual(expect.arrayContaining(['Поток 3', 'Поток 4']));

    let seen = 0;
    for (const name of ['Поток 3', 'Поток 4']) {
      await page.goto('/my-regions');
      await streams.filter({ hasText: name }).getByRole('link', { name: 'Открыть список' }).click();
      await page.waitForURL(/\/streams\/[^/]+/);
      await expect.poll(() => pageHeading(page).textContent()).toBe(name);
      await pagerRange(page).waitFor();

      // What the page shows: every row from one of the two regions.
      const shown = await rosterColumn(page, REGION);
      expect(shown.length).toBeGreaterThan(0);
      for (const region of shown) expect(Object.values(MY_REGIONS)).toContain(region);
      const total = Number(/из (\d+)$/.exec((await pagerRange(page).textContent()) ?? '')?.[1]);
      expect(total).toBe(await rosterRows(page).count());
      expect(total).toBeLessThan(80);

      // What the API gives them, asked for everything: the same, and nothing else.
      const streamId = streamIdOf(page);
      const all = await rosterApi(page, streamId, { pageSize: '500' });
      expect(all.total).toBe(total);
      for (const item of all.items) expect(Object.keys(MY_REGIONS)).toContain(item.regionCode);
      // Asking for another region by name does not widen the view.
      expect((await rosterApi(page, streamId, { region: 'RU-MOW' })).total).toBe(0);
      seen += total;
      await expectAccessible(page);
      await screenshot(page, `coordinator-${name === 'Поток 3' ? 'stream-3' : 'stream-4'}-phone`);
    }
    expect(seen).toBeGreaterThan(0);
    await context.close();
  });
});
