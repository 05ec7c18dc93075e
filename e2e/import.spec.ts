import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { main, openStream, pagerRange, pageHeading, rosterApi, rosterTotal, signedInPage } from './support/app.ts';

let browser: Browser;
let tmpDir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms-e2e-import-'));
});
afterAll(async () => {
  await browser?.close();
  await fs.rm(tmpDir, { recursive: true, force: true });
});

// Stream 4 only: the stream and export journeys count on stream 3 keeping its 80.
const STREAM = 4;
const HEADER = 'Фамилия;Имя;Отчество;Дата рождения;E-mail;Регион;Должность';
const GOOD_ROWS = [
  'Тестов;Игорь;Петрович;15.03.1980;e2e.import.1@example.org;Самарская область;Глава городского поселения',
  'Проверкина;Анна;Сергеевна;1979-07-01;e2e.import.2@example.org;RU-IRK;Заместитель главы',
];
const BAD_ROW = 'Ошибкин;Олег;;31.02.1980;not-an-email;Новгородская область;Глава района';
const FIXED_ROW = 'Ошибкин;Олег;;28.02.1980;e2e.import.3@example.org;Новгородская область;Глава района';
const LAST_ROW = 'Последний;Иван;Иванович;02.01.1975;e2e.import.4@example.org;Архангельская область;Глава округа';

