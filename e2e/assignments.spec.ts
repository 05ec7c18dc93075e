import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { horizontalOverflow, main, navLinkNames, openStream, pageHeading, signedInPage } from './support/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const ESSAY = 'Эссе: инфраструктура и экономическая активность';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode');

const fileInput = (page: Page) => main(page).locator('input[type="file"]');

describe('assignments, grading and completion', () => {
  it('lets a participant submit from a phone: a lying file is refused, a PDF is taken and flagged late', async () => {
    const { context, page } = await signedInPage(browser, 'participant', { phone: true });
    expect(await navLinkNames(page)).toEqual(expect.arrayContaining(['Мои задания', 'Мой путь к диплому']));
    await page.goto('/me/assignments');
    await expect.poll(() => pageHeading(page).textContent()).toBe('Мои задания');
    const essayCard = main(page).getByRole('listitem').filter({ hasText: ESSAY });
    await essayCard.getByText('Не сдано').waitFor();
    // A graded, released assignment shows its score on the card.
    expect(await main(page).getByText(/^Зачтено: [\d,]+ из 100$/).count()).toBeGreaterThan(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'assignments-mine-phone');

    await essayCard.getByRole('link', { name: ESSAY }).click();
    await expect.poll(() => pageHeading(page).textContent()).toBe(ESSAY);
    await main(page).getByText(/Срок: .*\(Europe\/Moscow\)/).waitFor();
    await main(page).getByLabel('Текст работы').fill('Главный проект — обход города и новая промзона.');
    await fileInput(page).setInputFiles({ name: 'эссе.pdf', mimeType: 'application/pdf', buffer: EXE });
    await main(page).getByRole('button', { name: 'Сдать', exact: true }).click();
    await main(page).getByRole('alert').getByText('Файл не принят: допустимы PDF, DOCX, XLSX, PPTX, PNG и JPEG').waitFor();
    await screenshot(page, 'assignments-refused-phone');

    await fileInput(page).setInputFiles({ name: 'эссе.pdf', mimeType: 'application/pdf', buffer: PDF });
    await main(page).getByRole('button', { name: 'Сдать', exact: true }).click();
    await main(page).getByRole('status').getByText('Версия 1 сдана').waitFor();
    const versions = main(page).getByRole('region', { name: 'Сданные версии' });
    await versions.getByText('Версия 1').waitFor();
    expect(await versions.getByRole('link', { name: 'эссе.pdf' }).count()).toBe(1);
    // The demo's intake ended in 2025: this essay comes in after its due time and is flagged.
    expect(await versions.getByText('С опозданием').count()).toBe(1);
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'assignments-submitted-phone');
    await context.close();
  });

  it('gives the expert the submission in their queue and grades it with the rubric', async () => {
    const { context, page } = await signedInPage(browser, 'expert');
    expect(await navLinkNames(page)).toContain('Проверка работ');
    await page.goto('/grading');
    await expect.poll(() => pageHeading(page).textContent()).toBe('Проверка работ');
    const row = main(page).getByRole('row').filter({ hasText: ESSAY });
    await row.first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'assignments-grading-queue');
    await row.first().getByRole('link').click();
    await expect.poll(() => pageHeading(page).textContent()).toContain(ESSAY);
    await main(page).getByRole('group', { name: /Аргументация/ }).getByRole('radio', { name: /^Полностью и убедительно/ }).check();
    await main(page).getByText('Выберите уровень по каждому критерию').waitFor();
    await main(page).getByRole('group', { name: /Экономический расчёт/ }).getByRole('radio', { name: /^В целом/ }).check();
    await main(page).getByText(/^Итог: 86,7 из 100/).waitFor();
    await main(page).getByLabel('Отзыв участнику').fill('Убедительно; расчёт эффекта стоит уточнить.');
    // An unsaved grade is not lost to a stray click: leaving asks first.
    const back = main(page).getByRole('link', { name: '← Проверка работ' });
    await back.click();
    const leave = page.getByRole('dialog', { name: 'Уйти без сохранения?' });
    await leave.getByRole('button', { name: 'Остаться' }).click();
    await leave.waitFor({ state: 'hidden' });
    await main(page).getByRole('button', { name: 'Сохранить оценку' }).click();
    await main(page).getByRole('status').getByText(/Оценка сохранена/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'assignments-grade-form');
    // Once saved, nothing holds the expert back.
    await back.click();
    await expect.poll(() => pageHeading(page).textContent()).toBe('Проверка работ');
    await context.close();
  });

  it('lets staff release the grade, read the gradebook and the completion of stream 3', async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    const streamId = await openStream(page, 3);
    await main(page).getByRole('tab', { name: 'Задания' }).click();
    const essay = main(page).getByText(ESSAY, { exact: true }).locator('xpath=ancestor::div[contains(@class,"mantine-Paper-root")]');
    await essay.getByRole('button', { name: /^Показать работы/ }).click();
    const mine = essay.getByRole('row').filter({ hasText: 'Матвеев Василий Алексеевич' });
    await mine.getByText(/86,7 · не опубл\./).waitFor();
    await essay.getByRole('button', { name: 'Опубликовать оценки (1)' }).click();
    await essay.getByText('Опубликовано оценок: 1').waitFor();
    await essay.getByRole('button', { name: /^Скрыть работы/ }).click();
    await main(page).getByRole('heading', { name: 'Ведомость' }).waitFor();
    await main(page).getByRole('region', { name: 'Ведомость' }).getByRole('row').nth(5).waitFor();
    expect(await main(page).getByRole('link', { name: 'Выгрузить XLSX' }).getAttribute('href')).toContain(`/api/streams/${streamId}/gradebook/export`);
    await expectAccessible(page);
    await screenshot(page, 'assignments-stream-tab');

    await main(page).getByRole('tab', { name: 'Завершение' }).click();
    const summary = await main(page).getByText(/^Допущены к диплому: \d+ из 80/).textContent();
    const eligible = Number(/(\d+) из 80/.exec(summary!)![1]);
    expect(eligible).toBeGreaterThan(60);
    expect(eligible).toBeLessThan(80);
    await main(page).getByLabel('Поиск по ФИО').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'completion-stream-tab');
    await context.close();

    // The participant now sees the grade and feedback of the essay.
    const participant = await signedInPage(browser, 'participant', { phone: true });
    await participant.page.goto('/me/assignments');
    await main(participant.page).getByRole('link', { name: ESSAY }).click();
    await main(participant.page).getByText('Убедительно; расчёт эффекта стоит уточнить.').waitFor();
    await participant.page.goto('/me/progress');
    await expect.poll(() => pageHeading(participant.page).textContent()).toBe('Мой путь к диплому');
    await main(participant.page).getByRole('heading', { name: 'Поток 3' }).waitFor();
    await main(participant.page).getByText(/^Посещаемость [\d,]+ %/).waitFor();
    await expectAccessible(participant.page);
    await screenshot(participant.page, 'completion-mine-phone');
    await participant.context.close();
  });
});
