import { describe, expect, it, vi } from 'vitest';
import { createWriteBatcher } from './write-batcher.ts';

/** A promise settled from outside, standing in for a database write in flight. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('write batcher', () => {
  it('writes concurrent items as one batch and gives each caller its own result', async () => {
    const batches: number[][] = [];
    const batcher = createWriteBatcher<number, string>({
      writeMany: async (items) => {
        batches.push(items);
        return items.map((n) => `saved ${n}`);
      },
      writeOne: async () => {
        throw new Error('not expected');
      },
    });
    const results = await Promise.all([1, 2, 3].map((n) => batcher.write(n)));
    expect(results).toEqual(['saved 1', 'saved 2', 'saved 3']);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('settles a caller only after the batch holding its item has been written', async () => {
    const commit = deferred<string[]>();
    const batcher = createWriteBatcher<string, string>({ writeMany: () => commit.promise, writeOne: async (item) => item });
    let isSettled = false;
    const pending = batcher.write('a').then((result) => {
      isSettled = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(isSettled).toBe(false);
    commit.resolve(['committed']);
    expect(await pending).toBe('committed');
  });

  it('queues items arriving while batches are in flight and writes them together next', async () => {
    const commits: Array<ReturnType<typeof deferred<number[]>>> = [];
    const batches: number[][] = [];
    const batcher = createWriteBatcher<number, number>({
      writeMany: (items) => {
        batches.push(items);
        const commit = deferred<number[]>();
        commits.push(commit);
        return commit.promise;
      },
      writeOne: async (n) => n,
      maxInFlight: 1,
    });
    const first = batcher.write(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map((n) => batcher.write(n));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    commits[0]!.resolve([1]);
    await first;
    await vi.waitFor(() => expect(batches).toEqual([[1], [2, 3, 4]]));
    commits[1]!.resolve([2, 3, 4]);
    expect(await Promise.all(later)).toEqual([2, 3, 4]);
  });

  it('never puts more than maxBatch items in one batch', async () => {
    const sizes: number[] = [];
    const batcher = createWriteBatcher<number, number>({
      writeMany: async (items) => {
        sizes.push(items.length);
        return items;
      },
      writeOne: async (n) => n,
      maxBatch: 4,
    });
    await Promise.all(Array.from({ length: 10 }, (_, n) => batcher.write(n)));
    expect(sizes.every((size) => size <= 4)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('falls back to one write per item when the batch fails, so only the bad item fails', async () => {
    const batcher = createWriteBatcher<number, number>({
      writeMany: async () => {
        throw new Error('constraint violated by one row');
      },
      writeOne: async (n) => {
        if (n === 2) throw new Error('bad row');
        return n * 10;
      },
    });
    const results = await Promise.allSettled([1, 2, 3].map((n) => batcher.write(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toMatchObject({ value: 10 });
    expect(results[1]).toMatchObject({ reason: new Error('bad row') });
  });

  it('settles every caller even when the one-item write throws before returning a promise', async () => {
    const batcher = createWriteBatcher<number, number>({
      writeMany: () => {
        throw new Error('synchronous');
      },
      writeOne: (n) => {
        if (n === 1) throw new Error('synchronous too');
        return Promise.resolve(n);
      },
    });
    const results = await Promise.allSettled([1, 2].map((n) => batcher.write(n)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
  });

  it('treats a wrong number of results as a failed batch', async () => {
    const batcher = createWriteBatcher<number, string>({ writeMany: async () => ['only one'], writeOne: async (n) => `alone ${n}` });
    expect(await Promise.all([1, 2].map((n) => batcher.write(n)))).toEqual(['alone 1', 'alone 2']);
  });

  it('drains: resolves once everything queued has been written', async () => {
    const written: number[] = [];
    const batcher = createWriteBatcher<number, void>({
      writeMany: async (items) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        written.push(...items);
        return items.map(() => undefined);
      },
      writeOne: async () => undefined,
    });
    await batcher.drain();
    for (let n = 0; n < 5; n += 1) void batcher.write(n);
    await batcher.drain();
    expect(written.sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
