import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { horizontalOverflow, main, navLinkNames, pageHeading, signedInPage } from './support/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

interface TimetableItem {
  id: string;
  streamId: string;
  moduleNumber: number;
  kind: string;
  titleRu: string;
  localDate: string;
}
interface RollCall {
  items: Array<{ personId: string; fullName: string; status: string | null; source: string | null }>;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

/** POST as the signed-in user, with the CSRF header the app itself sends. */
async function postJson<T>(page: Page, path: string, body: unknown): Promise<T> {
  const { csrfToken } = await getJson<{ csrfToken: string }>(page, '/api/auth/me');
  const response = await page.request.post(path, { data: body, headers: { 'x-csrf-token': csrfToken } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

const CEREMONY = 'Торжественное вручение дипломов';
// Syncing waits for a short debounce, the POST and the sheet's refetch: more than expect.poll's 1-s default on a busy machine.
const SYNC = { timeout: 15_000 };

describe('the schedule and attendance', () => {
  it('shows a participant their timetable on a phone, the module page with its route, and the check-in page', async () => {
    const { context, page } = await signedInPage(browser, 'participant', { phone: true });
    // A participant lands on their timetable; the navbar offers it and the check-in.
    expect(new URL(page.url()).pathname).toBe('/me/timetable');
    expect(await navLinkNames(page)).toEqual(expect.arrayContaining(['Моё расписание', 'Отметиться']));
    await expect.poll(() => pageHeading(page).textContent()).toBe('Моё расписание');

    // Module 6 (the last one, all past) is open: 2–5 June 2025 at Senezh with the diploma ceremony.
    const module6 = main(page).getByRole('button', { name: /Модуль 6 · Мастерская управления «Сенеж»/ });
    await module6.waitFor();
    expect(await module6.getAttribute('aria-expanded')).toBe('true');
    for (const day of ['2 июня 2025', '3 июня 2025', '4 июня 2025', '5 июня 2025']) {
      await main(page).getByRole('region', { name: new RegExp(day) }).waitFor();
    }
    const lastDay = main(page).getByRole('region', { name: /5 июня 2025/ });
    const ceremony = lastDay.getByRole('listitem').filter({ hasText: CEREMONY });
    expect(await ceremony.count()).toBe(1);
    expect(await ceremony.getByText('Церемония', { exact: true }).isVisible()).toBe(true);
    // Times are Moscow's (the venue's), with the offset said.
    expect(await ceremony.textContent()).toMatch(/\d\d:\d\d–\d\d:\d\d GMT\+3/);
    const mine = await getJson<{ items: TimetableItem[] }>(page, '/api/me/timetable');
    const ceremonyItem = mine.items.find((s) => s.kind === 'ceremony')!;
    expect(ceremonyItem).toMatchObject({ moduleNumber: 6, localDate: '2025-06-05', titleRu: CEREMONY });
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'timetable-phone');

    // The module page: theme, venue with address, sessions, and the stream's route with km.
    await main(page).getByRole('link', { name: /О модуле 6/ }).click();
    await expect.poll(() => pageHeading(page).textContent()).toMatch(/^Модуль 6\. /);
    await main(page).getByText(/озеро Сенеж/).first().waitFor();
    await main(page).getByRole('heading', { name: 'Маршрут потока' }).waitFor();
    const stops = main(page).locator('ol > li');
    expect(await stops.count()).toBe(6);
    const total = await main(page).getByText(/^Всего по прямой: /).textContent();
    expect(Number(total!.replace(/\D/g, ''))).toBeGreaterThan(10_000);
    expect(await main(page).getByRole('img', { name: /Схема маршрута/ }).count()).toBe(1);
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'module-phone');

    await page.goto('/check-in');
    await expect.poll(() => pageHeading(page).textContent()).toBe('Отметиться на занятии');
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'check-in-phone');
    await context.close();
  });

  it('lets staff show a session QR (refused by the participant as closed) and take a roll call that syncs once, even offline', async () => {
    const staff = await signedInPage(browser, 'staff');
    const participant = await signedInPage(browser, 'participant', { phone: true });
    const ceremony = (await getJson<{ items: TimetableItem[] }>(participant.page, '/api/me/timetable')).items.find((s) => s.kind === 'ceremony')!;

    // The stream's timetable is the third tab of the stream page.
    const page = staff.page;
    await page.goto(`/streams/${ceremony.streamId}`);
    await main(page).getByRole('tab', { name: 'Расписание' }).click();
    const card = main(page).locator(`[data-session="${ceremony.id}"]`);
    await main(page).getByRole('button', { name: /Модуль 6/ }).waitFor();
    await card.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'stream-timetable-desktop');
    await card.getByRole('link', { name: 'QR-код для отметки' }).click();

    // The QR screen: the session's title, a QR linking to the check-in page, the live count.
    await page.waitForURL(new RegExp(`/sessions/${ceremony.id}/qr$`));
    await expect.poll(() => pageHeading(page).textContent(), SYNC).toBe(CEREMONY);
    const qrImage = main(page).getByRole('img', { name: 'QR-код для отметки на занятии' });
    await qrImage.waitFor();
    expect(await qrImage.getAttribute('data-qr-value')).toMatch(/\/check-in\?token=/);
    await main(page).getByTestId('checked-in-count').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'session-qr-desktop');

    // The participant "scans" it: the demo sessions are past, so it is refused, with the reason in Russian.
    const { token } = await getJson<{ token: string }>(page, `/api/sessions/${ceremony.id}/qr`);
    await participant.page.goto(`/check-in?token=${encodeURIComponent(token)}`);
    const refusal = main(participant.page).getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Отметка на это занятие сейчас закрыта');
    await expect.poll(() => new URL(participant.page.url()).search, SYNC).toBe('');
    await expectAccessible(participant.page);
    await screenshot(participant.page, 'check-in-refused-phone');
    await participant.context.close();

    // The roll call on a phone: mark one participant; the mark is sent and lands on the server.
    const phone = await signedInPage(browser, 'staff', { phone: true });
    const sheetPage = phone.page;
    await sheetPage.goto(`/sessions/${ceremony.id}/roll-call`);
    await expect.poll(() => pageHeading(sheetPage).textContent(), SYNC).toBe('Ведомость посещаемости');
    const before = await getJson<RollCall>(sheetPage, `/api/sessions/${ceremony.id}/marks`);
    const [first, second] = before.items;
    const pick = (status: string | null) => (status === 'excused' ? 'absent' : 'excused');
    const labels: Record<string, string> = { excused: 'Уважительная', absent: 'Отсутствует' };
    const row = (personId: string) => main(sheetPage).locator(`[data-person="${personId}"]`);
    await row(first!.personId).getByText(labels[pick(first!.status)]!, { exact: true }).click();
    await expect.poll(() => main(sheetPage).getByTestId('pending-count').textContent(), SYNC).toBe('Все отметки отправлены');
    await expect
      .poll(async () => (await getJson<RollCall>(sheetPage, `/api/sessions/${ceremony.id}/marks`)).items.find((i) => i.personId === first!.personId)?.status, SYNC)
      .toBe(pick(first!.status));
    expect(await horizontalOverflow(sheetPage)).toBe(0);
    await expectAccessible(sheetPage);
    await screenshot(sheetPage, 'roll-call-phone');

    // Offline: the mark waits on the device and is sent once the phone is back online.
    await phone.context.setOffline(true);
    await row(second!.personId).getByText(labels[pick(second!.status)]!, { exact: true }).click();
    await expect.poll(() => main(sheetPage).getByTestId('pending-count').textContent(), SYNC).toBe('1 отметка ждёт отправки');
    expect(await main(sheetPage).getByText('Нет сети').isVisible()).toBe(true);
    await phone.context.setOffline(false);
    await expect.poll(() => main(sheetPage).getByTestId('pending-count').textContent(), SYNC).toBe('Все отметки отправлены');
    const after = await getJson<RollCall>(sheetPage, `/api/sessions/${ceremony.id}/marks`);
    expect(after.items.find((i) => i.personId === second!.personId)).toMatchObject({ status: pick(second!.status), source: 'sheet' });

    // The same batch sent twice changes nothing the second time.
    const batch = { marks: [{ clientMarkId: `e2e-${Date.now()}`, personId: second!.personId, status: 'late', markedAt: new Date().toISOString() }] };
    expect(await postJson(sheetPage, `/api/sessions/${ceremony.id}/marks`, batch)).toMatchObject({ applied: 1, unchanged: 0 });
    expect(await postJson(sheetPage, `/api/sessions/${ceremony.id}/marks`, batch)).toMatchObject({ applied: 0, unchanged: 1 });

    // Attendance for staff: the stream page's fourth tab, with the at-risk list and the CSV export.
    await page.goto(`/streams/${ceremony.streamId}?view=attendance`);
    await main(page).getByRole('heading', { name: /Ниже порога \d+ %/ }).waitFor();
    expect(await main(page).getByRole('link', { name: 'Выгрузить отметки (CSV)' }).getAttribute('href')).toBe(`/api/streams/${ceremony.streamId}/attendance/export?format=csv`);
    // The participants table searches, sorts and pages on the page.
    const byParticipant = main(page).getByRole('table', { name: 'По участникам' });
    await expect.poll(() => byParticipant.locator('tbody tr').count()).toBe(25);
    await main(page).getByRole('button', { name: 'Посещаемость' }).last().click();
    const lowest = await byParticipant.locator('tbody tr').first().locator('td').nth(1).textContent();
    expect(parseFloat(lowest!.replace(',', '.'))).toBeLessThan(80);
    await main(page).getByRole('searchbox', { name: 'Поиск по ФИО или региону' }).fill('Пензенская');
    await expect.poll(async () => new Set(await byParticipant.locator('tbody tr td:nth-child(3)').allTextContents())).toEqual(new Set(['Пензенская область']));
    await expectAccessible(page);
    await screenshot(page, 'stream-attendance-desktop');
    await phone.context.close();
    await staff.context.close();
  });
});
