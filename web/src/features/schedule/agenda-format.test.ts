import { describe, expect, it } from 'vitest';
import type { Session } from '@ms/contracts/schedule';
import { formatDay, formatTimeRange, groupAgenda } from './agenda-format.ts';

function session(overrides: Partial<Session>): Session {
  return {
    id: 's',
    moduleId: 'm1',
    streamId: 'st',
    moduleNumber: 1,
    kind: 'lecture',
    titleRu: 'Лекция',
    titleEn: 'Lecture',
    startsAt: '2025-06-02T07:00:00.000Z',
    endsAt: '2025-06-02T08:30:00.000Z',
    timeZone: 'Europe/Moscow',
    localDate: '2025-06-02',
    venueNameRu: 'Сенеж',
    venueNameEn: 'Senezh',
    place: '',
    capacity: null,
    topics: [],
    speakers: [],
    ...overrides,
  };
}

describe('groupAgenda', () => {
  it('groups by module, then by local day, each in time order', () => {
    const agenda = groupAgenda([
      session({ id: 'c', moduleId: 'm6', moduleNumber: 6, startsAt: '2025-06-03T07:00:00.000Z', localDate: '2025-06-03' }),
      session({ id: 'b', moduleId: 'm6', moduleNumber: 6, startsAt: '2025-06-02T10:00:00.000Z' }),
      session({ id: 'a', moduleId: 'm6', moduleNumber: 6, startsAt: '2025-06-02T07:00:00.000Z' }),
      session({ id: 'z', moduleId: 'm1', moduleNumber: 1, startsAt: '2024-10-08T07:00:00.000Z', localDate: '2024-10-08' }),
    ]);
    expect(agenda.map((m) => m.moduleNumber)).toEqual([1, 6]);
    expect(agenda[1]!.days.map((d) => [d.date, d.sessions.map((s) => s.id)])).toEqual([
      ['2025-06-02', ['a', 'b']],
      ['2025-06-03', ['c']],
    ]);
  });
});

describe('formatTimeRange', () => {
  it("shows times in the venue's zone, not the reader's", () => {
    expect(formatTimeRange('2025-06-02T07:00:00.000Z', '2025-06-02T08:30:00.000Z', 'Europe/Moscow', 'ru')).toBe('10:00–11:30');
    expect(formatTimeRange('2025-06-02T07:00:00.000Z', '2025-06-02T08:30:00.000Z', 'Asia/Irkutsk', 'en')).toBe('15:00–16:30');
  });
});

describe('formatDay', () => {
  it('names the local date without shifting it', () => {
    expect(formatDay('2025-06-02', 'ru')).toMatch(/^Понедельник, 2 июня 2025/);
    expect(formatDay('2025-06-02', 'en')).toContain('2 June 2025');
  });
});
