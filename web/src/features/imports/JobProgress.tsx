import { useEffect } from 'react';
import { Alert, List, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { jobQuery, type ImportSummary } from './imports.api.ts';

const SUMMARY_KEYS = ['created', 'updated', 'enrolled', 'skipped', 'usersCreated', 'invited'] as const;

/** The import running in the background: a progress bar while it runs, then what it did. */
export function JobProgress({
  jobId,
  onFinished,
  summaryKeys = SUMMARY_KEYS,
  summaryTexts = 'summary',
}: {
  jobId: string;
  onFinished?: () => void;
  summaryKeys?: readonly (typeof SUMMARY_KEYS)[number][];
  /** Which texts describe the counts: people (`summary`) or applications (`applicationsSummary`). */
  summaryTexts?: 'summary' | 'applicationsSummary';
}) {
  const { t } = useTranslation();
  const job = useQuery(jobQuery(jobId));
  const status = job.data?.status;
  useEffect(() => {
    // Once per finished job (hence only `status` as dependency), not on every render of the parent.
    if (status === 'succeeded' || status === 'failed') onFinished?.();
  }, [status]);
  if (job.isError) return <ProblemAlert error={job.error} />;
  const run = job.data;
  const percent = run && run.total > 0 ? Math.round((run.done / run.total) * 100) : run?.status === 'succeeded' ? 100 : 0;

  if (run?.status === 'failed') {
    return (
      <Alert color="red" variant="light" title={t('imports.failed')} role="alert">
        {run.error}
      </Alert>
    );
  }
  if (run?.status === 'succeeded') {
    const summary = (run.result ?? {}) as Partial<ImportSummary>;
    return (
      <Alert color="green" variant="light" title={t('imports.done')} role="status">
        <List size="sm">
          {summaryKeys.map((key) => (
            <List.Item key={key}>{t(`imports.${summaryTexts}.${key}` as 'imports.summary.created', { count: summary[key] ?? 0 })}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  return (
    <Stack gap="xs" maw={520}>
      <Text size="sm">
        {run?.status === 'running' ? t('imports.running', { done: run.done, total: run.total }) : t('imports.queued')}
      </Text>
      <Progress value={percent} size="lg" animated aria-label={t('imports.progress')} />
    </Stack>
  );
}
