import { describe, expect, it } from 'vitest';
import { copyField } from './imports.copy.ts';

describe('COPY text fields', () => {
  it('writes NULL as \\N and escapes what would split a row or a field', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('Орлова')).toBe('Орлова');
    expect(copyField(81.5)).toBe('81.5');
    expect(copyField(true)).toBe('true');
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    // A literal "\N" typed in a cell stays text, not NULL.
    expect(copyField('\\N')).toBe('\\\\N');
  });
});
