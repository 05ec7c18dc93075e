import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupParallel, splitAmongVisits } from './site-visit-split.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);

describe('splitting a stream among parallel visits', () => {
  it('shares people in proportion to capacity and deals neighbours into different groups', () => {
    const { assigned, unplaced } = splitAmongVisits(ids(30), [
      { id: 'factory', capacity: 10 },
      { id: 'school', capacity: 20 },
    ]);
    expect(assigned.get('factory')).toHaveLength(10);
    expect(assigned.get('school')).toHaveLength(20);
    expect(unplaced).toEqual([]);
    expect(assigned.get('factory')).not.toContain('p1');
    expect(assigned.get('factory')).toContain('p0');
  });

  it('leaves out who does not fit when the capacities are too small', () => {
    const { assigned, unplaced } = splitAmongVisits(ids(12), [
      { id: 'a', capacity: 4 },
      { id: 'b', capacity: 5 },
    ]);
    expect(assigned.get('a')!.length + assigned.get('b')!.length).toBe(9);
    expect(unplaced).toHaveLength(3);
  });

  it('places everyone exactly once, within capacity, whenever they fit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.array(fc.option(fc.integer({ min: 1, max: 80 }), { nil: null }), { minLength: 1, maxLength: 6 }), (count, capacities) => {
        const visits = capacities.map((capacity, i) => ({ id: `v${i}`, capacity }));
        const { assigned, unplaced } = splitAmongVisits(ids(count), visits);
        const placed = [...assigned.values()].flat();
        expect(new Set([...placed, ...unplaced]).size).toBe(count);
        expect(placed.length + unplaced.length).toBe(count);
        for (const v of visits) if (v.capacity !== null) expect(assigned.get(v.id)!.length).toBeLessThanOrEqual(v.capacity);
        const room = capacities.some((c) => c === null) ? Infinity : capacities.reduce<number>((sum, c) => sum + c!, 0);
        expect(unplaced.length).toBe(Math.max(0, count - room));
      }),
    );
  });

  it('groups visits that overlap in time, and keeps later ones apart', () => {
    const at = (h: number) => new Date(Date.UTC(2025, 1, 10, h));
    const groups = groupParallel([
      { id: 'a', startsAt: at(6), endsAt: at(9) },
      { id: 'b', startsAt: at(7), endsAt: at(10) },
      { id: 'c', startsAt: at(11), endsAt: at(13) },
    ]);
    expect(groups.map((g) => g.map((v) => v.id))).toEqual([['a', 'b'], ['c']]);
  });
});
