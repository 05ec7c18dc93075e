import { describe, expect, it } from 'vitest';
import { localToUtc, utcToLocal } from './local-time.ts';

describe('venue-local session times', () => {
  it('turns 10:00 in Irkutsk into 02:00 UTC', () => {
    expect(localToUtc('2025-01-21', '10:00', 'Asia/Irkutsk')).toBe('2025-01-21T02:00:00.000Z');
  });

  it('moves to the previous UTC day for an early morning far east', () => {
    expect(localToUtc('2025-03-11', '08:30', 'Asia/Yakutsk')).toBe('2025-03-10T23:30:00.000Z');
  });

  it('follows a summer-time change (Berlin in July is UTC+2)', () => {
    expect(localToUtc('2025-07-01', '12:00', 'Europe/Berlin')).toBe('2025-07-01T10:00:00.000Z');
    expect(localToUtc('2025-01-01', '12:00', 'Europe/Berlin')).toBe('2025-01-01T11:00:00.000Z');
  });

  it('answers null for an incomplete date or time', () => {
    expect(localToUtc('2025-01-21', '', 'Europe/Moscow')).toBeNull();
    expect(localToUtc('', '10:00', 'Europe/Moscow')).toBeNull();
  });

  it('shows a UTC instant as the venue-local date and time, and back', () => {
    expect(utcToLocal('2025-06-05T12:00:00Z', 'Europe/Moscow')).toEqual({ date: '2025-06-05', time: '15:00' });
    const local = utcToLocal('2025-01-28T05:30:00.000Z', 'Europe/Samara');
    expect(localToUtc(local.date, local.time, 'Europe/Samara')).toBe('2025-01-28T05:30:00.000Z');
  });
});
