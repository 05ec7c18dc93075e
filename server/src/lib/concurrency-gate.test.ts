import { describe, expect, it } from 'vitest';
import { createConcurrencyGate } from './concurrency-gate.ts';

/** A promise with its resolve and reject exposed, to finish work at a chosen moment. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('concurrency gate', () => {
  it('runs at most the limit at once and starts the waiting ones in arrival order', async () => {
    const gate = createConcurrencyGate(2);
    const started: number[] = [];
    const finish = [deferred(), deferred(), deferred(), deferred()];
    const calls = finish.map((d, i) => gate.run(async () => { started.push(i); await d.promise; return i * 10; }));
    await tick();
    expect(started).toEqual([0, 1]);
    expect(gate.load).toEqual({ running: 2, waiting: 2 });

    finish[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    // A newcomer arriving now queues behind call 3 instead of taking the slot.
    const late = gate.run(async () => { started.push(9); return 90; });
    finish[0]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    finish[2]!.resolve();
    finish[3]!.resolve();
    expect(await Promise.all([...calls, late])).toEqual([0, 10, 20, 30, 90]);
    expect(started).toEqual([0, 1, 2, 3, 9]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when the work fails, and passes the error to the caller', async () => {
    const gate = createConcurrencyGate(1);
    const failing = deferred();
    const first = gate.run(() => failing.promise);
    const second = gate.run(async () => 'ran');
    failing.reject(new Error('statement timeout'));
    await expect(first).rejects.toThrow('statement timeout');
    expect(await second).toBe('ran');
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => createConcurrencyGate(0)).toThrow(/positive integer/);
    expect(() => createConcurrencyGate(1.5)).toThrow(/positive integer/);
  });
});
