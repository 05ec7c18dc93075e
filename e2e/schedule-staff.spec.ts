import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { horizontalOverflow, main, openStream, pageHeading, signedInPage } from './support/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

interface TimetableItem {
  id: string;
  moduleNumber: number;
  titleRu: string;
  localDate: string;
  startsAt: string;
  endsAt: string;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

// Module 1 of stream 3 is at Senezh (Moscow time) from 8 October 2024; its first session is 10:00–11:30.
const DAY = '2024-10-08';
const TITLE = 'Вечерняя встреча с выпускниками';
const SLOW = { timeout: 15_000 };

/** Fills the session dialog's fields that differ between the two tries. */
async function fillTimes(page: Page, start: string, end: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Начало/).fill(start);
  await dialog.getByLabel(/^Окончание/).fill(end);
}

describe('staff planning the schedule, and the host coordinator', () => {
  it('refuses a session that clashes with the stream, with the reason in Russian, then adds one that fits and removes it', async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    const streamId = await openStream(page, 3);
    const before = await getJson<{ items: TimetableItem[] }>(page, `/api/streams/${streamId}/timetable`);
    const first = before.items.filter((s) => s.moduleNumber === 1 && s.localDate === DAY).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0]!;
    // 18:00–19:00 Moscow is free on that day: the demo's last slot ends at 17:00.
    expect(before.items.some((s) => s.startsAt < '2024-10-08T16:00:00Z' && s.endsAt > '2024-10-08T15:00:00Z')).toBe(false);

    await main(page).getByRole('tab', { name: 'Расписание' }).click();
    await main(page).getByRole('button', { name: 'Новое занятие' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новое занятие' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: /^Модуль/ }).click();
    await page.getByRole('option', { name: /^Модуль 1 · / }).click();
    await dialog.getByLabel(/^Название по-русски/).fill(TITLE);
    await dialog.getByLabel(/^Название по-английски/).fill('Evening meeting with alumni');
    await dialog.getByLabel(/^Дата/).fill(DAY);
    await fillTimes(page, '10:30', '11:00');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();

    // The server's 409: the clash named, in Russian, in the alert and on the end-time field.
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Занятие конфликтует с расписанием');
    expect(await alert.textContent()).toContain(`Пересекается с другим занятием потока: «${first.titleRu}»`);
    expect(await dialog.getByText(`Пересекается с другим занятием потока: «${first.titleRu}»`, { exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'session-conflict-desktop');

    // Moved to the evening it fits; the dialog closes and the stream's timetable shows it on that day.
    await fillTimes(page, '18:00', '19:00');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const module1 = main(page).getByRole('button', { name: /^Модуль 1 · / });
    if ((await module1.getAttribute('aria-expanded')) !== 'true') await module1.click();
    const card = main(page).getByRole('region', { name: /8 октября 2024/ }).getByRole('listitem').filter({ hasText: TITLE });
    await card.waitFor(SLOW);
    expect(await card.textContent()).toMatch(/18:00–19:00 GMT\+3/);
    const created = (await getJson<{ items: TimetableItem[] }>(page, `/api/streams/${streamId}/timetable`)).items.find((s) => s.titleRu === TITLE)!;
    expect(created.startsAt).toBe('2024-10-08T15:00:00.000Z');
    await expectAccessible(page);

    // Staff can delete a session without attendance: the demo stays as it was for the other journeys.
    await card.getByRole('button', { name: `Изменить «${TITLE}»` }).click();
    const edit = page.getByRole('dialog', { name: 'Изменить занятие' });
    await edit.getByRole('button', { name: 'Удалить занятие' }).click();
    await edit.getByRole('button', { name: 'Да, удалить' }).click();
    await edit.waitFor({ state: 'hidden' });
    await expect.poll(() => card.count(), SLOW).toBe(0);
    await context.close();
  });

  it('shows the coordinator the logistics of a module hosted in their region, on a phone', async () => {
    const { context, page } = await signedInPage(browser, 'coordinator', { phone: true });
    // Stream 4's third module is in Samara (RU-SAM), one of the coordinator's regions.
    await main(page).getByRole('table', { name: 'Потоки с участниками из ваших регионов' }).locator('tbody tr').filter({ hasText: 'Поток 4' }).getByRole('link').click();
    await expect.poll(() => pageHeading(page).textContent()).toBe('Поток 4');
    await main(page).getByRole('tab', { name: 'Расписание' }).click();
    await main(page).getByRole('button', { name: /^Модуль 3 · Самара/ }).click();
    await main(page).getByRole('link', { name: /О модуле 3/ }).click();
    await expect.poll(() => pageHeading(page).textContent()).toMatch(/^Модуль 3\. /);
    await main(page).getByRole('link', { name: 'Логистика модуля' }).click();

    await expect.poll(() => pageHeading(page).textContent(), SLOW).toBe('Логистика модуля 3');
    await main(page).getByRole('heading', { name: 'Приезды и отъезды по дням' }).waitFor();
    // Everyone arrives the day before the module (27 January 2025) and leaves on its last day.
    // Each day is a collapsed section naming its counts; opened, it lists who comes, how and when.
    await main(page).getByRole('button', { name: /27 января 2025 г\.\s*Приезжают \d+ человек/ }).click();
    const arrivalDay = main(page).getByRole('region', { name: /27 января 2025/ });
    const arrivals = arrivalDay.getByRole('list', { name: /Приезды/ }).locator(':scope > li');
    await arrivals.first().waitFor();
    expect(await arrivals.first().textContent()).toMatch(/Бронь:\s*(SU|RZD)\d{6}/);
    await main(page).getByRole('button', { name: /31 января 2025 г\.\s*Уезжа/ }).waitFor();
    expect(await main(page).getByText('Гостиница «Волга»', { exact: true }).count()).toBeGreaterThan(0);
    await main(page).getByRole('button', { name: /трансфер.*: кто, когда и где/ }).click();
    const transfers = main(page).getByRole('list', { name: 'Трансферы' }).locator(':scope > li');
    await transfers.first().waitFor();
    expect(await transfers.first().textContent()).toMatch(/^.+Встретить.*Время:/);
    const visits = main(page).getByRole('list', { name: 'Выездные посещения и прогулки' }).locator(':scope > li');
    expect(await visits.count()).toBeGreaterThan(0);
    expect(await visits.first().textContent()).toMatch(/Ожидается \d+ участ/);
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'host-view-phone');

    // The logistics name people: a module hosted elsewhere (stream 4's Yakutsk module) answers 404.
    const modules = await getJson<{ items: Array<{ id: string; number: number; hostRegionCode: string | null }> }>(page, `/api/modules?streamId=${await streamIdFromModule(page)}`);
    const foreign = modules.items.find((m) => m.hostRegionCode === 'RU-SA')!;
    expect((await page.request.get(`/api/modules/${foreign.id}/host-view`)).status()).toBe(404);
    await context.close();
  });

  it('lets staff split a stream across the site visits of a field module, and shows who goes', async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    const streamId = await openStream(page, 4);
    const modules = await getJson<{ items: Array<{ id: string; hostRegionCode: string | null }> }>(page, `/api/modules?streamId=${streamId}`);
    const samara = modules.items.find((m) => m.hostRegionCode === 'RU-SAM')!;
    await page.goto(`/modules/${samara.id}/host`);
    await expect.poll(() => pageHeading(page).textContent(), SLOW).toBe('Логистика модуля 3');
    await main(page).getByRole('button', { name: 'Распределить участников по выездам' }).click();
    await main(page).getByRole('status').filter({ hasText: 'Участники распределены по выездам' }).waitFor(SLOW);
    const visits = main(page).getByRole('list', { name: 'Выездные посещения и прогулки' }).locator(':scope > li');
    const whoGoes = visits.first().getByText(/^Кто едет \(\d+\)$/);
    await whoGoes.click();
    expect(await visits.first().getByRole('listitem').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'host-view-site-visit-groups');
    await context.close();
  });

  it('lists speakers by affiliation and opens a speaker with their sessions and .ics', async () => {
    const { context, page } = await signedInPage(browser, 'staff', { phone: true });
    const streamId = await openStream(page, 3);
    await page.goto(`/streams/${streamId}?view=timetable`);
    await main(page).getByRole('link', { name: 'Спикеры' }).click();
    await expect.poll(() => pageHeading(page).textContent()).toBe('Спикеры');
    const list = main(page).getByRole('list', { name: 'Спикеры' }).locator(':scope > li');
    await list.first().waitFor();
    const all = await list.count();
    await main(page).getByRole('textbox', { name: 'Принадлежность' }).click();
    await page.getByRole('option', { name: 'Федеральное министерство или ведомство' }).click();
    await expect.poll(() => list.count()).toBeLessThan(all);
    expect(new URL(page.url()).searchParams.get('affiliation')).toBe('federal_ministry');
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'speakers-phone');

    await list.first().getByRole('link').click();
    await main(page).getByRole('heading', { name: 'Занятия спикера' }).waitFor(SLOW);
    expect(await main(page).getByText('Федеральное министерство или ведомство', { exact: true }).count()).toBe(1);
    expect(await main(page).getByRole('link', { name: 'Скачать .ics' }).getAttribute('href')).toMatch(/^\/api\/speakers\/[^/]+\/timetable\.ics\?lang=ru$/);
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await context.close();
  });
});

/** The stream of the module whose host view is open (read from the page's own API answer). */
async function streamIdFromModule(page: Page): Promise<string> {
  const moduleId = /\/modules\/([^/]+)\/host/.exec(new URL(page.url()).pathname)![1]!;
  return (await getJson<{ streamId: string }>(page, `/api/modules/${moduleId}`)).streamId;
}
