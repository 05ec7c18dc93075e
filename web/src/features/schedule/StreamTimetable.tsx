import { Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { Agenda } from './Agenda.tsx';
import { CalendarActions } from './CalendarActions.tsx';
import { streamIcsUrl, streamTimetableQuery } from './schedule.api.ts';

/** The stream page's «Расписание» tab; staff also get each session's QR screen and roll-call sheet. */
export function StreamTimetable({ streamId, canManage }: { streamId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const timetable = useQuery(streamTimetableQuery(streamId));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('schedule.timesHint')}
      </Text>
      <CalendarActions kind="stream" subjectId={streamId} icsUrl={streamIcsUrl(streamId, l.language)} />
      <QueryState query={timetable}>
        {(data) => (
          <Agenda
            sessions={data.items}
            sessionLinks={
              canManage
                ? (s) => (
                    <Group gap="md" mt={6}>
                      <AnchorLink to="/sessions/$sessionId/qr" params={{ sessionId: s.id }} size="sm">
                        {t('attendance.qrLink')}
                      </AnchorLink>
                      <AnchorLink to="/sessions/$sessionId/roll-call" params={{ sessionId: s.id }} size="sm">
                        {t('attendance.rollCallLink')}
                      </AnchorLink>
                    </Group>
                  )
                : undefined
            }
          />
        )}
      </QueryState>
    </Stack>
  );
}
