import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, utcToZonedLocal, zonedLocalToUtc } from './local-time.ts';

describe('due times in a time zone', () => {
  it('reads a wall-clock time in Moscow, Irkutsk and Berlin (summer and winter) as the right UTC instant', () => {
    expect(zonedLocalToUtc('2025-03-01T18:00', 'Europe/Moscow').toISOString()).toBe('2025-03-01T15:00:00.000Z');
    expect(zonedLocalToUtc('2025-03-01T18:00', 'Asia/Irkutsk').toISOString()).toBe('2025-03-01T10:00:00.000Z');
    expect(zonedLocalToUtc('2025-07-01T12:00', 'Europe/Berlin').toISOString()).toBe('2025-07-01T10:00:00.000Z');
    expect(zonedLocalToUtc('2025-01-01T12:00', 'Europe/Berlin').toISOString()).toBe('2025-01-01T11:00:00.000Z');
  });

  it('shows an instant back as the same wall-clock time', () => {
    expect(utcToZonedLocal(new Date('2025-03-01T15:00:00Z'), 'Europe/Moscow')).toBe('2025-03-01T18:00');
    expect(utcToZonedLocal(new Date('2025-03-01T20:59:00Z'), 'Europe/Moscow')).toBe('2025-03-01T23:59');
  });

  it('tells known zones from made-up ones', () => {
    expect(isKnownTimeZone('Europe/Samara')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
