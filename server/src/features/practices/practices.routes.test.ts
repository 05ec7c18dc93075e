import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Practice, PracticePage } from '@ms/contracts/practices';
import { practiceRevisions } from '../../db/schema/index.ts';
import { buildTestApp, signIn, type TestAgent, type TestApp, signInWithRole } from '../../../test/app.ts';
import { buildModule, buildPerson, buildPractice, buildProgrammeTree, buildScheduleSession, buildUser, buildVenue, TEST_PASSWORD } from '../../../test/factories.ts';

let t: TestApp;
let staff: TestAgent;
let participant: TestAgent;
let outsider: TestAgent;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let other: Awaited<ReturnType<typeof buildProgrammeTree>>;
let moduleId: string;
let sessionId: string;

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> \'; DROP TABLE practices; --';

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildProgrammeTree(t.db);
  other = await buildProgrammeTree(t.db);
  const venue = await buildVenue(t.db, tree.programme.id, { nameRu: 'Калуга', nameEn: 'Kaluga', regionCode: 'RU-KLU' });
  const module = await buildModule(t.db, tree.streams[0]!.id, venue.id, { number: 5, startsOn: '2025-04-22', endsOn: '2025-04-25', hostRegionCode: 'RU-KLU' });
  moduleId = module.id;
  sessionId = (await buildScheduleSession(t.db, module.id, { kind: 'site_visit', titleRu: 'Выездное посещение', titleEn: 'Site visit', startsAt: new Date('2025-04-23T07:00:00Z'), endsAt: new Date('2025-04-23T09:00:00Z') })).id;
  const scope = { organisationId: tree.organisation.id, programmeId: tree.programme.id };
  staff = await signIn(t.app, (await buildUser(t.db, { grants: [{ role: 'staff', ...scope }] })).email, TEST_PASSWORD);
  const person = await buildPerson(t.db, { regionCode: 'RU-SAM', streamIds: [tree.streams[0]!.id] });
  participant = await signIn(t.app, (await buildUser(t.db, { personId: person.id, grants: [{ role: 'participant', ...scope, streamId: tree.streams[0]!.id }] })).email, TEST_PASSWORD);
  outsider = await signInWithRole(t, other, 'participant');

  await buildPractice(t.db, tree.programme.id, { title: 'Единый диспетчерский центр ЖКХ', summary: 'Все обращения жителей по коммунальным авариям — в одном окне.', originRegionCode: 'RU-KHM', areas: ['utilities', 'feedback'] });
  await buildPractice(t.db, tree.programme.id, { title: 'Школьные автобусы по расписанию', summary: 'Маршруты подвоза детей в сельские школы.', originRegionCode: 'RU-SA', areas: ['transport', 'education'] });
  await buildPractice(t.db, tree.programme.id, { title: 'Благоустройство набережной силами жителей', summary: 'Общественное пространство у реки.', originRegionCode: 'RU-ARK', areas: ['urban'] });
  await buildPractice(t.db, tree.programme.id, { title: 'Закрытое предложение', status: 'proposed', originRegionCode: 'RU-ARK', areas: ['urban'] });
});
afterAll(async () => t?.close());

