import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { cancelScheduledIssue, scheduleIssue, type StreamDiplomas } from './diplomas.api.ts';

/**
 * Staff: issue the stream's diplomas when the final module's ceremony starts (a background run that
 * waits for that moment), see that it is scheduled, and cancel it. Nothing to offer once the ceremony began.
 */
export function CeremonySchedule({ streamId, data, onChange, now = new Date() }: { streamId: string; data: StreamDiplomas; onChange: () => void; now?: Date }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const schedule = useMutation({ mutationFn: () => scheduleIssue(streamId), onSuccess: onChange });
  const cancel = useMutation({ mutationFn: () => cancelScheduledIssue(streamId), onSuccess: onChange });
  if (data.scheduledIssue) {
    return (
      <Alert color="blue" role="status" title={t('diplomas.scheduledTitle')}>
        <Group justify="space-between" gap="sm">
          <Text size="sm">{t('diplomas.scheduledFor', { date: l.dateTime(data.scheduledIssue.startAfter) })}</Text>
          <Button size="xs" variant="default" onClick={() => cancel.mutate()} loading={cancel.isPending}>
            {t('diplomas.cancelSchedule')}
          </Button>
        </Group>
        <ProblemAlert error={cancel.error} />
      </Alert>
    );
  }
  if (!data.ceremonyAt || new Date(data.ceremonyAt).getTime() <= now.getTime()) return null;
  return (
    <>
      <Button variant="light" onClick={() => schedule.mutate()} loading={schedule.isPending} w="fit-content">
        {t('diplomas.scheduleForCeremony', { date: l.dateTime(data.ceremonyAt) })}
      </Button>
      <ProblemAlert error={schedule.error} />
    </>
  );
}
