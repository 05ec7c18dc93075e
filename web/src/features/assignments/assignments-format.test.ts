import { describe, expect, it } from 'vitest';
import { previewScore } from './assignments.api.ts';
import { formatDue, formatSize } from './assignments-format.ts';

describe('assignment formatting', () => {
  it('shows the due time in the assignment’s zone, not the browser’s', () => {
    expect(formatDue('2025-03-01T15:00:00.000Z', 'Europe/Moscow', 'en')).toBe('01/03/2025, 18:00 (Europe/Moscow)');
    expect(formatDue('2025-03-01T15:00:00.000Z', 'Asia/Irkutsk', 'ru')).toBe('01.03.2025, 23:00 (Asia/Irkutsk)');
  });

  it('sizes files in KB and MB', () => {
    expect(formatSize(300, 'en')).toBe('1 KB');
    expect(formatSize(5 * 1024 * 1024, 'en')).toBe('5 MB');
  });

  it('previews the rubric score once every criterion has a level', () => {
    const levels = [0, 1, 2].map((points) => ({ titleRu: '', titleEn: '', points }));
    const rubric = [{ key: 'a', titleRu: '', titleEn: '', weight: 60, levels }, { key: 'b', titleRu: '', titleEn: '', weight: 40, levels }];
    expect(previewScore(rubric, { a: 2 })).toBeNull();
    expect(previewScore(rubric, { a: 2, b: 1 })).toBe(80);
  });
});
