import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './admissions-text.ts';

describe('Moscow wall time', () => {
  it('round-trips through the datetime-local value', () => {
    expect(toLocalInput('2026-01-10T06:00:00.000Z')).toBe('2026-01-10T09:00');
    expect(fromLocalInput('2026-01-10T09:00')).toBe('2026-01-10T06:00:00.000Z');
  });
});
