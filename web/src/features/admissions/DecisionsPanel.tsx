import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { JobProgress } from '../imports/JobProgress.tsx';
import { enrolAdmitted, notifyDecisions } from './admissions.api.ts';

/** After the ranking: mail the decisions (a background job with a progress bar) and enrol the admitted. */
export function DecisionsPanel({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['admission-campaign', campaignId] });
    void queryClient.invalidateQueries({ queryKey: ['admission-applications', campaignId] });
  };
  const notify = useMutation({ mutationFn: () => notifyDecisions(campaignId) });
  const enrol = useMutation({ mutationFn: () => enrolAdmitted(campaignId), onSuccess: refresh });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t('admissions.decisions.title')}
        </Title>
        <Text size="sm">{t('admissions.decisions.hint')}</Text>
        <Group>
          <Button variant="light" onClick={() => notify.mutate()} loading={notify.isPending}>
            {t('admissions.decisions.notify')}
          </Button>
          <Button onClick={() => enrol.mutate()} loading={enrol.isPending}>
            {t('admissions.decisions.enrol')}
          </Button>
        </Group>
        {notify.data && <JobProgress jobId={notify.data.jobId} summaryKeys={[]} />}
        {enrol.data && (
          <Text size="sm" role="status">
            {t('admissions.decisions.enrolled', { count: enrol.data.enrolled })}
          </Text>
        )}
        <ProblemAlert error={notify.error ?? enrol.error} />
      </Stack>
    </Paper>
  );
}