async function writeCsv(name: string, rows: string[]): Promise<string> {
  const file = path.join(tmpDir, name);
  await fs.writeFile(file, `${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');
  return file;
}

/** Picks the file in the upload step and sends it for the dry run. */
async function checkFile(page: Page, file: string): Promise<void> {
  await main(page).locator('input[type=file]').setInputFiles(file);
  await main(page).getByRole('button', { name: 'Проверить файл' }).click();
  await main(page).getByRole('heading', { name: 'Результат проверки' }).waitFor();
}

/** Commits the checked file and waits for the job's result; returns the job as the API reports it. */
async function commitAndWait(page: Page, rows: number): Promise<{ status: string; done: number; total: number }> {
  const commitResponse = page.waitForResponse((r) => /\/api\/imports\/[^/]+\/commit$/.test(r.url()));
  await main(page).getByRole('button', { name: `Импортировать ${rows} ${rows === 1 ? 'строку' : rows < 5 ? 'строки' : 'строк'}` }).click();
  const { jobId } = (await (await commitResponse).json()) as { jobId: string };
  const result = main(page).getByRole('status').filter({ hasText: 'Импорт завершён' });
  await result.waitFor({ timeout: 30_000 });
  // The progress bar has given way to the result.
  expect(await main(page).getByRole('progressbar', { name: 'Ход импорта' }).count()).toBe(0);
  const job = (await (await page.request.get(`/api/jobs/${jobId}`)).json()) as { status: string; done: number; total: number };
  return job;
}

const summaryItems = (page: Page) => main(page).getByRole('status').getByRole('listitem').allTextContents();

describe('importing participants into stream 4', () => {
  it('reports a bad row in Russian without importing anything, imports the fixed file once, and adds no one the second time', async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    const streamId = await openStream(page, STREAM);
    const before = await rosterTotal(page, streamId);
    expect(before).toBe(80);

    await main(page).getByRole('link', { name: 'Импорт участников' }).click();
    await page.waitForURL(`**/streams/${streamId}/import`);
    await expect.poll(() => pageHeading(page).textContent()).toBe('Импорт участников: Поток 4');
    await expectAccessible(page);
    await screenshot(page, 'import-upload-desktop');

    // The dry run of a file with one bad row: both problems listed against row 4, nothing imported.
    const bad = await writeCsv('participants-with-errors.csv', [...GOOD_ROWS, BAD_ROW, LAST_ROW]);
    await checkFile(page, bad);
    expect(await main(page).getByText('Файл «participants-with-errors.csv»: строк — 4, ошибок — 2, строк с ошибками — 1.').isVisible()).toBe(true);
    const problems = main(page).getByRole('table', { name: 'Ошибки по строкам' });
    const problemRows = await problems.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
    );
    expect(problemRows).toHaveLength(2);
    expect(problemRows).toContainEqual(['4', 'E-mail', 'Некорректный e-mail']);
    expect(problemRows).toContainEqual(['4', 'Дата рождения', expect.stringMatching(/^Некорректная дата/)]);
    // The whole file cannot go in while it has errors.
    expect(await main(page).getByText('В файле есть ошибки. Исправьте их или включите пропуск строк с ошибками.').isVisible()).toBe(true);
    expect(await main(page).getByRole('button', { name: 'Импортировать 4 строки' }).isDisabled()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'import-dry-run-errors-desktop');

    // The downloadable report says the same.
    const [download] = await Promise.all([page.waitForEvent('download'), main(page).getByRole('link', { name: 'Скачать отчёт CSV' }).click()]);
    const report = await fs.readFile((await download.path())!, 'utf8');
    expect(report.split('\r\n')).toContain('4;E-mail;E-mail;Некорректный e-mail');
    expect(report).toContain('4;Дата рождения;Дата рождения;Некорректная дата');
    expect(await rosterTotal(page, streamId)).toBe(before);

    // The fixed file: no problems, the commit runs to the end and enrols everyone once.
    await main(page).getByRole('button', { name: 'Другой файл' }).click();
    const fixed = await writeCsv('participants-fixed.csv', [...GOOD_ROWS, FIXED_ROW, LAST_ROW]);
    await checkFile(page, fixed);
    expect(await main(page).getByText('Файл «participants-fixed.csv»: строк — 4, ошибок — 0, строк с ошибками — 0.').isVisible()).toBe(true);
    expect(await main(page).getByRole('table', { name: 'Ошибки по строкам' }).count()).toBe(0);
    await expectAccessible(page);
    const job = await commitAndWait(page, 4);
    expect(job).toMatchObject({ status: 'succeeded', done: 4, total: 4 });
    const summary = await summaryItems(page);
    expect(summary).toContain('Добавлено 4 человека');
    expect(summary).toContain('Зачислено в поток 4 участника');
    expect(summary).toContain('Пропущено 0 строк с ошибками');
    await expectAccessible(page);
    await screenshot(page, 'import-done-desktop');

    // The roster shows them: via the UI and the API.
    await main(page).getByRole('link', { name: 'К списку участников' }).click();
    await expect.poll(() => pagerRange(page).textContent()).toBe(`Строки 1–50 из ${before + 4}`);
    expect(await main(page).getByText('84 участника', { exact: true }).isVisible()).toBe(true);
    expect(await rosterTotal(page, streamId)).toBe(before + 4);
    const imported = await rosterApi(page, streamId, { q: 'e2e.import' });
    expect(imported.items.map((i) => i.email).sort()).toEqual(['e2e.import.1@example.org', 'e2e.import.2@example.org', 'e2e.import.3@example.org', 'e2e.import.4@example.org']);
    expect(imported.items.map((i) => i.regionCode).sort()).toEqual(['RU-ARK', 'RU-IRK', 'RU-NGR', 'RU-SAM']);

    // The same file again: everyone is already there.
    await main(page).getByRole('link', { name: 'Импорт участников' }).click();
    await checkFile(page, fixed);
    const again = await commitAndWait(page, 4);
    expect(again.status).toBe('succeeded');
    const secondSummary = await summaryItems(page);
    expect(secondSummary).toContain('Добавлено 0 человек');
    expect(secondSummary).toContain('Зачислено в поток 0 участников');
    expect(await rosterTotal(page, streamId)).toBe(before + 4);
    await context.close();
  });

  it('imports the applications of a campaign run elsewhere, skipping a bad row after reading the report', async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    await page.goto('/import');
    await main(page).getByRole('heading', { name: 'Заявки кампании, проведённой на другой площадке' }).waitFor();
    await main(page).getByRole('textbox', { name: 'Кампания' }).click();
    await page.getByRole('option').first().click();
    await main(page).getByRole('button', { name: 'Продолжить' }).last().click();
    await page.waitForURL('**/import/campaigns/*');
    await expect.poll(() => pageHeading(page).textContent()).toMatch(/^Импорт заявок: /);
    await expectAccessible(page);
    await screenshot(page, 'import-applications-upload-desktop');

    const file = path.join(tmpDir, 'applications.csv');
    await fs.writeFile(
      file,
      [
        'Фамилия;Имя;E-mail;Регион;Дата рождения;Образование;Стаж на руководящих должностях;Вид службы;Стаж службы;Балл за тест;Статус',
        'Заявкина;Мария;e2e.applicant.1@example.org;Самарская область;12.03.1985;магистр;5;муниципальная;7;81,5;',
        'Ошибкин;Пётр;e2e.applicant.2@example.org;RU-IRK;1980-01-01;кандидат;3;;;130;',
      ].join('\r\n') + '\r\n',
      'utf8',
    );
    await checkFile(page, file);
    const problems = main(page).getByRole('table', { name: 'Ошибки по строкам' });
    const problemRows = await problems.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
    );
    expect(problemRows).toContainEqual(['3', 'Балл за тест', 'Значение больше допустимого (100)']);
    await expectAccessible(page);
    await screenshot(page, 'import-applications-dry-run-desktop');

    await main(page).getByRole('switch', { name: 'Пропустить строки с ошибками' }).check();
    const job = await commitAndWait(page, 1);
    expect(job.status).toBe('succeeded');
    const summary = await summaryItems(page);
    expect(summary).toContain('Добавлена 1 заявка');
    expect(summary).toContain('Пропущена 1 строка с ошибками');
    await expectAccessible(page);
    await screenshot(page, 'import-applications-done-desktop');
    await context.close();
  });
});
