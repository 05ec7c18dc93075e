import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { horizontalOverflow, main, pageHeading, signedInPage } from './support/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const SECTIONS = ['Заявитель', 'Ответы анкеты', 'Соответствие требованиям', 'Номинация', 'Онлайн-тест', 'Экспертная оценка', 'Собеседование', 'Рейтинг и решение', 'Документы'];

/** Every section of the file is there, each a region named by its heading. */
async function expectSections(page: Page): Promise<void> {
  for (const name of SECTIONS) await main(page).getByRole('region', { name, exact: true }).waitFor();
}

/** Clicks a download link and returns the file's suggested name and bytes. */
async function download(page: Page, name: string | RegExp): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), main(page).getByRole('link', { name }).click()]);
  expect(await file.failure()).toBeNull();
  return { name: file.suggestedFilename(), bytes: await fs.readFile((await file.path())!) };
}

/** Staff's way in: the campaign's list of applications, the best-ranked applicant's name. */
async function openBestRanked(page: Page): Promise<{ url: string; name: string }> {
  await page.goto('/admissions');
  await main(page).getByRole('link', { name: 'Школа мэров — набор 2024–2025' }).click();
  await page.waitForURL(/\/admissions\/[^/]+$/);
  const table = main(page).getByRole('table');
  const first = table.locator('tbody tr').first();
  await expect.poll(() => first.locator('td').first().textContent()).toBe('1');
  const link = first.getByRole('link');
  const name = (await link.textContent())!.trim();
  await link.click();
  await page.waitForURL(/\/applications\/[^/]+$/);
  await expect.poll(() => pageHeading(page).textContent()).toBe(name);
  return { url: new URL(page.url()).pathname, name };
}

describe('an application file', () => {
  it('lets staff find an applicant, open the file with every section and download the documents', async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    const { url, name } = await openBestRanked(page);
    await expectSections(page);
    const documents = main(page).getByRole('region', { name: 'Документы', exact: true });
    await documents.getByRole('link', { name: 'Диплом о высшем образовании.pdf' }).waitFor();
    await main(page).getByRole('region', { name: 'Рейтинг и решение' }).getByText('Принята').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'application-file-desktop');

    const diploma = await download(page, 'Диплом о высшем образовании.pdf');
    expect(diploma.name).toBe('Диплом о высшем образовании.pdf');
    expect(diploma.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const scan = await download(page, 'Выписка из трудовой книжки.png');
    expect(scan.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const zip = await download(page, 'Скачать все (ZIP)');
    expect(zip.name).toBe(`${name}.zip`);
    expect(zip.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // The campaign's list finds the same applicant by surname.
    await main(page).getByRole('link', { name: '← К кампании' }).click();
    await page.waitForURL(/\/admissions\/[^/]+$/);
    const surname = name.split(' ')[0]!;
    await main(page).getByRole('searchbox', { name: 'Поиск по ФИО или почте' }).fill(surname);
    await expect.poll(async () => (await main(page).getByRole('table').locator('tbody tr').allTextContents()).every((row) => row.includes(surname))).toBe(true);
    await main(page).getByRole('table').getByRole('link', { name }).waitFor();
    await screenshot(page, 'application-file-list-search-desktop');
    await context.close();

    // The same file on a phone: readable, nothing wider than the screen.
    const phone = await signedInPage(browser, 'staff', { phone: true });
    await phone.page.goto(url);
    await expect.poll(() => pageHeading(phone.page).textContent()).toBe(name);
    await expectSections(phone.page);
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
    await expectAccessible(phone.page);
    await screenshot(phone.page, 'application-file-phone');
    await phone.context.close();
  });

  it('lets a regional coordinator open an applicant of their region from the nominations, without the experts’ names', async () => {
    const { context, page } = await signedInPage(browser, 'coordinator', { phone: true });
    await page.goto('/admissions');
    await main(page).getByRole('link', { name: 'Школа мэров — набор 2024–2025' }).click();
    await page.waitForURL(/\/nominations$/);
    const first = main(page).getByRole('link').filter({ hasText: /\S+ \S+/ }).first();
    const name = (await first.textContent())!.trim();
    await first.click();
    await expect.poll(() => pageHeading(page).textContent()).toBe(name);
    await expectSections(page);
    await main(page).getByText('Координаторам имена экспертов и членов комиссии не показываются.').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await screenshot(page, 'application-file-coordinator-phone');
    await context.close();
  });
});
