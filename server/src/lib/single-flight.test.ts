import { describe, expect, it } from 'vitest';
import { createSingleFlight } from './single-flight.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('single flight', () => {
  it('runs the work once for callers that arrive while it is running, and again after it settled', async () => {
    const flight = createSingleFlight<number>();
    const gate = deferred<number>();
    let calls = 0;
    const work = () => ((calls += 1), gate.promise);
    const first = flight.run('a', work);
    const second = flight.run('a', work);
    expect(flight.size).toBe(1);
    gate.resolve(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(calls).toBe(1);
    expect(flight.size).toBe(0);
    expect(await flight.run('a', async () => ((calls += 1), 8))).toBe(8);
    expect(calls).toBe(2);
  });

  it('keeps different keys apart', async () => {
    const flight = createSingleFlight<string>();
    expect(await Promise.all([flight.run('a', async () => 'A'), flight.run('b', async () => 'B')])).toEqual(['A', 'B']);
  });

  it('hands a failure to every waiting caller and lets the next call retry', async () => {
    const flight = createSingleFlight<number>();
    const gate = deferred<number>();
    const first = flight.run('a', () => gate.promise);
    const second = flight.run('a', () => gate.promise);
    gate.reject(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await expect(second).rejects.toThrow('connection lost');
    expect(await flight.run('a', async () => 1)).toBe(1);
  });
});
