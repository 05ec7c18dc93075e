import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { readAll } from './db-reads.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

const backendPid = async (db: TestApp['db'], order: string[], name: string) => {
  order.push(`start ${name}`);
  const { rows } = await db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid, pg_sleep(0.05)`);
  order.push(`end ${name}`);
  return rows[0]!.pid;
};

describe('readAll', () => {
  it('runs reads at once on the pool, each on a connection of its own', async () => {
    const order: string[] = [];
    const [a, b] = await readAll<[number, number]>(t.db, [() => backendPid(t.db, order, 'a'), () => backendPid(t.db, order, 'b')]);
    expect(order.slice(0, 2)).toEqual(['start a', 'start b']);
    expect(a).not.toBe(b);
  });

  it('runs them one after another inside a transaction, on its one connection, and returns them in order', async () => {
    const order: string[] = [];
    const pids = await t.db.transaction((tx) =>
      readAll<[number, number]>(tx, [() => backendPid(tx as unknown as TestApp['db'], order, 'a'), () => backendPid(tx as unknown as TestApp['db'], order, 'b')]),
    );
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(pids[0]).toBe(pids[1]);
  });
});
