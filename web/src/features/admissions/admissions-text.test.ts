import { describe, expect, it } from 'vitest';
import { formatPairs, fromLocalInput, parsePairs, toLocalInput } from './admissions-text.ts';

describe('region pairs', () => {
  it('reads and writes CODE=number lists', () => {
    expect(parsePairs('ru-mow=10, RU-SAM = 5')).toEqual({ 'RU-MOW': 10, 'RU-SAM': 5 });
    expect(parsePairs('')).toEqual({});
    expect(formatPairs({ 'RU-MOW': 10, 'RU-SAM': 5 })).toBe('RU-MOW=10, RU-SAM=5');
  });

  it('refuses malformed text', () => {
    expect(parsePairs('Moscow=10')).toBeNull();
    expect(parsePairs('RU-MOW=-1')).toBeNull();
  });
});

describe('Moscow wall time', () => {
  it('round-trips through the datetime-local value', () => {
    expect(toLocalInput('2026-01-10T06:00:00.000Z')).toBe('2026-01-10T09:00');
    expect(fromLocalInput('2026-01-10T09:00')).toBe('2026-01-10T06:00:00.000Z');
  });
});
