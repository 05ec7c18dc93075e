import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildModule, buildPerson, buildProgrammeTree, buildUser, buildVenue, TEST_PASSWORD, TEST_RUBRIC } from '../../../test/factories.ts';
import { upload } from '../../../test/imports.ts';
import { teamMembers, teams } from '../../db/schema/index.ts';

const now = new Date('2025-02-20T09:00:00Z');
const clock = { now: () => now };
let t: TestApp;
let tree: Awaited<ReturnType<typeof buildProgrammeTree>>;
let module: { id: string; streamId: string };
const agents = {} as Record<'staff' | 'expert' | 'otherExpert' | 'sam' | 'irk' | 'ann', TestAgent>;
const ids = {} as Record<'expert' | 'otherExpert' | 'sam' | 'irk' | 'ann' | 'teamA', string>;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode');

async function createAssignment(overrides: Record<string, unknown> = {}) {
  const response = await agents.staff.request({
    method: 'POST',
    url: '/api/assignments',
    payload: { moduleId: module.id, kind: 'individual', titleRu: 'Анализ', titleEn: 'Analysis', dueLocal: '2025-03-01T18:00', rubric: TEST_RUBRIC, passMark: 60, ...overrides },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; dueAt: string; dueLocal: string };
}
const submit = (agent: TestAgent, id: string, fileName: string | null, bytes: Buffer = PDF, text = 'Мой анализ') =>
  fileName === null
    ? agent.request({ method: 'POST', url: `/api/me/assignments/${id}/submissions`, payload: Buffer.from(`--b\r\nContent-Disposition: form-data; name="text"\r\n\r\n${text}\r\n--b--\r\n`), headers: { 'content-type': 'multipart/form-data; boundary=b' } })
    : upload(agent, `/api/me/assignments/${id}/submissions`, fileName, bytes, {}, { text });

beforeAll(async () => {
  t = await buildTestApp({ clock });
  tree = await buildProgrammeTree(t.db);
  const stream = tree.streams[0]!;
  const venue = await buildVenue(t.db, tree.programme.id);
  module = await buildModule(t.db, stream.id, venue.id, { number: 2, startsOn: '2025-02-24', endsOn: '2025-02-28' });
  const scope = { organisationId: tree.organisation.id, programmeId: tree.programme.id };
  const staff = await buildUser(t.db, { grants: [{ role: 'staff', ...scope }] });
  const expert = await buildUser(t.db, { displayName: 'Эксперт Один', grants: [{ role: 'expert', ...scope }] });
  const otherExpert = await buildUser(t.db, { displayName: 'Эксперт Два', grants: [{ role: 'expert', ...scope }] });
  const people = await Promise.all(['Самарин', 'Иркутов', 'Аннина'].map((lastName) => buildPerson(t.db, { lastName, streamIds: [stream.id] })));
  const users = await Promise.all(people.map((p) => buildUser(t.db, { personId: p.id, grants: [{ role: 'participant', ...scope, streamId: stream.id }] })));
  const [team] = await t.db.insert(teams).values({ streamId: stream.id, name: 'Команда А' }).returning();
  await t.db.insert(teamMembers).values([0, 1].map((i) => ({ teamId: team!.id, personId: people[i]!.id, streamId: stream.id })));
  Object.assign(ids, { expert: expert.id, otherExpert: otherExpert.id, sam: people[0]!.id, irk: people[1]!.id, ann: people[2]!.id, teamA: team!.id });
  for (const [key, user] of [['staff', staff], ['expert', expert], ['otherExpert', otherExpert], ['sam', users[0]!], ['irk', users[1]!], ['ann', users[2]!]] as const) {
    agents[key] = await signIn(t.app, user.email, TEST_PASSWORD);
  }
});
afterAll(async () => t?.close());

describe('setting assignments', () => {
  it('reads the due time in the given time zone and stores it as UTC', async () => {
    const moscow = await createAssignment();
    expect(moscow).toMatchObject({ dueAt: '2025-03-01T15:00:00.000Z', dueLocal: '2025-03-01T18:00' });
    const irkutsk = await createAssignment({ timeZone: 'Asia/Irkutsk' });
    expect(irkutsk.dueAt).toBe('2025-03-01T10:00:00.000Z');
  });

  it('refuses an unknown time zone, duplicate criteria and an unknown module, naming the field', async () => {
    const response = await agents.staff.request({ method: 'POST', url: '/api/assignments', payload: { moduleId: module.id, kind: 'individual', titleRu: 'А', titleEn: 'A', dueLocal: '2025-03-01T18:00', timeZone: 'Mars/Olympus', rubric: [TEST_RUBRIC[0], TEST_RUBRIC[0]] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.rubric.1.key']);
    const zone = await agents.staff.request({ method: 'POST', url: '/api/assignments', payload: { moduleId: module.id, kind: 'individual', titleRu: 'А', titleEn: 'A', dueLocal: '2025-03-01T18:00', timeZone: 'Mars/Olympus', rubric: TEST_RUBRIC } });
    expect(zone.json().errors).toEqual([{ path: 'body.timeZone', message: expect.any(String) }]);
    const unknown = await agents.staff.request({ method: 'POST', url: '/api/assignments', payload: { moduleId: '00000000-0000-4000-8000-000000000000', kind: 'individual', titleRu: 'А', titleEn: 'A', dueLocal: '2025-03-01T18:00', rubric: TEST_RUBRIC } });
    expect(unknown.statusCode).toBe(400);
  });

  it('changes only the fields a PATCH names, and re-reads a new due time in the zone', async () => {
    const a = await createAssignment({ latePolicy: 'refuse', timeZone: 'Asia/Irkutsk', instructionsRu: 'Подробно' });
    const patched = await agents.staff.request({ method: 'PATCH', url: `/api/assignments/${a.id}`, payload: { passMark: 70, dueLocal: '2025-03-02T09:00' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ passMark: 70, latePolicy: 'refuse', timeZone: 'Asia/Irkutsk', instructionsRu: 'Подробно', dueAt: '2025-03-02T01:00:00.000Z' });
  });

  it('lets only staff set assignments', async () => {
    const response = await agents.expert.request({ method: 'POST', url: '/api/assignments', payload: { moduleId: module.id, kind: 'individual', titleRu: 'А', titleEn: 'A', dueLocal: '2025-03-01T18:00', rubric: TEST_RUBRIC } });
    expect(response.statusCode).toBe(403);
  });
});

describe('submitting', () => {
  it('keeps every version of a resubmission, with text and files', async () => {
    const a = await createAssignment();
    const first = await submit(agents.sam, a.id, 'анализ.pdf');
    expect(first.statusCode, first.body).toBe(201);
    const second = await submit(agents.sam, a.id, 'photo.png', PNG, 'Вторая версия');
    expect(second.statusCode).toBe(201);
    const mine = second.json();
    expect(mine.versions.map((v: { version: number; text: string }) => [v.version, v.text])).toEqual([[1, 'Мой анализ'], [2, 'Вторая версия']]);
    expect(mine.versions[0].files[0]).toMatchObject({ fileName: 'анализ.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length });
    const file = await agents.sam.request({ method: 'GET', url: `/api/submission-files/${mine.versions[0].files[0].id}` });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses a file that is not what its name claims, in the reader’s language, and stores nothing', async () => {
    const a = await createAssignment();
    await agents.sam.request({ method: 'PUT', url: '/api/auth/me/locale', payload: { locale: 'en' } });
    const exe = await submit(agents.sam, a.id, 'report.pdf', EXE, 'x');
    await agents.sam.request({ method: 'PUT', url: '/api/auth/me/locale', payload: { locale: 'ru' } });
    expect(exe.statusCode).toBe(400);
    expect(exe.json().errors).toEqual([{ path: 'file.0', message: 'File refused: PDF, DOCX, XLSX, PPTX, PNG and JPEG are accepted' }]);
    const png = await submit(agents.sam, a.id, 'report.pdf', PNG, 'x');
    expect(png.json().errors).toEqual([{ path: 'file.0', message: 'Содержимое файла не соответствует его расширению' }]);
    const mine = await agents.sam.request({ method: 'GET', url: `/api/me/assignments/${a.id}` });
    expect(mine.json().versions).toEqual([]);
  });

  it('refuses a file over 10 MB and more than three files, naming the limit', async () => {
    const a = await createAssignment();
    const big = await submit(agents.sam, a.id, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().errors[0]).toMatchObject({ path: 'file', message: 'Файл больше 10 МБ' });
    const parts = [1, 2, 3, 4].map((i) => `--b\r\nContent-Disposition: form-data; name="file"; filename="${i}.pdf"\r\nContent-Type: application/pdf\r\n\r\n${PDF.toString('latin1')}\r\n`).join('');
    const many = await agents.sam.request({ method: 'POST', url: `/api/me/assignments/${a.id}/submissions`, payload: Buffer.from(`${parts}--b--\r\n`, 'latin1'), headers: { 'content-type': 'multipart/form-data; boundary=b' } });
    expect(many.statusCode).toBe(400);
    expect(many.json().errors[0].path).toBe('file');
    expect((await agents.sam.request({ method: 'GET', url: `/api/me/assignments/${a.id}` })).json().versions).toEqual([]);
  });

  it('refuses an empty submission', async () => {
    const a = await createAssignment();
    expect((await submit(agents.sam, a.id, null, PDF, '   ')).statusCode).toBe(400);
  });

  it('flags a late submission, and refuses it where the assignment refuses late work', async () => {
    // "Now" is 20 February 2025, 12:00 Moscow time: due a minute earlier.
    const accepting = await createAssignment({ dueLocal: '2025-02-20T11:59' });
    const refusing = await createAssignment({ dueLocal: '2025-02-20T11:59', latePolicy: 'refuse' });
    const late = await submit(agents.sam, accepting.id, null);
    expect(late.statusCode).toBe(201);
    expect(late.json()).toMatchObject({ isLate: true, versions: [{ isLate: true }] });
    const refused = await submit(agents.sam, refusing.id, null);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('dueAt');
    const mine = await agents.sam.request({ method: 'GET', url: `/api/me/assignments/${refusing.id}` });
    expect(mine.json()).toMatchObject({ isClosed: true, versions: [] });
    const onTime = await createAssignment({ dueLocal: '2025-02-20T12:01', latePolicy: 'refuse' });
    expect((await submit(agents.sam, onTime.id, null)).json()).toMatchObject({ isLate: false });
  });

  it('shares one submission among a team’s members and keeps it from other participants', async () => {
    const a = await createAssignment({ kind: 'team' });
    expect((await submit(agents.sam, a.id, 'team.pdf')).statusCode).toBe(201);
    const byTeammate = await submit(agents.irk, a.id, null, PDF, 'Дополнение');
    expect(byTeammate.json()).toMatchObject({ teamName: 'Команда А', versions: [{ version: 1 }, { version: 2 }] });
    const outsider = await agents.ann.request({ method: 'GET', url: `/api/me/assignments/${a.id}` });
    expect(outsider.json()).toMatchObject({ teamName: null, versions: [], submissionId: null });
    expect((await submit(agents.ann, a.id, null)).json().errors[0].path).toBe('team');
    const fileId = byTeammate.json().versions[0].files[0].id;
    expect((await agents.ann.request({ method: 'GET', url: `/api/submission-files/${fileId}` })).statusCode).toBe(404);
    expect((await agents.irk.request({ method: 'GET', url: `/api/submission-files/${fileId}` })).statusCode).toBe(200);
  });
});

describe('grading', () => {
  it('grades only what is assigned, and shows the grade to its owner only after release', async () => {
    const a = await createAssignment();
    await submit(agents.sam, a.id, null);
    await submit(agents.ann, a.id, null);
    const graders = await agents.staff.request({ method: 'PUT', url: `/api/assignments/${a.id}/graders`, payload: { userIds: [ids.expert, ids.otherExpert] } });
    expect(graders.statusCode, graders.body).toBe(200);
    const queue = (await agents.expert.request({ method: 'GET', url: `/api/grading/queue?assignmentId=${a.id}` })).json().items;
    const otherQueue = (await agents.otherExpert.request({ method: 'GET', url: `/api/grading/queue?assignmentId=${a.id}` })).json().items;
    expect(queue).toHaveLength(1);
    expect(otherQueue).toHaveLength(1);
    const mine = queue[0];
    const notMine = otherQueue[0];

    expect((await agents.expert.request({ method: 'GET', url: `/api/submissions/${notMine.id}` })).statusCode).toBe(404);
    expect((await agents.expert.request({ method: 'PUT', url: `/api/submissions/${notMine.id}/grade`, payload: { levels: { analysis: 2, proposal: 2 } } })).statusCode).toBe(404);
    const missing = await agents.expert.request({ method: 'PUT', url: `/api/submissions/${mine.id}/grade`, payload: { levels: { analysis: 2 } } });
    expect(missing.json().errors).toEqual([{ path: 'body.levels.proposal', message: expect.any(String) }]);

    const graded = await agents.expert.request({ method: 'PUT', url: `/api/submissions/${mine.id}/grade`, payload: { levels: { analysis: 2, proposal: 1 }, feedback: 'Сильный анализ, предложение сыровато' } });
    expect(graded.statusCode, graded.body).toBe(200);
    expect(graded.json().grade).toMatchObject({ score: 80, isPassed: true, releasedAt: null });

    const owner = mine.personId === ids.sam ? agents.sam : agents.ann;
    const before = await owner.request({ method: 'GET', url: `/api/me/assignments/${a.id}` });
    expect(before.json().grade).toBeNull();
    expect(before.body).not.toContain('сыровато');
    expect((await owner.request({ method: 'GET', url: `/api/submissions/${mine.id}` })).statusCode).toBe(404);

    const release = await agents.staff.request({ method: 'POST', url: `/api/assignments/${a.id}/release`, payload: {} });
    expect(release.json()).toEqual({ released: 1 });
    const after = await owner.request({ method: 'GET', url: `/api/me/assignments/${a.id}` });
    expect(after.json().grade).toMatchObject({ score: 80, feedback: 'Сильный анализ, предложение сыровато' });
    const other = owner === agents.sam ? agents.ann : agents.sam;
    const classmate = await other.request({ method: 'GET', url: `/api/me/assignments/${a.id}` });
    expect(classmate.body).not.toContain('сыровато');
    expect(classmate.json().grade).toBeNull();
  });

  it('refuses a grader who is not an expert of the programme', async () => {
    const a = await createAssignment();
    const outsider = await buildUser(t.db, { grants: [{ role: 'expert', organisationId: (await buildProgrammeTree(t.db)).organisation.id }] });
    const response = await agents.staff.request({ method: 'PUT', url: `/api/assignments/${a.id}/graders`, payload: { userIds: [outsider.id] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.userIds.0');
  });
});

describe('gradebook', () => {
  it('lists participants × assignments for staff, filters, and exports CSV and XLSX', async () => {
    const streamId = module.streamId;
    const book = await agents.staff.request({ method: 'GET', url: `/api/streams/${streamId}/gradebook?q=Самарин` });
    expect(book.statusCode).toBe(200);
    const body = book.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ fullName: expect.stringContaining('Самарин'), teamName: 'Команда А' });
    expect(body.items[0].cells).toHaveLength(body.assignments.length);
    expect(body.items[0].cells.some((c: { isLate: boolean }) => c.isLate)).toBe(true);
    const csv = await agents.staff.request({ method: 'GET', url: `/api/streams/${streamId}/gradebook/export?format=csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Самарин');
    const xlsx = await agents.staff.request({ method: 'GET', url: `/api/streams/${streamId}/gradebook/export?format=xlsx` });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await agents.sam.request({ method: 'GET', url: `/api/streams/${streamId}/gradebook` })).statusCode).toBe(403);
    expect((await agents.expert.request({ method: 'GET', url: `/api/streams/${streamId}/gradebook` })).statusCode).toBe(403);
  });
});
