import { describe, expect, it } from 'vitest';
import { interviewTimeText } from './interview-time.ts';

const slot = ['2031-03-01T07:00:00.000Z', '2031-03-01T07:45:00.000Z'] as const;

describe('interviewTimeText', () => {
  it('shows a Moscow reader the Moscow hours only', () => {
    expect(interviewTimeText(...slot, { language: 'ru', programmeZone: 'Europe/Moscow', userZone: 'Europe/Moscow' })).toEqual({
      day: 'суббота, 1 марта 2031 г.',
      hours: '10:00–10:45',
      zoneName: 'Москва, стандартное время',
      programmeHours: null,
    });
  });

  it('shows a Vladivostok reader their own clock and the programme’s beside it', () => {
    expect(interviewTimeText(...slot, { language: 'en', programmeZone: 'Europe/Moscow', userZone: 'Asia/Vladivostok' })).toEqual({
      day: 'Saturday, 1 March 2031',
      hours: '17:00–17:45',
      zoneName: 'Vladivostok Standard Time',
      programmeHours: '10:00–10:45',
    });
  });
});