const list = async (agent: TestAgent, query: string) => {
  const response = await agent.request({ method: 'GET', url: `/api/practices?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PracticePage;
};

describe('library search (Russian full-text)', () => {
  it('finds a practice by an inflected form of a word in its title (stemming)', async () => {
    // «автобусами» shares the stem of «автобусы»; «диспетчерского» that of «диспетчерский».
    expect((await list(participant, `q=${encodeURIComponent('автобусами')}`)).items.map((i) => i.title)).toEqual(['Школьные автобусы по расписанию']);
    expect((await list(participant, `q=${encodeURIComponent('диспетчерского центра')}`)).items.map((i) => i.title)).toEqual(['Единый диспетчерский центр ЖКХ']);
  });

  it('ranks a title match above a match in the body and marks the match in a plain-text snippet', async () => {
    const page = await list(participant, `q=${encodeURIComponent('жителей')}`);
    expect(page.items.length).toBeGreaterThanOrEqual(2);
    expect(page.items[0]!.title).toBe('Благоустройство набережной силами жителей');
    expect(page.items[0]!.rank).toBeGreaterThan(page.items.at(-1)!.rank!);
    const marked = page.items.flatMap((i) => i.snippet ?? []).filter((segment) => segment.hit).map((segment) => segment.text.toLowerCase());
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((word) => word.startsWith('жител'))).toBe(true);
    const pastTheEnd = await list(participant, `q=${encodeURIComponent('жителей')}&page=50`);
    expect(pastTheEnd).toMatchObject({ items: [], total: page.total });
  });

  it('filters by area, region, federal district and module, and pages', async () => {
    expect((await list(participant, 'areas=transport')).items.map((i) => i.originRegionCode)).toEqual(['RU-SA']);
    expect((await list(participant, 'region=RU-KHM')).total).toBe(1);
    expect((await list(participant, 'district=FEFD')).items.every((i) => i.federalDistrict === 'FEFD')).toBe(true);
    const paged = await list(participant, 'pageSize=2&page=2&sort=title');
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(1);
    const created = await staff.request({ method: 'POST', url: '/api/practices', payload: { programmeId: tree.programme.id, title: 'Дворовый тренер', originRegionCode: 'RU-KLU', areas: ['sport'], showings: [{ moduleId, sessionId }] } });
    expect(created.statusCode, created.body).toBe(201);
    expect((await list(participant, `moduleId=${moduleId}`)).items.map((i) => i.title)).toEqual(['Дворовый тренер']);
  });

  it('never shows proposals to participants, and shows them to staff as the curation queue', async () => {
    expect((await list(participant, 'status=proposed')).items).toEqual([]);
    expect((await list(staff, 'status=proposed')).items.map((i) => i.title)).toContain('Закрытое предложение');
  });

  it('accepts any search syntax without an error, and refuses an unknown area naming the field', async () => {
    for (const q of ['"школьные автобусы"', 'автобус -сельские', 'OR', '!!!', "' OR 1=1 --"]) await list(participant, `q=${encodeURIComponent(q)}`);
    const bad = await participant.request({ method: 'GET', url: '/api/practices?areas=urban,space' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toMatch(/^querystring\.areas/);
  });

  it('exports the filtered library as CSV with a BOM and neutralised formulas', async () => {
    await buildPractice(t.db, tree.programme.id, { title: '=HYPERLINK("http://evil")', originRegionCode: 'RU-CE', areas: ['digital'] });
    const response = await participant.request({ method: 'GET', url: '/api/practices/export?region=RU-CE' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = response.rawPayload.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('Практика;Регион;Муниципалитет;Направления;Кратко;Внедрений;id');
    expect(text).toContain("'=HYPERLINK");
  });
});

describe('practice pages, proposals and curation', () => {
  it('stores hostile text as text and answers it unchanged, as JSON', async () => {
    const response = await participant.request({ method: 'POST', url: '/api/practices', payload: { programmeId: tree.programme.id, title: HOSTILE, summary: HOSTILE, solution: HOSTILE, originRegionCode: 'RU-SAM', areas: ['safety'] } });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['content-type']).toContain('application/json');
    const practice = response.json() as Practice;
    expect(practice).toMatchObject({ title: HOSTILE, summary: HOSTILE, solution: HOSTILE, status: 'proposed', canCurate: false, canEdit: true });
    const [found] = (await list(staff, `status=proposed&q=${encodeURIComponent('alert')}`)).items;
    expect(found?.title).toBe(HOSTILE);
    // The snippet is the same text in plain pieces, the query's word marked.
    expect(found?.snippet?.map((segment) => segment.text).join('')).toBe(HOSTILE);
    expect(found?.snippet?.filter((segment) => segment.hit).map((segment) => segment.text)).toEqual(['alert', 'alert']);
  });

  it('refuses a javascript: link and an unknown module, naming the fields', async () => {
    const response = await staff.request({
      method: 'POST',
      url: '/api/practices',
      payload: { programmeId: tree.programme.id, title: 'Ссылка', originRegionCode: 'RU-SAM', areas: ['digital'], links: [{ title: 'x', url: 'javascript:alert(1)' }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toContain('body.links.0.url');
    const foreignModule = await staff.request({ method: 'POST', url: '/api/practices', payload: { programmeId: tree.programme.id, title: 'Модуль', originRegionCode: 'RU-SAM', areas: ['digital'], showings: [{ moduleId: '00000000-0000-4000-8000-000000000000' }] } });
    expect(foreignModule.statusCode).toBe(400);
    expect(foreignModule.json().errors[0]).toMatchObject({ path: 'body.showings.0.moduleId', message: 'Модуль не найден в этой программе' });
  });

  it('lets staff approve a proposal, after which everyone finds it; the history records who did what', async () => {
    const proposed = (await participant.request({ method: 'POST', url: '/api/practices', payload: { programmeId: tree.programme.id, title: 'Муниципальный проектный офис', originRegionCode: 'RU-SAM', areas: ['team'] } })).json() as Practice;
    expect((await list(participant, `q=${encodeURIComponent('проектного офиса')}`)).total).toBe(0);
    const edited = await participant.request({ method: 'PATCH', url: `/api/practices/${proposed.id}`, payload: { summary: 'Команда проектов при главе' } });
    expect(edited.statusCode).toBe(200);
    expect((await participant.request({ method: 'POST', url: `/api/practices/${proposed.id}/approve`, payload: {} })).statusCode).toBe(403);
    const approved = await staff.request({ method: 'POST', url: `/api/practices/${proposed.id}/approve`, payload: { note: 'Проверено' } });
    expect(approved.json()).toMatchObject({ status: 'approved' });
    expect((await list(participant, `q=${encodeURIComponent('проектного офиса')}`)).total).toBe(1);
    // The proposer can no longer edit an approved practice.
    expect((await participant.request({ method: 'PATCH', url: `/api/practices/${proposed.id}`, payload: { summary: 'Иначе' } })).statusCode).toBe(403);
    const history = (await staff.request({ method: 'GET', url: `/api/practices/${proposed.id}/history` })).json() as { items: Array<{ action: string; changes: unknown[] }> };
    expect(history.items.map((i) => i.action)).toEqual(['approve', 'update', 'create']);
    expect(history.items[1]!.changes).toEqual([{ field: 'summary', before: '', after: 'Команда проектов при главе' }]);
  });

  it('merges a duplicate into another practice, which then shows where it was seen', async () => {
    const original = (await staff.request({ method: 'POST', url: '/api/practices', payload: { programmeId: tree.programme.id, title: 'Открытый бюджет', originRegionCode: 'RU-NGR', areas: ['finance'] } })).json() as Practice;
    const duplicate = (await staff.request({ method: 'POST', url: '/api/practices', payload: { programmeId: tree.programme.id, title: 'Открытый бюджет (дубль)', originRegionCode: 'RU-NGR', areas: ['finance'], showings: [{ moduleId }] } })).json() as Practice;
    const merged = await staff.request({ method: 'POST', url: `/api/practices/${duplicate.id}/merge`, payload: { intoId: original.id } });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((merged.json() as Practice).showings.map((s) => s.moduleId)).toEqual([moduleId]);
    expect((await participant.request({ method: 'GET', url: `/api/practices/${duplicate.id}` })).statusCode).toBe(404);
    expect((await staff.request({ method: 'GET', url: `/api/practices/${duplicate.id}` })).json()).toMatchObject({ status: 'merged', mergedIntoId: original.id });
    const self = await staff.request({ method: 'POST', url: `/api/practices/${original.id}/merge`, payload: { intoId: original.id } });
    expect(self.statusCode).toBe(400);
    const rows = await t.db.select().from(practiceRevisions).where(eq(practiceRevisions.practiceId, original.id));
    expect(rows.map((r) => r.action).sort()).toEqual(['create', 'merged_from']);
  });

  it('refuses proposals in a programme the user is not part of (404), and curation to a participant', async () => {
    const response = await outsider.request({ method: 'POST', url: '/api/practices', payload: { programmeId: tree.programme.id, title: 'Чужое', originRegionCode: 'RU-SAM', areas: ['team'] } });
    expect(response.statusCode).toBe(404);
    const any = (await list(participant, '')).items[0]!;
    expect((await participant.request({ method: 'GET', url: `/api/practices/${any.id}/history` })).statusCode).toBe(403);
  });
});

// Last in the file: these add practices that the exact totals above do not expect.
describe('relevance tiers, snippets and the capped count', () => {
  it('puts practices matching in the title or summary first, and cuts a body snippet around the match', async () => {
    const filler = 'Подробное описание муниципальной программы и её этапов. '.repeat(15);
    await buildPractice(t.db, tree.programme.id, { title: 'Учёт пожарных гидрантов', summary: 'Карта водоисточников.', problem: filler, solution: '', results: '' });
    // Many body occurrences still rank below one title match; the match lies far past the body's start.
    await buildPractice(t.db, tree.programme.id, { title: 'Водоснабжение сёл', summary: 'Новые скважины.', problem: `${filler} Проверка гидрантов, ремонт гидрантов, гидранты у школ.`, solution: '', results: '' });
    const first = await list(participant, `q=${encodeURIComponent('гидрантами')}&pageSize=1`);
    expect(first).toMatchObject({ total: 2, totalCapped: false });
    expect(first.items[0]!.title).toBe('Учёт пожарных гидрантов');
    const second = await list(participant, `q=${encodeURIComponent('гидрантами')}&pageSize=1&page=2`);
    expect(second).toMatchObject({ total: 2, totalCapped: false });
    expect(second.items[0]!.title).toBe('Водоснабжение сёл');
    const snippet = second.items[0]!.snippet!;
    // Cut around the match (the filler before it is left out), every form of the word marked.
    expect(snippet[0]).toMatchObject({ hit: false });
    expect(snippet[0]!.text.startsWith('… ')).toBe(true);
    expect(snippet.filter((segment) => segment.hit).map((segment) => segment.text)).toEqual(['гидрантов', 'гидрантов', 'гидранты']);
  });

  it('pages a one-word search alike whether the page lies within the title matches or ranks the whole first tier', async () => {
    // Five title matches (the word once to three times), four summary-only matches with the word repeated
    // in the summary and body (never enough to outrank one in a title), one body-only match.
    for (let i = 0; i < 5; i++) {
      await buildPractice(t.db, tree.programme.id, { title: `Снегоходы для района ${i}`, summary: i % 2 ? 'Парк снегоходов.' : 'Парк машин.', problem: 'Снегоходом к сёлам. '.repeat(i), solution: '', results: '', originRegionCode: i < 2 ? 'RU-YAN' : 'RU-SA' });
    }
    for (let i = 0; i < 4; i++) {
      await buildPractice(t.db, tree.programme.id, { title: `Зимняя доставка ${i}`, summary: 'Снегоходы, снегоходами, снегоходов парк.', problem: 'Снегоходом к сёлам. '.repeat(i + 5), solution: '', results: '' });
    }
    await buildPractice(t.db, tree.programme.id, { title: 'Зимник', summary: 'Дорога по льду.', problem: 'Ремонт снегоходов.', solution: '', results: '' });
    const q = `q=${encodeURIComponent('снегоходами')}`;
    // A page of 50 reaches past the title matches: the whole first tier and the second are ranked.
    const whole = await list(participant, `${q}&pageSize=50`);
    expect(whole).toMatchObject({ total: 10, totalCapped: false });
    expect(whole.items.slice(0, 5).every((i) => i.title.startsWith('Снегоходы'))).toBe(true);
    expect(whole.items.at(-1)!.title).toBe('Зимник');
    // Pages of two: the first two lie within the title matches, the rest rank the whole tier.
    const paged: PracticePage['items'] = [];
    for (let n = 1; n <= 5; n++) {
      const page = await list(participant, `${q}&pageSize=2&page=${n}`);
      expect(page).toMatchObject({ total: 10, totalCapped: false });
      paged.push(...page.items);
    }
    expect(paged.map((i) => [i.id, i.rank, i.snippet])).toEqual(whole.items.map((i) => [i.id, i.rank, i.snippet]));
    // Searches run as prepared statements whose plan PostgreSQL reuses after a few runs: the answers stay.
    for (let run = 0; run < 8; run++) {
      expect((await list(participant, `${q}&pageSize=50`)).items.map((i) => [i.id, i.rank, i.snippet])).toEqual(whole.items.map((i) => [i.id, i.rank, i.snippet]));
      expect((await list(participant, `${q}&pageSize=2&page=2`)).items.map((i) => i.id)).toEqual(whole.items.slice(2, 4).map((i) => i.id));
    }
    // Other orders over the same matches.
    const byTitle = await list(participant, `${q}&sort=title&pageSize=50`);
    expect(byTitle).toMatchObject({ total: 10, totalCapped: false });
    expect(byTitle.items.map((i) => i.title)).toEqual(whole.items.map((i) => i.title).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    // Filters hold within the title matches too.
    const region = await list(participant, `${q}&region=RU-YAN&pageSize=1`);
    expect(region).toMatchObject({ total: 2, totalCapped: false });
    expect(region.items[0]).toMatchObject({ originRegionCode: 'RU-YAN', title: whole.items.find((i) => i.originRegionCode === 'RU-YAN')!.title });
  });

  it('lists the field modules where approved practices were shown, for the module filter', async () => {
    const response = await outsider.request({ method: 'GET', url: '/api/practices/modules' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: Array<{ id: string; moduleNumber: number; streamNumber: number; practices: number }> };
    // «Дворовый тренер» and the practice the duplicate was merged into were shown at module 5.
    expect(items).toEqual([expect.objectContaining({ id: moduleId, moduleNumber: 5, streamNumber: tree.streams[0]!.number, themeRu: expect.any(String), practices: 2 })]);
  });

  it('counts a one-word search exactly, and other searches up to 500 matches, then says there are more', async () => {
    await t.db.execute(sql`
      insert into practices (programme_id, status, title, summary, origin_region_code, areas)
      select ${tree.programme.id}, 'approved', 'Вездеход для санавиации ' || g, 'Доставка врачей вездеходом.', 'RU-SA', '{health}'
      from generate_series(1, 501) g`);
    // One word over the whole library: the exact total, from the lexeme counts.
    const oneWord = await list(participant, `q=${encodeURIComponent('вездеходы')}&pageSize=5`);
    expect(oneWord).toMatchObject({ total: 501, totalCapped: false });
    expect(oneWord.items).toHaveLength(5);
    expect(await list(participant, `q=${encodeURIComponent('вездеходы')}&pageSize=100&page=30`)).toMatchObject({ items: [], total: 501, totalCapped: false });
    // Two words, or one word with a filter, are counted through the index up to the cap.
    const twoWords = await list(participant, `q=${encodeURIComponent('вездеходы врачей')}&pageSize=5`);
    expect(twoWords).toMatchObject({ total: 500, totalCapped: true });
    expect(twoWords.items).toHaveLength(5);
    // A page past what the cap lets the pager reach still answers with the capped total.
    expect(await list(participant, `q=${encodeURIComponent('вездеходы врачей')}&pageSize=100&page=30`)).toMatchObject({ items: [], total: 500, totalCapped: true });
    expect(await list(participant, `q=${encodeURIComponent('вездеходы')}&region=RU-SA&pageSize=5`)).toMatchObject({ total: 500, totalCapped: true });
    // Browsing without a query counts exactly.
    expect((await list(participant, 'areas=health')).totalCapped).toBe(false);
  });
});
