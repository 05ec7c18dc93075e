import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import {
  escapeRegExp,
  horizontalOverflow,
  main,
  navbar,
  openStream,
  pagerRange,
  pageHeading,
  rosterApi,
  rosterColumn,
  rosterNames,
  rosterRows,
  rosterTable,
  signedInPage,
} from './support/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

interface Region {
  code: string;
  nameRu: string;
}
interface RegionsSummary {
  items: Array<{ regionCode: string; count: number }>;
  total: number;
  regionCount: number;
}

const AGE = 1;
const REGION = 2;
const cartogram = (page: Page) => main(page).getByRole('group', { name: 'Картограмма регионов России' });
const searchParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** Whether any part of the element lies inside the viewport (after the drawer's slide has settled). */
async function isOnScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const width = locator.page().viewportSize()!.width;
  return box !== null && box.x + box.width > 0 && box.x < width && box.x >= 0;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** The region with the most participants in the stream, by the API the map uses. */
async function busiestRegion(page: Page, streamId: string): Promise<{ code: string; name: string; count: number }> {
  const [summary, regions] = await Promise.all([
    getJson<RegionsSummary>(page, `/api/streams/${streamId}/regions-summary`),
    getJson<{ items: Region[] }>(page, '/api/regions'),
  ]);
  const top = [...summary.items].sort((a, b) => b.count - a.count)[0]!;
  const name = regions.items.find((r) => r.code === top.regionCode)!.nameRu;
  return { code: top.regionCode, name, count: top.count };
}

describe('a stream as programme staff', () => {
  it('finds stream 3 from the programmes, searches, sorts and pages its roster, and filters it from the map', async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    const streamId = await openStream(page, 3, {
      onEachPage: async (p) => {
        await expectAccessible(p);
        await screenshot(p, `${new URL(p.url()).pathname.startsWith('/programmes/') ? 'programme' : 'programmes'}-desktop`);
      },
    });
    expect(await main(page).getByText('80 участников', { exact: true }).isVisible()).toBe(true);

    // The roster: 80 in all, 50 on the first page, sorted by name.
    await expect.poll(() => pagerRange(page).textContent()).toBe('Строки 1–50 из 80');
    expect(await rosterRows(page).count()).toBe(50);
    const firstPage = await rosterNames(page);
    expect(firstPage).toEqual([...firstPage].sort((a, b) => a.localeCompare(b, 'ru')));
    await expectAccessible(page);
    await screenshot(page, 'stream-roster-desktop');

    // Search by the first person's last name narrows the list to people matching it.
    const lastName = firstPage[0]!.split(' ')[0]!;
    await main(page).getByRole('searchbox', { name: 'Поиск' }).fill(lastName);
    await expect.poll(() => searchParam(page, 'q')).toBe(lastName);
    const expected = (await rosterApi(page, streamId, { q: lastName })).total;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(80);
    await expect.poll(() => pagerRange(page).textContent()).toBe(`Строки 1–${expected} из ${expected}`);
    const found = await rosterRows(page).allTextContents();
    expect(found).toHaveLength(expected);
    for (const row of found) expect(row.toLowerCase()).toContain(lastName.toLowerCase());
    await expectAccessible(page);
    await main(page).getByRole('button', { name: 'Сбросить фильтры' }).click();
    await expect.poll(() => pagerRange(page).textContent()).toBe('Строки 1–50 из 80');

    // Sort by age: ascending, then descending, the header saying which.
    const ageHeader = rosterTable(page).getByRole('columnheader', { name: 'Возраст' });
    await ageHeader.getByRole('button').click();
    await expect.poll(() => ageHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => searchParam(page, 'sort')).toBe('age');
    await expect.poll(async () => (await rosterNames(page))[0]).not.toBe(firstPage[0]);
    const ascending = (await rosterColumn(page, AGE)).map(Number);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await ageHeader.getByRole('button').click();
    await expect.poll(() => ageHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(async () => Number((await rosterColumn(page, AGE))[0])).toBeGreaterThan(ascending[0]!);
    const descending = (await rosterColumn(page, AGE)).map(Number);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(await rosterTable(page).getByRole('columnheader', { name: 'ФИО' }).getAttribute('aria-sort')).toBe('none');

    // Paging: the second page holds the other 30, none of them from page one.
    const pageOne = await rosterNames(page);
    await main(page).getByRole('button', { name: 'Следующая страница' }).click();
    await expect.poll(() => pagerRange(page).textContent()).toBe('Строки 51–80 из 80');
    expect(searchParam(page, 'page')).toBe('2');
    const pageTwo = await rosterNames(page);
    expect(pageTwo).toHaveLength(30);
    expect(pageTwo.filter((name) => pageOne.includes(name))).toEqual([]);
    expect(await main(page).getByRole('button', { name: 'Страница 2' }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(page);

    // The map: one tile per federal subject, named with its count; a tile filters the roster.
    const regions = await getJson<{ items: Region[] }>(page, '/api/regions');
    expect(regions.items).toHaveLength(89);
    await main(page).getByRole('tab', { name: 'Карта регионов' }).click();
    await expect.poll(() => searchParam(page, 'view')).toBe('map');
    await expect.poll(() => cartogram(page).getByRole('button').count()).toBe(89);
    const summary = await getJson<RegionsSummary>(page, `/api/streams/${streamId}/regions-summary`);
    expect(summary.total).toBe(80);
    expect(await main(page).getByText(`80 участников из регионов: ${summary.regionCount}`).isVisible()).toBe(true);
    const busiest = await busiestRegion(page, streamId);
    const tile = cartogram(page).getByRole('button', { name: new RegExp(`^${escapeRegExp(busiest.name)}: ${busiest.count} участник`) });
    expect(await tile.count()).toBe(1);
    expect(await cartogram(page).getByRole('button', { name: /: 0 участников$/ }).count()).toBe(89 - summary.regionCount);
    await expectAccessible(page);
    await screenshot(page, 'stream-map-desktop');

    // The accessible alternative: the same numbers as a table.
    await main(page).getByText('Таблица', { exact: true }).click();
    const regionsTable = main(page).getByRole('table', { name: 'Число участников по регионам' });
    await expect.poll(() => regionsTable.locator('tbody tr').count()).toBe(summary.regionCount);
    await expectAccessible(page);
    await main(page).getByText('Карта', { exact: true }).click();

    await tile.click();
    await expect.poll(() => searchParam(page, 'region')).toBe(busiest.code);
    expect(searchParam(page, 'view')).toBeNull();
    await expect.poll(() => pagerRange(page).textContent()).toBe(`Строки 1–${busiest.count} из ${busiest.count}`);
    expect(new Set(await rosterColumn(page, REGION))).toEqual(new Set([busiest.name]));
    expect(await main(page).getByLabel('Регион', { exact: true }).inputValue()).toBe(busiest.name);
    await expectAccessible(page);
    await context.close();
  });

  it('works on a 390-px phone: drawer navigation, roster and map without the page scrolling sideways', async () => {
    const { context, page } = await signedInPage(browser, 'staff', { phone: true });

    // The navbar is a drawer behind the burger. Closed, it is inert and hidden: not in the accessibility
    // tree and not reachable with Tab, although Mantine only slides it off-screen.
    const burger = page.getByRole('button', { name: 'Открыть меню' });
    expect(await burger.getAttribute('aria-expanded')).toBe('false');
    expect(await navbar(page).count()).toBe(0);
    expect(await page.locator('#app-navbar').evaluate((el) => el.hasAttribute('inert'))).toBe(true);
    await burger.click();
    await expect.poll(() => isOnScreen(navbar(page))).toBe(true);
    expect(await page.getByRole('button', { name: 'Закрыть меню' }).getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page);
    await screenshot(page, 'nav-drawer-phone');
    // Picking a page closes the drawer.
    await navbar(page).getByRole('link', { name: 'Импорт' }).click();
    await expect.poll(() => pageHeading(page).textContent()).toBe('Импорт участников');
    await expect.poll(() => navbar(page).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'import-picker-phone');

    await openStream(page, 3, {
      onEachPage: async (p) => {
        await expectAccessible(p);
        expect(await horizontalOverflow(p)).toBe(0);
        await screenshot(p, `${new URL(p.url()).pathname.startsWith('/programmes/') ? 'programme' : 'programmes'}-phone`);
      },
    });
    await expect.poll(() => pagerRange(page).textContent()).toBe('Строки 1–50 из 80');
    expect(await rosterRows(page).count()).toBe(50);
    // On a phone the roster is a list of cards, not a wide table; the page does not scroll sideways.
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await rosterTable(page).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'stream-roster-phone');
    // Sorting is still there: a select instead of the column headers.
    const ages = async () => (await rosterColumn(page, AGE)).map(Number);
    await main(page).getByLabel('Сортировка', { exact: true }).click();
    await page.getByRole('option', { name: 'Возраст — по убыванию' }).click();
    await expect.poll(() => searchParam(page, 'sort')).toBe('age');
    expect(searchParam(page, 'order')).toBe('desc');
    await expect
      .poll(async () => {
        const a = await ages();
        return a.length === 50 && a.every((x, i) => i === 0 || a[i - 1]! >= x);
      })
      .toBe(true);

    await main(page).getByRole('tab', { name: 'Карта регионов' }).click();
    await expect.poll(() => cartogram(page).getByRole('button').count()).toBe(89);
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'stream-map-phone');

    // A tile is still a working control on the phone (scrolled into view inside the map's scroller).
    const streamId = new URL(page.url()).pathname.split('/')[2]!;
    const busiest = await busiestRegion(page, streamId);
    await cartogram(page).getByRole('button', { name: new RegExp(`^${escapeRegExp(busiest.name)}: `) }).click();
    await expect.poll(() => pagerRange(page).textContent()).toBe(`Строки 1–${busiest.count} из ${busiest.count}`);
    await context.close();
  });
});
