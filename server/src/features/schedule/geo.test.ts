import { describe, expect, it } from 'vitest';
import { haversineKm, localDate, routeKm } from './geo.ts';

describe('great-circle distances', () => {
  it('measures Moscow to Irkutsk at about 4,200 km', () => {
    const km = haversineKm({ lat: 55.7558, lon: 37.6173 }, { lat: 52.2869, lon: 104.305 });
    expect(km).toBeGreaterThan(4150);
    expect(km).toBeLessThan(4250);
  });

  it('is zero for the same point and symmetric', () => {
    const a = { lat: 64.54, lon: 40.52 };
    const b = { lat: 43.32, lon: 45.7 };
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 9);
  });

  it('sums a route leg by leg, the first stop counting zero', () => {
    const { legs, total } = routeKm([{ lat: 0, lon: 0 }, { lat: 0, lon: 1 }, { lat: 0, lon: 2 }]);
    expect(legs[0]).toBe(0);
    expect(total).toBeCloseTo(legs[1]! + legs[2]!, 5);
    expect(legs[1]).toBeCloseTo(111.2, 1);
  });
});

describe('local dates', () => {
  it('gives the venue-local date of a UTC instant', () => {
    // 20:00 UTC is already the next day in Yakutsk (UTC+9) but not in Moscow (UTC+3).
    const instant = new Date('2025-03-10T20:00:00Z');
    expect(localDate(instant, 'Asia/Yakutsk')).toBe('2025-03-11');
    expect(localDate(instant, 'Europe/Moscow')).toBe('2025-03-10');
  });
});
