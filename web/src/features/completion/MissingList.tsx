import { List } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import type { MissingItem } from './completion.api.ts';

/** What a participant still misses, one sentence per item. */
export function MissingList({ missing }: { missing: MissingItem[] }) {
  const { t } = useTranslation();
  const l = useLocalised();
  return (
    <List size="sm">
      {missing.map((m, i) => (
        <List.Item key={i}>{describeMissing(m, t, l.language, l.number)}</List.Item>
      ))}
    </List>
  );
}

/** One missing item as text (also used for the table cells). */
export function describeMissing(m: MissingItem, t: TFunction, language: string, number: (n: number) => string): string {
  if (m.kind === 'attendance') return t('completion.missing.attendance', { pct: number(m.pct), threshold: m.thresholdPct });
  if (m.kind === 'assignment') return t(`completion.missing.assignment_${m.status}`, { title: language === 'en' && m.titleEn ? m.titleEn : m.titleRu });
  return t(`completion.missing.project_${m.status}`, { title: m.title ?? '' });
}
