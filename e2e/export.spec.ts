import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from './support/browser.ts';
import { main, openStream, pagerRange, rosterApi, signedInPage } from './support/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const BOM = [0xef, 0xbb, 0xbf];

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), main(page).getByRole('link', { name: button }).click()]);
  expect(await file.failure()).toBeNull();
  return { name: file.suggestedFilename(), bytes: await fs.readFile((await file.path())!) };
}

/** The CSV's lines without the BOM and the trailing empty line. */
function csvLines(bytes: Buffer): string[] {
  return bytes.subarray(3).toString('utf8').split('\r\n').filter((line) => line !== '');
}

describe('exporting a roster', () => {
  it('downloads stream 3 as CSV for Excel (BOM, header, 80 rows) and as XLSX, and exports only what the filters show', async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    const streamId = await openStream(page, 3);
    await expect.poll(() => pagerRange(page).textContent()).toBe('Строки 1–50 из 80');
    await expectAccessible(page);

    const csv = await download(page, 'Выгрузить CSV');
    expect(csv.name).toMatch(/\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual(BOM);
    const lines = csvLines(csv.bytes);
    const header = lines[0]!.split(';');
    expect(header).toEqual(expect.arrayContaining(['ФИО', 'Субъект РФ', 'E-mail', 'Статус']));
    expect(lines.slice(1)).toHaveLength(80);
    // ';'-separated like the header (the demo's values hold no ';' or quotes).
    for (const line of lines.slice(1)) expect(line.split(';')).toHaveLength(header.length);
    // Every participant of the stream is in the file, each once.
    const emails = (await rosterApi(page, streamId, { pageSize: '100' })).items.map((i) => i.email!);
    expect(emails).toHaveLength(80);
    for (const email of emails) expect(lines.filter((line) => line.includes(email))).toHaveLength(1);

    const xlsx = await download(page, 'Выгрузить XLSX');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(xlsx.bytes.length).toBeGreaterThan(5_000);

    // With a search in place, the export follows the page's filters.
    const someone = emails[0]!;
    await main(page).getByRole('searchbox', { name: 'Поиск' }).fill(someone);
    await expect.poll(() => pagerRange(page).textContent()).toBe('Строки 1–1 из 1');
    const filtered = csvLines((await download(page, 'Выгрузить CSV')).bytes);
    expect(filtered).toHaveLength(2);
    expect(filtered[1]).toContain(someone);
    await context.close();
  });
});
