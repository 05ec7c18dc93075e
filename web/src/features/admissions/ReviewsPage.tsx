import { useState } from 'react';
import { Badge, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ButtonLink } from '../../components/RouterLinks.tsx';
import { fetchReviewQueue } from './experts.api.ts';

/** The expert's scoring queue (phone-friendly cards): blind work, open first, by due date. */
export function ReviewsPage() {
  const { t, i18n } = useTranslation();
  const { name } = useLocalised();
  const queue = useQuery({ queryKey: ['review-queue'], queryFn: fetchReviewQueue });
  // Open work first: on a phone a long list of finished scorings would bury it.
  const [chosen, setShow] = useState<'open' | 'done' | null>(null);
  return (
    <Stack maw={720}>
      <PageTitle>{t('admissions.review.title')}</PageTitle>
      <QueryState query={queue}>
        {({ items }) => {
          const show = chosen ?? (items.some((i) => !i.submittedAt) ? 'open' : 'done');
          return items.length === 0 ? (
            <Text c="dimmed">{t('admissions.review.none')}</Text>
          ) : (
            <Stack gap="sm">
              <Text size="sm">{t('admissions.review.progress', { done: items.filter((i) => i.submittedAt).length, total: items.length })}</Text>
              <SegmentedControl
                fullWidth
                value={show}
                onChange={(v) => setShow(v === 'done' ? 'done' : 'open')}
                data={[
                  { value: 'open', label: t('admissions.review.open', { count: items.filter((i) => !i.submittedAt).length }) },
                  { value: 'done', label: t('admissions.review.doneTab', { count: items.filter((i) => i.submittedAt).length }) },
                ]}
              />
              {items.map((r, index) => ({ r, index })).filter(({ r }) => (show === 'done') === (r.submittedAt !== null)).map(({ r, index }) => (
                <Paper key={r.id} withBorder p="sm">
                  <Stack gap={6}>
                    <Group justify="space-between" gap="xs">
                      <Text fw={600}>{t('admissions.review.work', { number: index + 1 })}</Text>
                      <Group gap={4}>
                        {r.round === 3 && <Badge variant="light" color="grape">{t('admissions.review.third')}</Badge>}
                        {r.submittedAt ? (
                          <Badge variant="light" color="green">{r.total}</Badge>
                        ) : (
                          <Badge variant="light" color={r.isOverdue ? "red" : "blue"}>{t(r.isOverdue ? 'admissions.review.overdue' : 'admissions.review.due', { date: new Date(r.dueAt).toLocaleDateString(i18n.language) })}</Badge>
                        )}
                      </Group>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {name({ nameRu: r.campaignTitleRu, nameEn: r.campaignTitleEn })}
                    </Text>
                    <Text size="sm" lineClamp={3}>
                      {r.essay ?? '—'}
                    </Text>
                    <ButtonLink to="/reviews/$reviewId" params={{ reviewId: r.id }} variant={r.submittedAt ? 'subtle' : 'filled'} fullWidth>
                      {t(r.submittedAt ? 'admissions.review.view' : 'admissions.review.score')}
                    </ButtonLink>
                  </Stack>
                </Paper>
              ))}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
