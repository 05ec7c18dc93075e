import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { admissionApplications, admissionInterviewBookings, auditLog, outbox } from '../../db/schema/index.ts';
import { buildTestApp, signIn, signInNewUser, signInWithRole, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildCampaign } from '../../../test/admissions.ts';
import { buildPerson, buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let staff: TestAgent;
let otherStaff: TestAgent;
let expert: { id: string; agent: TestAgent };
let expertB: { id: string; agent: TestAgent };

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildProgrammeTree(t.db);
  const other = await buildProgrammeTree(t.db);
  staff = await signInWithRole(t, tree, 'staff');
  otherStaff = await signInWithRole(t, other, 'staff');
  expert = await signInNewUser(t, tree, 'expert');
  expertB = await signInNewUser(t, tree, 'expert');
});
afterAll(async () => t?.close());

const FUTURE = '2031-03-01T07:00:00Z';
const slotBody = (overrides: object = {}) => ({ startsAt: FUTURE, durationMinutes: 30, place: 'Москва, пр. Вернадского, 82', capacity: 3, panel: [expert.id], ...overrides });

/** An applicant with an account, named so that searches can tell them apart. */
async function applicant(campaignId: string, regionCode: string, name: { lastName: string; firstName: string }, overrides: Partial<typeof admissionApplications.$inferInsert> = {}) {
  const person = await buildPerson(t.db, { regionCode, ...name, middleName: null });
  const user = await buildUser(t.db, { personId: person.id, email: person.email!, locale: regionCode === 'RU-MOW' ? 'en' : 'ru' });
  const [application] = await t.db
    .insert(admissionApplications)
    .values({ campaignId, personId: person.id, userId: user.id, status: 'submitted', regionCode, birthDate: '1980-05-05', isEligible: true, submittedAt: new Date(), ...overrides })
    .returning();
  return { application: application!, person, agent: await signIn(t.app, user.email, TEST_PASSWORD) };
}

