import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { horizontalOverflow, main, navLinkNames, openStream, pageHeading, signedInPage } from './support/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

describe('teams, improvements and projects', () => {
  it('lets staff preview generated teams with their diversity score against random splits', async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    await openStream(page, 3);
    await main(page).getByRole('tab', { name: 'Команды' }).click();
    await main(page).getByRole('heading', { name: 'Конструктор команд' }).waitFor();
    // The demo's committed teams come with their own score.
    await main(page).getByTestId('diversity').first().waitFor();
    await main(page).getByRole('button', { name: 'Сформировать' }).click();
    const scores = main(page).getByTestId('diversity');
    await expect.poll(() => scores.count()).toBe(2);
    const preview = scores.first();
    expect(await preview.textContent()).toMatch(/Разнообразие\d+\.\d/);
    const percentile = Number(/Лучше случайных([\d.]+)%/.exec((await preview.textContent()) ?? '')?.[1]);
    expect(percentile).toBeGreaterThanOrEqual(95);
    await main(page).getByRole('button', { name: 'Сохранить эти команды' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'teams-builder-desktop');

    // A team page from the list.
    await main(page).getByRole('link', { name: 'Команда 1', exact: true }).first().click();
    await expect.poll(() => pageHeading(page).textContent()).toBe('Команда 1');
    await main(page).getByRole('heading', { name: 'Изменить команду' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'team-page-desktop');
    await context.close();
  });

  it('shows a participant the improvements board with all 30 areas covered, their team and their project on a phone', async () => {
    const { context, page } = await signedInPage(browser, 'participant', { phone: true });
    expect(await navLinkNames(page)).toEqual(expect.arrayContaining(['Моя команда', 'Мой проект']));
    const { items } = await getJson<{ items: Array<{ streamId: string; teamName: string }> }>(page, '/api/me/teams');
    expect(items).toHaveLength(1);
    await page.goto(`/streams/${items[0]!.streamId}?view=improvements`);
    await main(page).getByTestId('coverage-summary').waitFor();
    expect(await main(page).getByTestId('coverage-summary').textContent()).toContain('Охвачено направлений: 30 из 30');
    await main(page).getByRole('heading', { name: 'Доска улучшений' }).waitFor();
    await main(page).getByText(/^Строки 1–25 из \d+$/).waitFor();
    // Recording an improvement from the phone adds it to the board.
    const tourism = async () => (await getJson<{ total: number }>(page, `/api/streams/${items[0]!.streamId}/improvements?area=tourism`)).total;
    const before = await tourism();
    await main(page).getByRole('button', { name: 'Записать улучшение' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Направление/ }).click();
    await dialog.getByRole('textbox', { name: /^Направление/ }).fill('Туризм');
    await page.getByRole('option', { name: 'Туризм', exact: true }).click();
    await dialog.getByRole('textbox', { name: /^Регион/ }).click();
    await dialog.getByRole('textbox', { name: /^Регион/ }).fill('Самарская');
    await page.getByRole('option', { name: 'Самарская область' }).click();
    await dialog.getByRole('textbox', { name: /^Муниципалитет/ }).click();
    await page.getByRole('option').first().click();
    await dialog.getByRole('textbox', { name: /^Проблема/ }).fill('Туристы не знают о набережной');
    await dialog.getByRole('textbox', { name: /^Предлагаемое изменение/ }).fill('Навигация и маршрут выходного дня');
    await dialog.getByRole('textbox', { name: /^Ожидаемый эффект/ }).fill('+15% посетителей за лето');
    await expectAccessible(page);
    // The dialog alone: a full-page shot of a modal over the long board says little.
    await page.getByRole('dialog').screenshot({ path: fileURLToPath(new URL('./screenshots/improvement-form-phone.png', import.meta.url)) });
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await tourism()).toBe(before + 1);

    // Filtering by an area tile narrows the board.
    await main(page).getByRole('button', { name: /^Дороги/ }).click();
    await expect.poll(async () => Number(/из (\d+)$/.exec((await main(page).getByText(/^Строки \d+–\d+ из \d+$/).textContent()) ?? '')?.[1])).toBeLessThan(10);
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'improvements-board-phone');

    await page.goto('/me/team');
    await expect.poll(() => pageHeading(page).textContent()).toBe(items[0]!.teamName);
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'my-team-phone');

    await page.goto('/me/project');
    await main(page).getByRole('heading', { name: 'Защита проекта' }).waitFor();
    await main(page).getByRole('heading', { name: 'Гости из муниципальных команд' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'my-project-phone');
    await context.close();
  });
});
