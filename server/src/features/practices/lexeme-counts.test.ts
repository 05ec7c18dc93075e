import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/database.ts';
import { buildPractice, buildProgrammeTree } from '../../../test/factories.ts';
import { connectDatabase, type DatabaseHandle } from '../../db/client.ts';
import { practices } from '../../db/schema/index.ts';

let handle: DatabaseHandle;
let programmeId: string;

beforeAll(async () => {
  handle = connectDatabase(await createTestDatabase(), { max: 4 });
  programmeId = (await buildProgrammeTree(handle.db)).programme.id;
});
afterAll(async () => handle?.close());

/** The triggers' counts against PostgreSQL's own count of every lexeme over the approved practices. */
async function expectCountsTrue() {
  const { rows: kept } = await handle.pool.query<{ lexeme: string; approved: number }>('select lexeme, approved from practice_lexeme_counts where approved <> 0 order by lexeme');
  const { rows: actual } = await handle.pool.query<{ lexeme: string; approved: number }>(
    `select word as lexeme, ndoc as approved from ts_stat('select search_vector from practices where status = ''approved''') order by word`,
  );
  expect(kept).toEqual(actual);
  return new Map(kept.map((row) => [row.lexeme, row.approved]));
}

describe('practice_lexeme_counts (kept by triggers on practices)', () => {
  it('follows inserts, text edits, status changes and deletes, single and in bulk', async () => {
    const a = await buildPractice(handle.db, programmeId, { title: 'Снегоходы для района', summary: 'Парк снегоходов.', problem: '', solution: '', results: '' });
    await buildPractice(handle.db, programmeId, { title: 'Снегоход для почты', summary: 'Доставка писем.', problem: '', solution: '', results: '' });
    const proposed = await buildPractice(handle.db, programmeId, { status: 'proposed', title: 'Снегоходы в школу', summary: '', problem: '', solution: '', results: '' });
    let counts = await expectCountsTrue();
    // «Снегоходы» and «снегоходов» share one lexeme, counted once per practice; the proposal not at all.
    expect(counts.get('снегоход')).toBe(2);

    await handle.db.update(practices).set({ title: 'Вездеходы для района', summary: 'Парк вездеходов.' }).where(eq(practices.id, a.id));
    counts = await expectCountsTrue();
    expect([counts.get('снегоход'), counts.get('вездеход')]).toEqual([1, 1]);

    await handle.db.update(practices).set({ status: 'approved' }).where(eq(practices.id, proposed.id));
    expect((await expectCountsTrue()).get('снегоход')).toBe(2);
    await handle.db.update(practices).set({ status: 'merged', mergedIntoId: a.id }).where(eq(practices.id, proposed.id));
    expect((await expectCountsTrue()).get('снегоход')).toBe(1);
    // An update that changes neither the text nor the status leaves the counts as they were.
    await handle.db.update(practices).set({ updatedAt: new Date() }).where(eq(practices.programmeId, programmeId));
    await expectCountsTrue();

    await handle.db.execute(sql`
      insert into practices (programme_id, status, title, summary, origin_region_code)
      select ${programmeId}, case when g % 3 = 0 then 'proposed' else 'approved' end, 'Вездеход номер ' || g, 'Доставка врачей.', 'RU-SA'
      from generate_series(1, 300) g`);
    expect((await expectCountsTrue()).get('вездеход')).toBe(1 + 200);

    await handle.db.delete(practices).where(inArray(practices.id, [a.id, proposed.id]));
    await handle.db.execute(sql`delete from practices where title like 'Вездеход номер 1%'`);
    counts = await expectCountsTrue();
    expect(counts.get('вездеход')).toBe((await handle.pool.query(`select count(*)::int as n from practices where status = 'approved' and search_vector @@ to_tsquery('russian', 'вездеход')`)).rows[0].n);
  });

  it('is unchanged when the statement that wrote the practices rolls back', async () => {
    const before = await expectCountsTrue();
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.insert(practices).values({ programmeId, status: 'approved', title: 'Катамараны для паводка', originRegionCode: 'RU-SA' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await expectCountsTrue()).toEqual(before);
  });
});
