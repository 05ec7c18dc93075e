import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, screenshot } from './support/browser.ts';
import { main, navbar, pageHeading, signedInPage } from './support/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const OPEN_CAMPAIGN = 'perm-school-of-mayors-2027';
const PASSWORD = 'applicant-password-2026';

/** The confirmation link of the last letter to the address, read from the outbox as an admin would. */
async function confirmationLink(admin: Page, email: string): Promise<string> {
  const list = await admin.request.get(`/api/outbox?q=${encodeURIComponent(email)}`);
  const item = ((await list.json()) as { items: Array<{ id: string }> }).items[0];
  expect(item).toBeTruthy();
  const message = (await (await admin.request.get(`/api/outbox/${item!.id}`)).json()) as { textBody: string };
  const link = /https?:\/\/\S+\/apply\/confirm\?token=[\w-]+/.exec(message.textBody)?.[0];
  expect(link).toBeTruthy();
  const url = new URL(link!);
  return `${url.pathname}${url.search}`;
}

/** The applicant of the first journey, kept open for the interview journey that follows it. */
let applicant: { context: BrowserContext; page: Page } | null = null;

describe('a public applicant', () => {
  it('applies without an account: e-mail confirmation, draft, consent, one submit, status', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    applicant = { context, page };
    const email = `applicant-e2e-${Date.now()}@example.test`;

    await page.goto(`/apply/${OPEN_CAMPAIGN}`);
    await expect.poll(() => pageHeading(page).textContent()).toBe('Школа мэров Пермского края — набор 2027');
    await expectAccessible(page);
    await screenshot(page, 'admissions-public-campaign-phone');
    await main(page).getByLabel('Фамилия').fill('Соколова');
    await main(page).getByRole('textbox', { name: /^Имя/ }).fill('Дарья');
    await main(page).getByLabel('Электронная почта').fill(email);
    await main(page).getByRole('button', { name: 'Отправить ссылку' }).click();
    await main(page).getByText(`Письмо отправлено на ${email}`).waitFor();

    const { context: adminContext, page: admin } = await signedInPage(browser, 'admin');
    const link = await confirmationLink(admin, email);
    await adminContext.close();

    await page.goto(link);
    await main(page).getByText(`Адрес ${email} подтверждён`).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Новый пароль').fill(PASSWORD);
    await page.getByLabel('Повторите пароль').fill(PASSWORD);
    await main(page).getByRole('button', { name: 'Создать учётную запись и продолжить' }).click();
    await page.waitForURL(/\/my-applications\//);
    await expect.poll(() => pageHeading(page).textContent()).toBe('Школа мэров Пермского края — набор 2027');
    await main(page).getByText('Черновик', { exact: true }).waitFor();

    await main(page).getByLabel(/Дата рождения/).fill('1985-04-12');
    await main(page).getByRole('textbox', { name: /Субъект РФ/ }).click();
    await main(page).getByRole('textbox', { name: /Субъект РФ/ }).fill('Пермский');
    await page.getByRole('option', { name: 'Пермский край' }).click();
    await main(page).getByRole('textbox', { name: /^Образование/ }).click();
    await page.getByRole('option', { name: 'Высшее (специалитет, магистратура)' }).click();
    await main(page).getByLabel('Стаж на руководящих должностях, лет').fill('6');
    await main(page).getByLabel('Текущая должность').fill('Заместитель главы администрации');
    await main(page).getByLabel('Мотивационное эссе').fill('Хочу развивать Пермский край.');
    await main(page).getByRole('button', { name: 'Сохранить черновик' }).click();
    await main(page).getByText('Черновик сохранён').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admissions-draft-phone');

    await main(page).getByLabel(/Я даю согласие/).check();
    await main(page).getByRole('button', { name: 'Подать заявку' }).click();
    await main(page).getByText('Подана', { exact: true }).waitFor();
    await main(page).getByText('Соответствует всем требованиям').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admissions-submitted-phone');

    // The online test in two blocks: each block's intro before it starts, its own server-fixed deadline,
    // answers saved as they are chosen, and a confirmed finish of each block.
    await main(page).getByRole('link', { name: 'Пройти онлайн-тест' }).click();
    await page.waitForURL(/\/test$/);
    await main(page).getByRole('heading', { name: 'Блок 1 из 2: Город и программа' }).waitFor();
    await main(page).getByText('Время на блок: 10 мин, вопросов: 2.', { exact: false }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admissions-test-block-intro-phone');
    await main(page).getByRole('button', { name: 'Начать тест' }).click();
    await main(page).getByRole('timer').waitFor();
    await main(page).getByRole('radio', { name: '550 000' }).check();
    await main(page).getByText('Ответ сохранён').first().waitFor();
    // Only the open block's questions are on the page.
    expect(await main(page).getByText('национальные цели развития', { exact: false }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'admissions-test-phone');
    await main(page).getByRole('button', { name: 'Завершить блок и перейти дальше' }).click();
    await main(page).getByRole('group', { name: 'Завершить блок 1? После этого ответы в нём изменить нельзя.' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admissions-test-block-confirm-phone');
    await main(page).getByRole('button', { name: 'Да, завершить блок' }).click();
    await main(page).getByRole('heading', { name: 'Блок 2 из 2: Национальные цели' }).waitFor();
    await main(page).getByRole('button', { name: 'Начать блок 2' }).click();
    await main(page).getByRole('checkbox', { name: 'Экологическое благополучие' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admissions-test-block-2-phone');
    await main(page).getByRole('button', { name: 'Завершить блок и тест' }).click();
    await main(page).getByRole('button', { name: 'Да, завершить блок' }).click();
    await main(page).getByText('Тест завершён. Результат: 25 из 100').waitFor();
  });

  it('is booked for an interview that staff then move, and sees the slot in their own time zone with a calendar file', async () => {
    expect(applicant).toBeTruthy();
    const { context: applicantContext, page: me } = applicant!;
    const { context, page } = await signedInPage(browser, 'perm-staff');
    await page.goto('/admissions');
    await main(page).getByRole('link', { name: 'Школа мэров Пермского края — набор 2027' }).click();
    await page.waitForURL(/\/admissions\/[^/]+$/);
    await main(page).getByRole('link', { name: 'Собеседования' }).click();
    await page.waitForURL(/\/interviews$/);
    const slot = main(page).getByRole('region', { name: /^Слот 20 янв\. 2027 г\., 09:00/ });
    // The picker searches the server: a surname finds the candidate wherever they are in the list.
    await slot.getByRole('textbox', { name: 'Кандидат' }).fill('Соколова');
    await page.getByRole('option', { name: 'Соколова Дарья · Пермский край' }).click();
    await slot.getByRole('button', { name: 'Записать' }).click();
    await slot.getByText('Записано 1 из 6').waitFor();

    await slot.getByRole('button', { name: 'Изменить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Изменить слот' });
    await dialog.getByLabel(/^Начало/).fill('2027-01-20T10:30');
    await dialog.getByLabel('Место').fill('Пермь, ул. Ленина, 51, каб. 12');
    await dialog.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await dialog.getByText('В слот записан 1 кандидат: он получит письмо с новым временем и местом.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admissions-interview-move-confirm-desktop');
    await dialog.getByRole('button', { name: 'Сохранить и уведомить' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const moved = main(page).getByRole('region', { name: /^Слот 20 янв\. 2027 г\., 10:30/ });
    await moved.getByText('Пермь, ул. Ленина, 51, каб. 12').waitFor();

    // The empty online slot is deleted after one question.
    const online = main(page).getByRole('region', { name: /^Слот 21 янв\. 2027 г\., 12:00/ });
    await online.getByRole('button', { name: 'Удалить слот' }).click();
    await online.getByRole('button', { name: 'Да, удалить' }).click();
    await online.waitFor({ state: 'detached' });
    await expectAccessible(page);
    await screenshot(page, 'admissions-interviews-edited-desktop');
    await context.close();

    // The applicant is in Perm (UTC+5): their page shows Perm time and the programme's Moscow time beside it.
    const cdp = await applicantContext.newCDPSession(me);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Asia/Yekaterinburg' });
    await me.goto(me.url().replace(/\/test$/, ''));
    const card = main(me).getByRole('region', { name: 'Собеседование' });
    await card.getByText('среда, 20 января 2027 г., 12:30–13:00').waitFor();
    await card.getByText(/По времени программы: 10:30–11:00\./).waitFor();
    await card.getByText('Пермь, ул. Ленина, 51, каб. 12').waitFor();
    await card.getByRole('link', { name: 'https://meet.example.org/perm-2027-a' }).waitFor();
    await card.getByText('2 эксперта').waitFor();
    const ics = await me.request.get((await card.getByRole('link', { name: 'Добавить в календарь (.ics)' }).getAttribute('href'))!);
    expect(ics.headers()['content-type']).toContain('text/calendar');
    expect(await ics.text()).toContain('DTSTART;TZID=Europe/Moscow:20270120T103000');
    await expectAccessible(me);
    await screenshot(me, 'admissions-my-interview-phone');
    await applicantContext.close();
  });
});

describe('admissions staff', () => {
  it('sees the 2024 campaign and compares two ranking configurations', async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    await page.goto('/admissions');
    await main(page).getByRole('link', { name: 'Школа мэров — набор 2024–2025' }).click();
    await page.waitForURL(/\/admissions\/[^/]+$/);
    await main(page).getByText('Зачислена: 160').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admissions-campaign-desktop');

    await main(page).getByRole('link', { name: 'Ранжирование' }).click();
    await page.waitForURL(/\/ranking$/);
    const proposed = main(page).getByRole('group', { name: 'Предлагаемая конфигурация' });
    // At most one admitted from Moscow: the region is picked by name and gets a limit of 1.
    const caps = proposed.getByRole('group', { name: 'Максимумы по регионам' });
    await caps.getByRole('textbox', { name: 'Добавить регион' }).fill('Моск');
    await page.getByRole('option', { name: 'Москва', exact: true }).click();
    expect(await caps.getByRole('textbox', { name: 'Москва: число мест' }).inputValue()).toBe('1');
    await main(page).getByRole('button', { name: 'Сравнить «что если»' }).click();
    await main(page).getByText(/^Выйдут \(\d+\)$/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admissions-what-if-desktop');
    await context.close();
  });
});

describe('the expert stage', () => {
  it('shows an expert their blind scoring queue on a phone, without the applicants’ names or regions', async () => {
    const { context, page } = await signedInPage(browser, 'expert', { phone: true });
    await page.goto('/reviews');
    await expect.poll(() => pageHeading(page).textContent()).toBe('Оценка работ');
    await main(page).getByText(/^Оценено \d+ из \d+$/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admissions-reviews-phone');
    await main(page).getByRole('link', { name: 'Открыть' }).first().click(); // the demo expert's work is all scored: the «Оценённые» tab opens by itself
    await page.waitForURL(/\/reviews\/[^/]+$/);
    await main(page).getByText(/^Оценка отправлена: [\d.]+ из 100$/).waitFor();
    const text = (await main(page).textContent()) ?? '';
    expect(text).not.toMatch(/RU-[A-Z]{2,3}|@|\+7/);
    await expectAccessible(page);
    await screenshot(page, 'admissions-review-phone');
    await context.close();
  });

  it('shows staff the experts’ workload', async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    await page.goto('/admissions');
    await main(page).getByRole('link', { name: 'Школа мэров — набор 2024–2025' }).click();
    await page.waitForURL(/\/admissions\/[^/]+$/);
    await main(page).getByRole('link', { name: 'Эксперты' }).click();
    await page.waitForURL(/\/experts$/);
    await main(page).getByRole('cell', { name: 'Ольга Воронцова' }).waitFor();
    await main(page).getByText(/^Итоговая оценка есть у 454 заявок/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admissions-experts-desktop');
    await context.close();
  });
});

describe('interviews', () => {
  it('lets staff create a slot with a panel, which the panel member then sees on a phone', async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    await page.goto('/admissions');
    await main(page).getByRole('link', { name: 'Школа мэров — набор 2024–2025' }).click();
    await page.waitForURL(/\/admissions\/[^/]+$/);
    await main(page).getByRole('link', { name: 'Собеседования' }).click();
    await page.waitForURL(/\/interviews$/);
    await main(page).getByLabel('Место').fill('Москва, пр. Вернадского, 82, ауд. 401');
    await main(page).getByLabel('Ссылка на онлайн-встречу').fill('https://meet.example.test/som-2024');
    await main(page).getByRole('textbox', { name: 'Комиссия' }).click();
    await page.getByRole('option', { name: 'Ольга Воронцова' }).click();
    await page.getByRole('option', { name: 'Кирилл Александров' }).click();
    await page.keyboard.press('Escape');
    const start = main(page).getByLabel(/^Начало/).first();
    const firstStart = await start.inputValue();
    await main(page).getByRole('button', { name: 'Создать слот' }).click();
    await main(page).getByText('Записано 0 из 4').first().waitFor();
    // The form is ready for the next slot of a series: it starts where this one ends (30 minutes later).
    await expect.poll(() => start.inputValue()).toBe(new Date(Date.parse(`${firstStart}:00Z`) + 30 * 60_000).toISOString().slice(0, 16));
    await expectAccessible(page);
    await screenshot(page, 'admissions-interviews-desktop');
    await context.close();

    const expert = await signedInPage(browser, 'expert', { phone: true });
    await expert.page.goto('/interviews');
    await expect.poll(() => pageHeading(expert.page).textContent()).toBe('Мои собеседования');
    await main(expert.page).getByText('Москва, пр. Вернадского, 82, ауд. 401').first().waitFor();
    await expectAccessible(expert.page);
    await screenshot(expert.page, 'admissions-my-interviews-phone');
    await expert.context.close();
  });
});

describe('the funnel', () => {
  it('shows staff the 2024 funnel by federal district and on the map', async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    await page.goto('/admissions');
    await main(page).getByRole('link', { name: 'Школа мэров — набор 2024–2025' }).click();
    await page.waitForURL(/\/admissions\/[^/]+$/);
    await main(page).getByRole('link', { name: 'Воронка' }).click();
    await page.waitForURL(/\/funnel$/);
    const total = main(page).getByRole('row').filter({ hasText: 'Итого' }).first();
    await total.getByRole('cell', { name: '640', exact: true }).waitFor();
    await total.getByRole('cell', { name: '160', exact: true }).waitFor();
    await main(page).getByText('Приняты', { exact: true }).last().click();
    await expectAccessible(page);
    await screenshot(page, 'admissions-funnel-desktop');
    await context.close();
  });
});

describe('the online test’s question bank', () => {
  it('lets staff build a test question by question, see a candidate’s view, save it and find it after a reload', async () => {
    const { context, page } = await signedInPage(browser, 'staff');
    // A campaign of its own (unpublished), so no other journey's test is touched.
    const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const list = (await (await page.request.get('/api/admissions/campaigns')).json()) as { items: Array<{ slug: string; intakeId: string }> };
    const intakeId = list.items.find((c) => c.slug === 'school-of-mayors-2024')!.intakeId;
    const stamp = Date.now();
    const created = await page.request.post('/api/admissions/campaigns', {
      headers: { 'x-csrf-token': csrfToken },
      data: { intakeId, slug: `test-bank-e2e-${stamp}`, titleRu: `Банк вопросов ${stamp}`, titleEn: `Question bank ${stamp}`, opensAt: '2027-01-10T06:00:00Z', closesAt: '2027-02-10T06:00:00Z' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const campaignId = ((await created.json()) as { id: string }).id;

    await page.goto(`/admissions/${campaignId}/test`);
    await expect.poll(() => pageHeading(page).textContent()).toBe('Онлайн-тест кампании');
    const add = main(page).getByRole('region', { name: 'Добавить вопрос' });

    // A single choice left without its Russian text: the error is shown at that field, not only in a summary.
    await add.getByRole('button', { name: 'Один верный ответ' }).click();
    const first = main(page).getByRole('region', { name: 'Вопрос 1' });
    await first.getByRole('textbox', { name: 'Текст вопроса (англ.)' }).fill('How many municipalities are there in Russia (roughly)?');
    await main(page).getByRole('button', { name: 'Сохранить тест' }).click();
    const textRu = first.getByRole('textbox', { name: 'Текст вопроса (рус.)' });
    await expect.poll(() => textRu.getAttribute('aria-invalid')).toBe('true');
    await first.getByText('Введите текст вопроса').waitFor();
    await first.getByText('Отметьте верный вариант').waitFor();
    await main(page).getByText(/Тест не сохранён: исправьте отмеченные поля/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admissions-test-bank-errors-desktop');

    await textRu.fill('Сколько примерно муниципальных образований в России?');
    await first.getByRole('textbox', { name: 'Вариант a (рус.)' }).fill('Около 5 тысяч');
    await first.getByRole('textbox', { name: 'Вариант a (англ.)' }).fill('About 5 thousand');
    await first.getByRole('textbox', { name: 'Вариант b (рус.)' }).fill('Около 17 тысяч');
    await first.getByRole('textbox', { name: 'Вариант b (англ.)' }).fill('About 17 thousand');
    await first.getByRole('radio', { name: 'Вариант b верный' }).check();
    await expect.poll(() => textRu.getAttribute('aria-invalid')).toBe('false');

    await add.getByRole('button', { name: 'Несколько верных ответов' }).click();
    const second = main(page).getByRole('region', { name: 'Вопрос 2' });
    await second.getByRole('textbox', { name: 'Текст вопроса (рус.)' }).fill('Что относится к национальным целям?');
    await second.getByRole('textbox', { name: 'Текст вопроса (англ.)' }).fill('Which are national goals?');
    await second.getByRole('button', { name: 'Добавить вариант' }).click();
    for (const [key, ru, en] of [['a', 'Сбережение народа', 'Preserving the population'], ['b', 'Рост тарифов', 'Higher tariffs'], ['c', 'Цифровая трансформация', 'Digital transformation']] as const) {
      await second.getByRole('textbox', { name: `Вариант ${key} (рус.)` }).fill(ru);
      await second.getByRole('textbox', { name: `Вариант ${key} (англ.)` }).fill(en);
    }
    await second.getByRole('checkbox', { name: 'Вариант a верный' }).check();
    await second.getByRole('checkbox', { name: 'Вариант c верный' }).check();
    await second.getByRole('textbox', { name: 'Баллы' }).fill('2');

    await add.getByRole('button', { name: 'Числовой ответ' }).click();
    const third = main(page).getByRole('region', { name: 'Вопрос 3' });
    await third.getByRole('textbox', { name: 'Текст вопроса (рус.)' }).fill('Сколько жителей в Перми, тысяч человек?');
    await third.getByRole('textbox', { name: 'Текст вопроса (англ.)' }).fill('How many people live in Perm, in thousands?');
    await third.getByRole('textbox', { name: 'Верный ответ (число)' }).fill('1034');
    await third.getByRole('textbox', { name: /^Допуск/ }).fill('10');

    // Leaving with unsaved questions asks first; «Остаться» keeps everything on the page.
    await navbar(page).getByRole('link', { name: 'Приём' }).click();
    const leave = page.getByRole('dialog', { name: 'Уйти без сохранения?' });
    await leave.waitFor();
    await expectAccessible(page);
    await leave.getByRole('button', { name: 'Остаться' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/admissions/${campaignId}/test`);
    expect(await third.getByRole('textbox', { name: 'Верный ответ (число)' }).inputValue()).toBe('1034');

    // Blocks: the first one added takes every question; an untitled, empty second block is refused at its fields.
    const blocks = main(page).getByRole('region', { name: 'Блоки теста' });
    await blocks.getByRole('button', { name: 'Добавить блок' }).click();
    const block1 = blocks.getByRole('region', { name: 'Блок 1' });
    await block1.getByRole('textbox', { name: 'Название (рус.)' }).fill('Муниципалитеты');
    await block1.getByRole('textbox', { name: 'Название (англ.)' }).fill('Municipalities');
    await blocks.getByRole('button', { name: 'Добавить блок' }).click();
    const block2 = blocks.getByRole('region', { name: 'Блок 2' });
    await main(page).getByRole('button', { name: 'Сохранить тест' }).click();
    await block2.getByText('Введите название блока').first().waitFor();
    await block2.getByText('В блоке нет вопросов: перенесите в него вопрос или удалите блок').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admissions-test-bank-blocks-errors-desktop');
    await block2.getByRole('textbox', { name: 'Название (рус.)' }).fill('Национальные цели');
    await block2.getByRole('textbox', { name: 'Название (англ.)' }).fill('National goals');
    await block2.getByRole('textbox', { name: 'Время на блок, мин' }).fill('15');
    await second.getByRole('combobox', { name: 'Блок' }).selectOption({ label: '2. Национальные цели' });
    await blocks.getByText('Общее время: 25 мин').waitFor();
    await expect.poll(() => block2.getByText('В блоке нет вопросов', { exact: false }).count()).toBe(0);

    // The candidate's own rendering of question 2, before anything is saved.
    await second.getByRole('button', { name: 'Как видит кандидат' }).click();
    const preview = page.getByRole('dialog', { name: 'Как кандидат видит вопрос 2' });
    await preview.getByRole('checkbox', { name: 'Цифровая трансформация' }).check();
    await expectAccessible(page);
    await screenshot(page, 'admissions-test-bank-preview-desktop');
    await preview.getByRole('button', { name: 'Закрыть' }).click();
    await preview.waitFor({ state: 'hidden' });

    // A control character passes the form's checks but not the server's: the server's error lands at the field too.
    const thirdEn = third.getByRole('textbox', { name: 'Текст вопроса (англ.)' });
    await thirdEn.fill('How many people live in Perm, in thousands?\u0007');
    await main(page).getByRole('button', { name: 'Сохранить тест' }).click();
    await expect.poll(() => thirdEn.getAttribute('aria-invalid')).toBe('true');
    await main(page).getByRole('alert').getByText(/^Вопрос 3, Текст вопроса \(англ\.\): /).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admissions-test-bank-server-error-desktop');
    await thirdEn.fill('How many people live in Perm, in thousands?');

    await main(page).getByRole('button', { name: 'Сохранить тест' }).click();
    await main(page).getByText('Тест сохранён').waitFor();
    await main(page).getByText('Вопросов: 3, баллов: 4').waitFor();

    await page.reload();
    const saved = main(page).getByRole('region', { name: 'Вопрос 2' });
    expect(await saved.getByRole('textbox', { name: 'Текст вопроса (рус.)' }).inputValue()).toBe('Что относится к национальным целям?');
    expect(await saved.getByRole('checkbox', { name: 'Вариант c верный' }).isChecked()).toBe(true);
    expect(await saved.getByRole('checkbox', { name: 'Вариант b верный' }).isChecked()).toBe(false);
    expect(await main(page).getByRole('region', { name: 'Вопрос 1' }).getByRole('radio', { name: 'Вариант b верный' }).isChecked()).toBe(true);
    expect(await main(page).getByRole('region', { name: 'Вопрос 3' }).getByRole('textbox', { name: 'Верный ответ (число)' }).inputValue()).toBe('1034');
    const savedBlock = saved.getByRole('combobox', { name: 'Блок' });
    expect(await savedBlock.locator('option:checked').textContent()).toBe('2. Национальные цели');
    expect(await main(page).getByRole('region', { name: 'Блок 2' }).getByRole('textbox', { name: 'Время на блок, мин' }).inputValue()).toBe('15');
    await expectAccessible(page);
    await screenshot(page, 'admissions-test-bank-desktop');

    // The bank leaves as JSON in the contract's shape.
    await main(page).getByRole('button', { name: /импорт и экспорт/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), main(page).getByRole('button', { name: 'Скачать вопросы (JSON)' }).click()]);
    const exported = JSON.parse(await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8')) as { blocks: Array<{ key: string; timeLimitMinutes: number }>; questions: Array<{ kind: string; correct: unknown; block: string }> };
    expect(exported.blocks.map((b) => [b.key, b.timeLimitMinutes])).toEqual([['b1', 10], ['b2', 15]]);
    expect(exported.questions.map((q) => [q.kind, q.correct, q.block])).toEqual([['single', ['b'], 'b1'], ['multiple', ['a', 'c'], 'b2'], ['numeric', { value: 1034, tolerance: 10 }, 'b1']]);
    await context.close();

    // On a phone: the cards stack, and a question is deleted only after a confirmation.
    const phone = await signedInPage(browser, 'staff', { phone: true });
    await phone.page.goto(`/admissions/${campaignId}/test`);
    const card = main(phone.page).getByRole('region', { name: 'Вопрос 3' });
    await card.getByRole('button', { name: 'Удалить' }).click();
    await card.getByRole('group', { name: 'Удалить вопрос 3?' }).waitFor();
    await expectAccessible(phone.page);
    await screenshot(phone.page, 'admissions-test-bank-phone');
    await card.getByRole('button', { name: 'Да, удалить' }).click();
    await main(phone.page).getByText('Вопросов: 2, баллов: 3').waitFor();

    // The same editor in English (the switch is saved on the account, so it is switched back after).
    const switchTo = async (short: 'EN' | 'RU') => {
      const saved = phone.page.waitForResponse((r) => r.url().endsWith('/api/auth/me/locale') && r.request().method() === 'PUT');
      await phone.page.getByRole('banner').getByText(short, { exact: true }).click();
      expect((await saved).status()).toBe(200);
    };
    await switchTo('EN');
    await expect.poll(() => pageHeading(phone.page).textContent()).toBe('Campaign online test');
    await main(phone.page).getByRole('region', { name: 'Question 2' }).getByRole('checkbox', { name: 'Option c is correct' }).waitFor();
    await expectAccessible(phone.page);
    await screenshot(phone.page, 'admissions-test-bank-phone-en');
    await switchTo('RU');
    await phone.context.close();
  });
});
