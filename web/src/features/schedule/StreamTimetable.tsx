import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { localName, useLocalised } from '../../api/names.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { streamQuery } from '../programmes/programmes.api.ts';
import { Agenda } from './Agenda.tsx';
import { CalendarActions } from './CalendarActions.tsx';
import { modulesQuery, streamIcsUrl, streamTimetableQuery } from './schedule.api.ts';
import { ScheduleDialog, type ScheduleEditing } from './ScheduleDialog.tsx';

/** The stream page's «Расписание» tab; staff also add and change modules and sessions, and open each session's QR screen and roll-call sheet. */
export function StreamTimetable({ streamId, canManage }: { streamId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const timetable = useQuery(streamTimetableQuery(streamId));
  const stream = useQuery(streamQuery(streamId));
  const modules = useQuery({ ...modulesQuery(streamId), enabled: canManage });
  const [editing, setEditing] = useState<ScheduleEditing | null>(null);
  const programmeId = stream.data?.programmeId;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('schedule.timesHint')}
      </Text>
      <CalendarActions kind="stream" subjectId={streamId} icsUrl={streamIcsUrl(streamId, l.language)} />
      {programmeId && (
        <Group gap="sm" wrap="wrap">
          {canManage && (
            <>
              <Button onClick={() => setEditing({ kind: 'session', streamId, programmeId })}>{t('scheduleForm.newSession')}</Button>
              <Button variant="light" onClick={() => setEditing({ kind: 'module', streamId, programmeId, nextNumber: Math.max(0, ...(modules.data ?? []).map((m) => m.number)) + 1 })}>
                {t('scheduleForm.newModule')}
              </Button>
            </>
          )}
          <AnchorLink to="/programmes/$programmeId/speakers" params={{ programmeId }} search={{}} size="sm">
            {t('speakers.title')}
          </AnchorLink>
        </Group>
      )}
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
                      {programmeId && (
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          aria-label={t('manage.editNamed', { name: localName({ nameRu: s.titleRu, nameEn: s.titleEn }, l.language) })}
                          onClick={() => setEditing({ kind: 'session', streamId, programmeId, session: s })}
                        >
                          {t('manage.edit')}
                        </Button>
                      )}
                    </Group>
                  )
                : undefined
            }
          />
        )}
      </QueryState>
      <ScheduleDialog editing={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
