import { useState } from 'react';
import { Badge, Button, Group, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { fetchReview, submitReview, type BlindReview } from './experts.api.ts';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard.tsx';

const route = getRouteApi('/app/reviews/$reviewId');

/** One blind piece of work: the task, the essay, the facts the rubric needs, and the points per criterion. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { reviewId } = route.useParams();
  const query = useQuery({ queryKey: ['review', reviewId], queryFn: () => fetchReview(reviewId) });
  return (
    <Stack maw={720}>
      <AnchorLink to="/reviews" size="sm">
        ← {t('admissions.review.back')}
      </AnchorLink>
      <PageTitle>{t('admissions.review.one')}</PageTitle>
      <QueryState query={query}>{(review) => <ReviewForm review={review} />}</QueryState>
    </Stack>
  );
}

function ReviewForm({ review }: { review: BlindReview }) {
  const { t } = useTranslation();
  const { name } = useLocalised();
  const queryClient = useQueryClient();
  const [points, setPoints] = useState<Record<string, number | ''>>(Object.fromEntries(review.rubric.map((c) => [c.key, review.points?.[c.key] ?? ''])));
  const [comment, setComment] = useState(review.comment ?? '');
  const isDone = review.submittedAt !== null;
  const save = useMutation({
    mutationFn: () => submitReview(review.id, { points: Object.fromEntries(Object.entries(points).filter(([, v]) => v !== '')) as Record<string, number>, ...(comment.trim() ? { comment } : {}) }),
    onSuccess: (next) => {
      queryClient.setQueryData(['review', review.id], next);
      void queryClient.invalidateQueries({ queryKey: ['review-queue'] });
    },
  });
  // Unsent scores or comment: leaving asks first (the saved review is what the server last returned).
  const isDirty =
    !isDone &&
    (review.rubric.some((c) => points[c.key] !== (review.points?.[c.key] ?? '')) || comment.trim() !== (review.comment ?? '').trim());
  const facts = [
    review.education ? t(`admissions.education.${review.education}`) : null,
    review.managementYears !== null ? `${t('admissions.field.managementYears')}: ${review.managementYears}` : null,
    review.serviceYears !== null ? `${t('admissions.field.service')}: ${review.serviceYears}` : null,
  ].filter(Boolean);
  return (
    <Stack>
      <UnsavedChangesGuard isDirty={isDirty} />
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group gap="xs">
            <Badge variant="light">{t(review.kind === 'case' ? 'admissions.experts.kindCase' : 'admissions.experts.kindEssay')}</Badge>
            {review.round === 3 && <Badge variant="light" color="grape">{t('admissions.review.third')}</Badge>}
          </Group>
          <Text size="xs" c="dimmed">
            {name({ nameRu: review.campaignTitleRu, nameEn: review.campaignTitleEn })}
          </Text>
          <Text size="sm" fw={600}>
            {name({ nameRu: review.taskRu, nameEn: review.taskEn })}
          </Text>
          {facts.length > 0 && <Text size="sm">{facts.join(' · ')}</Text>}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {review.essay ?? '—'}
          </Text>
        </Stack>
      </Paper>
      <Paper withBorder p="sm">
        <Stack gap="sm">
          <Title order={4}>{t('admissions.review.rubric')}</Title>
          {review.rubric.map((c) => (
            <NumberInput
              key={c.key}
              label={name({ nameRu: c.titleRu, nameEn: c.titleEn })}
              description={t('admissions.review.criterionHint', { max: c.maxPoints, weight: c.weight })}
              value={points[c.key]}
              onChange={(v) => setPoints({ ...points, [c.key]: v === '' ? '' : Number(v) })}
              min={0}
              max={c.maxPoints}
              allowDecimal={false}
              disabled={isDone}
              inputMode="numeric"
            />
          ))}
          <Textarea label={t('admissions.review.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} disabled={isDone} />
          <ProblemAlert error={save.error} />
          {isDone ? (
            <Text fw={600} role="status">
              {t('admissions.review.submitted', { total: review.total })}
            </Text>
          ) : (
            <Button onClick={() => save.mutate()} loading={save.isPending} fullWidth>
              {t('admissions.review.submit')}
            </Button>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