async function campaignWithSlot(body: object = {}) {
  const campaign = await buildCampaign(t.db, tree.intake.id);
  const created = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/interviews/slots`, payload: slotBody(body) });
  expect(created.statusCode).toBe(200);
  const slot = created.json().slots[0] as { id: string };
  return { campaign, slot, slotUrl: `/api/admissions/campaigns/${campaign.id}/interviews/slots/${slot.id}` };
}

const lettersTo = (email: string) => t.db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.createdAt));
const auditOf = (entityId: string, action: string) => t.db.select().from(auditLog).where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

describe('changing interview slots', () => {
  it('invites a booked candidate, and moving the slot needs a confirmation and e-mails them the new time', async () => {
    const { campaign, slotUrl } = await campaignWithSlot();
    const { application, person } = await applicant(campaign.id, 'RU-SAM', { lastName: 'Орлова', firstName: 'Анна' });
    expect((await staff.request({ method: 'PUT', url: `${slotUrl}/bookings`, payload: { applicationId: application.id } })).statusCode).toBe(200);
    const [invitation] = await lettersTo(person.email!);
    expect(invitation).toMatchObject({ kind: 'admission_interview_invited', subject: 'Приглашение на собеседование — «Школа мэров — набор 2026»' });
    expect(invitation!.textBody).toContain('суббота, 1 марта 2031 г. в 10:00 (Москва, стандартное время)');
    expect(invitation!.textBody).toContain('Место: Москва, пр. Вернадского, 82');
    expect(invitation!.textBody).toContain(`/my-applications/${application.id}`);

    const moved = slotBody({ startsAt: '2031-03-02T08:30:00Z', place: undefined, onlineUrl: 'https://meet.example.test/room-7', panel: [expert.id, expertB.id] });
    const unconfirmed = await staff.request({ method: 'PUT', url: slotUrl, payload: moved });
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().errors[0].message).toBe('В слоте записаны кандидаты (1): подтвердите изменение — им придёт письмо');
    expect(await lettersTo(person.email!)).toHaveLength(1);

    const confirmed = await staff.request({ method: 'PUT', url: slotUrl, payload: { ...moved, isConfirmed: true } });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().slots[0]).toMatchObject({ startsAt: '2031-03-02T08:30:00.000Z', place: null, onlineUrl: 'https://meet.example.test/room-7', panel: expect.arrayContaining([expect.objectContaining({ userId: expertB.id })]) });
    expect(confirmed.json().slots[0].candidates).toHaveLength(1);
    const [letter] = await lettersTo(person.email!);
    expect(letter).toMatchObject({ kind: 'admission_interview_moved', subject: 'Собеседование изменено — «Школа мэров — набор 2026»' });
    expect(letter!.textBody).toContain('Было: суббота, 1 марта 2031 г. в 10:00 (Москва, стандартное время), Москва, пр. Вернадского, 82');
    expect(letter!.textBody).toContain('Теперь: воскресенье, 2 марта 2031 г. в 11:30');
    expect(letter!.textBody).toContain('Онлайн-встреча: https://meet.example.test/room-7');
    const [audit] = await auditOf(confirmed.json().slots[0].id, 'admission.update_interview_slot');
    expect(audit!.details).toMatchObject({ before: { startsAt: '2031-03-01T07:00:00.000Z' }, after: { startsAt: '2031-03-02T08:30:00.000Z' }, notified: 1 });
  });

  it('changes capacity and panel without a confirmation or a letter, but never below the booked', async () => {
    const { campaign, slotUrl } = await campaignWithSlot();
    const [a, b] = [await applicant(campaign.id, 'RU-SAM', { lastName: 'Белов', firstName: 'Олег' }), await applicant(campaign.id, 'RU-PER', { lastName: 'Чернов', firstName: 'Игорь' })];
    for (const x of [a, b]) await staff.request({ method: 'PUT', url: `${slotUrl}/bookings`, payload: { applicationId: x.application.id } });
    const tooSmall = await staff.request({ method: 'PUT', url: slotUrl, payload: slotBody({ capacity: 1 }) });
    expect(tooSmall.statusCode).toBe(409);
    expect(tooSmall.json().errors[0]).toMatchObject({ path: 'body.capacity', message: 'В слоте уже записано 2: вместимость не может быть меньше' });
    const changed = await staff.request({ method: 'PUT', url: slotUrl, payload: slotBody({ capacity: 2, panel: [expertB.id] }) });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().slots[0]).toMatchObject({ capacity: 2, panel: [expect.objectContaining({ userId: expertB.id })] });
    expect(await lettersTo(a.person.email!)).toHaveLength(1); // the invitation only
  });

  it('deletes a slot after a confirmation, unbooks and e-mails its candidates in their language, and audits it', async () => {
    const { campaign, slot, slotUrl } = await campaignWithSlot();
    const moscow = await applicant(campaign.id, 'RU-MOW', { lastName: 'Smirnov', firstName: 'Pavel' });
    await staff.request({ method: 'PUT', url: `${slotUrl}/bookings`, payload: { applicationId: moscow.application.id } });
    const unconfirmed = await staff.request({ method: 'DELETE', url: slotUrl });
    expect(unconfirmed.statusCode).toBe(409);
    const deleted = await staff.request({ method: 'DELETE', url: `${slotUrl}?confirmed=true` });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().slots).toEqual([]);
    expect(await t.db.select().from(admissionInterviewBookings).where(eq(admissionInterviewBookings.applicationId, moscow.application.id))).toEqual([]);
    const [letter] = await lettersTo(moscow.person.email!);
    expect(letter).toMatchObject({ kind: 'admission_interview_cancelled', subject: 'Interview cancelled — “School of Mayors — 2026 intake”' });
    expect(letter!.textBody).toContain('set for Saturday, 1 March 2031 at 10:00 (Moscow Standard Time), has been cancelled');
    const [audit] = await auditOf(slot.id, 'admission.delete_interview_slot');
    expect(audit!.details).toMatchObject({ unbooked: [moscow.application.id], notified: 1 });
    expect((await staff.request({ method: 'DELETE', url: `${slotUrl}?confirmed=true` })).statusCode).toBe(404);
  });

  it('refuses to delete a past slot whose candidates were scored (409 in_use), and deletes an empty one at once', async () => {
    const { campaign, slot, slotUrl } = await campaignWithSlot({ startsAt: '2024-03-01T07:00:00Z' });
    const { application, person } = await applicant(campaign.id, 'RU-SAM', { lastName: 'Ковалёв', firstName: 'Пётр' });
    await staff.request({ method: 'PUT', url: `${slotUrl}/bookings`, payload: { applicationId: application.id } });
    expect(await lettersTo(person.email!)).toEqual([]); // no invitation to an interview in the past
    expect((await expert.agent.request({ method: 'PUT', url: `/api/me/interviews/${slot.id}/scores/${application.id}`, payload: { score: 70 } })).statusCode).toBe(200);
    const refused = await staff.request({ method: 'DELETE', url: `${slotUrl}?confirmed=true` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'in_use', errors: [{ path: 'params.slotId', message: 'Собеседование в этом слоте уже прошло и оценено: удалить слот нельзя' }] });

    const empty = await campaignWithSlot();
    expect((await staff.request({ method: 'DELETE', url: empty.slotUrl })).statusCode).toBe(200);
  });

  it('takes one candidate off a slot with a letter, answers 404 when they are not in it, and 409 once they were scored', async () => {
    const { campaign, slot, slotUrl } = await campaignWithSlot();
    const [kept, removed] = [await applicant(campaign.id, 'RU-SAM', { lastName: 'Зайцева', firstName: 'Ольга' }), await applicant(campaign.id, 'RU-PER', { lastName: 'Титов', firstName: 'Глеб' })];
    for (const x of [kept, removed]) await staff.request({ method: 'PUT', url: `${slotUrl}/bookings`, payload: { applicationId: x.application.id } });
    const response = await staff.request({ method: 'DELETE', url: `${slotUrl}/bookings/${removed.application.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json().slots[0].candidates.map((c: { applicationId: string }) => c.applicationId)).toEqual([kept.application.id]);
    expect((await lettersTo(removed.person.email!))[0]).toMatchObject({ kind: 'admission_interview_cancelled' });
    expect(await auditOf(removed.application.id, 'admission.unbook_interview')).toHaveLength(1);
    expect((await staff.request({ method: 'DELETE', url: `${slotUrl}/bookings/${removed.application.id}` })).statusCode).toBe(404);
    expect((await otherStaff.request({ method: 'DELETE', url: `${slotUrl}/bookings/${kept.application.id}` })).statusCode).toBe(404);

    await expert.agent.request({ method: 'PUT', url: `/api/me/interviews/${slot.id}/scores/${kept.application.id}`, payload: { score: 60 } });
    const scored = await staff.request({ method: 'DELETE', url: `${slotUrl}/bookings/${kept.application.id}` });
    expect(scored.statusCode).toBe(409);
    expect(scored.json()).toMatchObject({ code: 'in_use', errors: [{ message: 'Кандидат уже оценён на собеседовании: снять его со слота нельзя' }] });
  });

  it('answers 404 to another programme’s staff, to experts and for a slot of another campaign, and 400 for bad input', async () => {
    const { campaign, slotUrl } = await campaignWithSlot();
    const other = await campaignWithSlot();
    expect((await otherStaff.request({ method: 'PUT', url: slotUrl, payload: slotBody() })).statusCode).toBe(404);
    expect((await otherStaff.request({ method: 'DELETE', url: slotUrl })).statusCode).toBe(404);
    expect((await expert.agent.request({ method: 'PUT', url: slotUrl, payload: slotBody() })).statusCode).toBe(404);
    expect((await expert.agent.request({ method: 'GET', url: `/api/admissions/campaigns/${campaign.id}/interviews/candidates` })).statusCode).toBe(404);
    const crossed = `/api/admissions/campaigns/${campaign.id}/interviews/slots/${other.slot.id}`;
    expect((await staff.request({ method: 'PUT', url: crossed, payload: slotBody() })).statusCode).toBe(404);
    expect((await staff.request({ method: 'DELETE', url: crossed })).statusCode).toBe(404);
    const bad = await staff.request({ method: 'PUT', url: slotUrl, payload: slotBody({ place: undefined }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.place');
  });
});

describe('the interview candidate picker', () => {
  it('finds in-stage candidates by name words or region, a page at a time, the unbooked first', async () => {
    const { campaign, slotUrl } = await campaignWithSlot({ capacity: 10 });
    const names = ['Абрамов', 'Борисов', 'Васильев', 'Гришин', 'Давыдов'];
    const made = [];
    for (const [i, lastName] of names.entries()) made.push(await applicant(campaign.id, i % 2 === 0 ? 'RU-SAM' : 'RU-IRK', { lastName, firstName: 'Иван' }));
    await applicant(campaign.id, 'RU-SAM', { lastName: 'Неподходящий', firstName: 'Иван' }, { isEligible: false });
    await applicant(campaign.id, 'RU-SAM', { lastName: 'Черновиков', firstName: 'Иван' }, { status: 'draft' });
    await staff.request({ method: 'PUT', url: `${slotUrl}/bookings`, payload: { applicationId: made[0]!.application.id } });
    const url = `/api/admissions/campaigns/${campaign.id}/interviews/candidates`;

    const first = (await staff.request({ method: 'GET', url: `${url}?pageSize=2` })).json();
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(first.items.map((c: { fullName: string }) => c.fullName)).toEqual(['Борисов Иван', 'Васильев Иван']);
    const last = (await staff.request({ method: 'GET', url: `${url}?pageSize=2&page=3` })).json();
    expect(last.items).toEqual([expect.objectContaining({ fullName: 'Абрамов Иван', bookedStartsAt: '2031-03-01T07:00:00.000Z' })]);

    const byWords = (await staff.request({ method: 'GET', url: `${url}?q=${encodeURIComponent('иван гриш')}` })).json();
    expect(byWords.items.map((c: { fullName: string }) => c.fullName)).toEqual(['Гришин Иван']);
    const byRegionName = (await staff.request({ method: 'GET', url: `${url}?q=${encodeURIComponent('Иркутская')}` })).json();
    expect(byRegionName.items.map((c: { fullName: string }) => c.fullName)).toEqual(['Борисов Иван', 'Гришин Иван']);
    const byCode = (await staff.request({ method: 'GET', url: `${url}?q=RU-IRK` })).json();
    expect(byCode.total).toBe(2);
    const literal = (await staff.request({ method: 'GET', url: `${url}?q=${encodeURIComponent('%')}` })).json();
    expect(literal.total).toBe(0);
    // Reads are audited through the batching buffer, written a moment later.
    await expect.poll(async () => (await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, campaign.id), inArray(auditLog.action, ['admission.interview_candidates_read'])))).length).toBeGreaterThan(0);
  });
});
