import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, screenshot } from './support/browser.ts';
import { main, openStream, pageHeading, signedInPage } from './support/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

interface StreamDiplomas {
  counts: { issued: number; revoked: number };
  rows: Array<{ fullName: string; diploma: { id: string; registryNumber: string; status: string; validFrom: string } | null }>;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

describe('verifiable diplomas', () => {
  it('lets anyone verify a demo diploma from its QR link, without signing in; a revoked one says so', async () => {
    // Staff open stream 3's diplomas tab: the demo issued them at the ceremony on 5 June 2025.
    const { context: staffContext, page: staff } = await signedInPage(browser, 'staff');
    const streamId = await openStream(staff, 3);
    await main(staff).getByRole('tab', { name: 'Дипломы' }).click();
    await main(staff).getByRole('table', { name: 'Участники потока и их дипломы' }).waitFor();
    await screenshot(staff, 'diplomas-staff-tab');
    const data = await getJson<StreamDiplomas>(staff, `/api/streams/${streamId}/diplomas`);
    expect(data.counts.issued).toBeGreaterThan(0);
    const issued = data.rows.filter((r) => r.diploma);
    expect(new Set(issued.map((r) => r.diploma!.validFrom.slice(0, 10)))).toEqual(new Set(['2025-06-05']));
    const valid = issued.find((r) => r.diploma!.status === 'valid')!;
    // The staff table shows a page of 25 and finds a diploma by its registry number.
    const staffTable = main(staff).getByRole('table', { name: 'Участники потока и их дипломы' });
    expect(await staffTable.locator('tbody tr').count()).toBe(Math.min(25, data.rows.length));
    await main(staff).getByRole('searchbox', { name: 'Поиск по ФИО или номеру' }).fill(valid.diploma!.registryNumber);
    await expect.poll(() => staffTable.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining(valid.fullName)]);
    await staffContext.close();

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/verify/${valid.diploma!.id}`);
    await expect.poll(() => pageHeading(page).textContent()).toBe('Проверка диплома');
    await main(page).getByText('Диплом подлинный и действителен').waitFor();
    expect(await main(page).getByText(valid.fullName, { exact: true }).isVisible()).toBe(true);
    expect(await main(page).getByText(valid.diploma!.registryNumber).isVisible()).toBe(true);
    expect(await main(page).getByText('Электронная подпись верна (eddsa-rdfc-2022)').isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'diplomas-verify-valid');

    // An unknown id: a plain message, no error page.
    await page.goto('/verify/AAAAAAAAAAAAAAAAAAAAAA');
    await main(page).getByText('Диплом с таким номером не найден. Проверьте ссылку.').waitFor();
    await context.close();
  });

  it('shows a revoked demo diploma as revoked, and verifies an uploaded credential file', async () => {
    const { context: staffContext, page: staff } = await signedInPage(browser, 'staff');
    const streams = [await openStream(staff, 3), await openStream(staff, 4)];
    const all = (await Promise.all(streams.map((id) => getJson<StreamDiplomas>(staff, `/api/streams/${id}/diplomas`)))).flatMap((d) => d.rows);
    const revoked = all.find((r) => r.diploma?.status === 'revoked')!;
    const valid = all.find((r) => r.diploma?.status === 'valid')!;
    const credential = await (await staff.request.get(`/api/diplomas/${valid.diploma!.id}/credential`)).text();
    await staffContext.close();

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/verify/${revoked.diploma!.id}`);
    await main(page).getByText('Диплом отозван', { exact: true }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'diplomas-verify-revoked');

    await page.goto('/verify');
    await expect.poll(() => pageHeading(page).textContent()).toBe('Проверить файл диплома');
    await main(page).getByLabel('Или вставьте текст документа').fill(credential.replace(valid.fullName, 'Подставное Имя'));
    await main(page).getByRole('button', { name: 'Проверить' }).click();
    await main(page).getByText('Диплом не прошёл проверку').waitFor();
    await main(page).getByLabel('Или вставьте текст документа').fill(credential);
    await main(page).getByRole('button', { name: 'Проверить' }).click();
    await main(page).getByText('Диплом подлинный и действителен').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'diplomas-verify-upload');
    await context.close();
  });

  it("lists the graduates on the final module's ceremony session, for staff", async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    const streamId = await openStream(page, 3);
    const modules = await getJson<{ items: Array<{ id: string; number: number }> }>(page, `/api/modules?streamId=${streamId}`);
    const final = modules.items.reduce((a, b) => (b.number > a.number ? b : a));
    const data = await getJson<StreamDiplomas & { ceremonySessionId: string | null }>(page, `/api/streams/${streamId}/diplomas`);
    expect(data.ceremonySessionId).not.toBeNull();
    await page.goto(`/modules/${final.id}`);
    const table = main(page).getByRole('table', { name: 'Выпускники потока и их дипломы' });
    await table.waitFor();
    const someone = data.rows.find((r) => r.diploma?.status === 'valid')!;
    expect(await table.getByText(someone.diploma!.registryNumber).isVisible()).toBe(true);
    await main(page).getByRole('heading', { name: 'Выпускники' }).scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await screenshot(page, 'diplomas-ceremony-graduates');
    await context.close();
  });

  it('shows a participant their diplomas with PDF, JSON and a share link', async () => {
    const { context, page } = await signedInPage(browser, 'participant');
    await page.goto('/me/diplomas');
    await expect.poll(() => pageHeading(page).textContent()).toBe('Мои дипломы');
    const mine = await getJson<{ items: Array<{ id: string }> }>(page, '/api/me/diplomas');
    if (mine.items.length > 0) {
      await main(page).getByRole('link', { name: 'Скачать PDF' }).first().waitFor();
      const pdf = await page.request.get(`/api/diplomas/${mine.items[0]!.id}/pdf`);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
    } else {
      await main(page).getByText(/Дипломов пока нет/).waitFor();
    }
    await expectAccessible(page);
    await screenshot(page, 'diplomas-mine');
    await context.close();
  });
});
