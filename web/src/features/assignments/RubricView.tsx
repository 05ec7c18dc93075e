import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { titleOf, type RubricCriterion } from './assignments.api.ts';

/** The rubric as a list: each criterion with its weight and levels; the chosen level marked when graded. */
export function RubricView({ rubric, chosen }: { rubric: RubricCriterion[]; chosen?: Record<string, number> }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const totalWeight = rubric.reduce((sum, c) => sum + c.weight, 0);
  return (
    <Stack gap="xs">
      {rubric.map((c) => (
        <div key={c.key}>
          <Text fw={600} size="sm">
            {titleOf(c, l.language)} · {t('assignments.weightShare', { pct: Math.round((c.weight / totalWeight) * 100) })}
          </Text>
          <List size="sm">
            {c.levels.map((level, i) => (
              <List.Item key={i} fw={chosen?.[c.key] === i ? 700 : undefined}>
                {titleOf(level, l.language)} ({t('assignments.points', { count: level.points })}){chosen?.[c.key] === i ? ` — ${t('assignments.chosen')}` : ''}
              </List.Item>
            ))}
          </List>
        </div>
      ))}
    </Stack>
  );
}
