import { describe, expect, it } from 'vitest';
import { createBackgroundProgress } from './imports.progress.ts';

describe('createBackgroundProgress', () => {
  it('writes in order, skips counts that a newer one overtook while a write was busy, and flushes the last', async () => {
    const written: number[] = [];
    let release: () => void = () => undefined;
    const progress = createBackgroundProgress(async (done) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      written.push(done);
    });
    await progress.tick(0, 10);
    await progress.tick(3, 10);
    await progress.tick(6, 10);
    expect(written).toEqual([]);
    const flushed = progress.flush();
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await flushed;
    expect(written).toEqual([0, 6]);
  });

  it('ignores a failed write and goes on with the next count', async () => {
    const written: number[] = [];
    const progress = createBackgroundProgress(async (done) => {
      if (done === 1) throw new Error('connection lost');
      written.push(done);
    });
    await progress.tick(1, 2);
    await progress.flush();
    await progress.tick(2, 2);
    await progress.flush();
    expect(written).toEqual([2]);
  });
});
