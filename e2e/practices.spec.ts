import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { horizontalOverflow, main, navLinkNames, pageHeading, signedInPage } from './support/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('practice transfer', () => {
  it('finds a practice by an inflected Russian word and opens its page', async () => {
    const { context, page } = await signedInPage(browser, 'participant');
    expect(await navLinkNames(page)).toEqual(expect.arrayContaining(['Библиотека практик', 'Мои внедрения']));
    await page.goto('/practices');
    await expect.poll(() => pageHeading(page).textContent()).toBe('Библиотека практик');
    // «автобусами» is stored nowhere: the title says «автобусы». Russian stemming finds it.
    await main(page).getByRole('searchbox', { name: 'Поиск по практикам' }).fill('автобусами');
    await expect.poll(() => main(page).getByRole('status').filter({ hasText: /^Найден/ }).textContent(), { timeout: 10_000 }).toBe('Найдена 1 практика');
    expect(await main(page).getByRole('heading', { level: 2 }).first().textContent()).toBe('Школьные автобусы по расписанию с GPS-контролем');
    expect(new URL(page.url()).searchParams.get('q')).toBe('автобусами');
    await expectAccessible(page);
    await screenshot(page, 'practices-search');

    // The snippet highlights the query's word in any of its forms, as text (the summary says «родителям»).
    await main(page).getByRole('searchbox', { name: 'Поиск по практикам' }).fill('родители');
    const marks = main(page).getByRole('list', { name: 'Результаты' }).locator('mark');
    await expect.poll(() => marks.allTextContents(), { timeout: 10_000 }).toContain('родителям');
    expect((await marks.allTextContents()).every((word) => word.toLowerCase().startsWith('родител'))).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'practices-search-highlight');
    await main(page).getByRole('searchbox', { name: 'Поиск по практикам' }).fill('автобусами');

    await main(page).getByRole('link', { name: 'Школьные автобусы по расписанию с GPS-контролем' }).click();
    await expect.poll(() => pageHeading(page).textContent()).toBe('Школьные автобусы по расписанию с GPS-контролем');
    await main(page).getByRole('heading', { name: 'Где участники видели практику' }).waitFor();
    await main(page).getByRole('heading', { name: 'Показатели во всех внедрениях' }).waitFor();
    await main(page).getByRole('button', { name: 'Внедрить у себя' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'practice-page');

    // The module filter offers the field modules where practices were shown, and narrows the library to one.
    await page.goto('/practices');
    await main(page).getByRole('textbox', { name: 'Выездной модуль' }).click();
    const option = page.getByRole('option', { name: /^Модуль \d+, поток \d+: / }).first();
    const shownThere = Number(/\((\d+)\)$/.exec((await option.textContent()) ?? '')?.[1]);
    await option.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('moduleId')).not.toBeNull();
    await expect.poll(() => main(page).getByRole('list', { name: 'Результаты' }).getByRole('listitem').count(), { timeout: 10_000 }).toBe(shownThere);
    await expectAccessible(page);
    await screenshot(page, 'practices-module-filter');
    await context.close();
  });

  it('lets a participant record a check-in with a KPI actual on a phone', async () => {
    const { context, page } = await signedInPage(browser, 'participant', { phone: true });
    await page.goto('/me/adoptions');
    await expect.poll(() => pageHeading(page).textContent()).toBe('Мои внедрения');
    await main(page).getByRole('link', { name: 'Школьные автобусы по расписанию с GPS-контролем' }).waitFor();
    expect(await main(page).getByText(/просрочен/).count()).toBeGreaterThan(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'my-adoptions-phone');

    // The plan with an overdue report: the school-bus practice, committed in May 2025.
    await main(page).getByRole('link', { name: 'Школьные автобусы по расписанию с GPS-контролем' }).click();
    await expect.poll(() => pageHeading(page).textContent()).toBe('Школьные автобусы по расписанию с GPS-контролем');
    const overdue = main(page).getByRole('listitem').filter({ hasText: 'Просрочен' }).first();
    await overdue.getByRole('button', { name: 'Заполнить отчёт' }).click();
    const form = overdue.getByRole('form');
    await form.getByRole('textbox', { name: /Рейсы без опоздания/ }).fill('88');
    await form.getByRole('textbox', { name: 'Комментарий' }).fill('Маршруты пересмотрены, <b>трекеры</b> стоят на всех автобусах');
    await form.getByRole('button', { name: 'Отправить отчёт' }).click();
    await form.waitFor({ state: 'detached', timeout: 15_000 });
    // The markup typed into the note is shown as text, not interpreted.
    expect(await main(page).getByText('Маршруты пересмотрены, <b>трекеры</b> стоят на всех автобусах', { exact: false }).count()).toBe(1);
    expect(await main(page).locator('b', { hasText: 'трекеры' }).count()).toBe(0);
    expect(await main(page).getByText(/сейчас 88/).count()).toBeGreaterThan(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'adoption-plan-phone');
    await context.close();
  });

  it('shows staff the flows map and the curation queue', async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    await page.goto('/practices/flows');
    await expect.poll(() => pageHeading(page).textContent()).toBe('Карта распространения практик');
    await main(page).getByRole('group', { name: 'Картограмма регионов: распространение практик' }).waitFor();
    await main(page).getByRole('heading', { name: 'Охват 30 направлений' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'practices-flows');

    await page.goto('/practices/curation');
    await expect.poll(() => pageHeading(page).textContent()).toBe('Кураторство практик');
    await main(page).getByRole('link', { name: /Управляй городом/ }).waitFor();
    await main(page).getByRole('heading', { name: 'Просроченные отчёты о внедрении' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'practices-curation');
    await context.close();
  });
});
