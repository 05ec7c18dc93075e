import { describe, expect, it } from 'vitest';
import { bucketsFor, colourFor, contrastRatio, ZERO_FILL } from './scale.ts';

describe('bucketsFor', () => {
  it('gives no buckets when nobody is counted', () => {
    expect(bucketsFor(0)).toEqual([]);
  });

  it('gives one bucket per value for small counts', () => {
    expect(bucketsFor(3).map((b) => [b.min, b.max])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('covers 1..max without gaps or overlaps in at most five buckets', () => {
    for (let max = 1; max <= 200; max++) {
      const buckets = bucketsFor(max);
      expect(buckets.length).toBeLessThanOrEqual(5);
      expect(buckets[0]!.min).toBe(1);
      expect(buckets.at(-1)!.max).toBe(max);
      for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.min).toBe(buckets[i - 1]!.max + 1);
    }
  });

  it('keeps every tile label readable (WCAG AA 4.5:1)', () => {
    for (const bucket of bucketsFor(100)) expect(contrastRatio(bucket.fill, bucket.text)).toBeGreaterThanOrEqual(4.5);
    const zero = colourFor(0, bucketsFor(10));
    expect(zero.fill).toBe(ZERO_FILL);
    expect(contrastRatio(zero.fill, zero.text)).toBeGreaterThanOrEqual(4.5);
  });

  it('paints the largest count in the darkest colour', () => {
    const buckets = bucketsFor(12);
    expect(colourFor(12, buckets).fill).toBe(buckets.at(-1)!.fill);
    expect(colourFor(1, buckets).fill).toBe(buckets[0]!.fill);
  });
});
