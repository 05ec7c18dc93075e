import { useState } from 'react';
import { Alert, Badge, Box, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus } from '@ms/contracts/schedule-attendance';
import { localName, useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { formatTimeRange } from '../schedule/agenda-format.ts';
import { sessionQuery } from '../schedule/schedule.api.ts';
import { rollCallQuery } from './attendance.api.ts';
import { pendingStatuses } from './mark-queue.ts';
import { useMarkQueue } from './useMarkQueue.ts';

const route = getRouteApi('/app/sessions/$sessionId/roll-call');
const STATUSES: AttendanceStatus[] = ['present', 'late', 'excused', 'absent'];

/**
 * The roll-call sheet for a phone: one row per participant of the stream with four marks. Marks queue on
 * the device and sync when there is a connection, so a site visit without signal loses nothing.
 */
export function RollCallPage() {
  const { t } = useTranslation();
  const l = useLocalised();
  const { sessionId } = route.useParams();
  const session = useQuery(sessionQuery(sessionId));
  const sheet = useQuery(rollCallQuery(sessionId));
  const { queue, mark, sync, isOnline, isSyncing, rejected, hasFailed } = useMarkQueue(sessionId);
  const [filter, setFilter] = useState('');
  const pending = pendingStatuses(queue);
  const title = session.data ? localName({ nameRu: session.data.titleRu, nameEn: session.data.titleEn }, l.language) : '';

  return (
    <Stack maw={720}>
      {session.data && (
        <AnchorLink to="/streams/$streamId" params={{ streamId: session.data.streamId }} search={{ view: 'timetable' }} size="sm" w="fit-content">
          {t('attendance.backToStream')}
        </AnchorLink>
      )}
      <PageTitle>{t('attendance.rollCallTitle')}</PageTitle>
      {session.data && (
        <Text>
          <Text span fw={600}>
            {title}
          </Text>
          <br />
          {l.date(session.data.localDate)}, {formatTimeRange(session.data.startsAt, session.data.endsAt, session.data.timeZone, l.language)}
        </Text>
      )}
      <Paper withBorder p="sm" role="status" aria-live="polite">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Badge color={isOnline ? '#2b6a30' : '#343a40'} variant="filled" tt="none">
              {t(isOnline ? 'attendance.online' : 'attendance.offline')}
            </Badge>
            <Text size="sm" data-testid="pending-count">
              {queue.length > 0 ? t('attendance.pending', { count: queue.length }) : t('attendance.allSynced')}
            </Text>
          </Group>
          {queue.length > 0 && (
            <Button size="compact-sm" variant="light" onClick={() => void sync()} loading={isSyncing} disabled={!isOnline}>
              {t('attendance.syncNow')}
            </Button>
          )}
        </Group>
        {hasFailed && queue.length > 0 && (
          <Text size="sm" c="#c92a2a" mt={4}>
            {t('attendance.syncFailed')}
          </Text>
        )}
      </Paper>
      {rejected.length > 0 && (
        <Alert color="red" variant="light" title={t('attendance.rejected')}>
          {rejected.map((r) => r.message).join('; ')}
        </Alert>
      )}
      <TextInput label={t('attendance.findParticipant')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} type="search" />
      <QueryState query={sheet}>
        {(data) => {
          const needle = filter.trim().toLocaleLowerCase();
          const rows = data.items.filter((p) => !needle || p.fullName.toLocaleLowerCase().includes(needle));
          return (
            <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('attendance.sheetLabel')}>
              {rows.map((p) => {
                const value = pending.get(p.personId) ?? p.status;
                return (
                  <Paper component="li" key={p.personId} withBorder p="sm" mb="xs" data-person={p.personId}>
                    <Group justify="space-between" gap={4} mb={6} wrap="nowrap">
                      <Text fw={600} id={`rc-${p.personId}`} style={{ overflowWrap: 'anywhere' }}>
                        {p.fullName}
                      </Text>
                      {pending.has(p.personId) && (
                        <Text size="xs" c="#a33c00" style={{ flexShrink: 0 }}>
                          {t('attendance.notSent')}
                        </Text>
                      )}
                    </Group>
                    <SegmentedControl
                      fullWidth
                      size="xs"
                      aria-labelledby={`rc-${p.personId}`}
                      name={`mark-${p.personId}`}
                      value={value ?? ''}
                      onChange={(v) => mark(p.personId, v as AttendanceStatus)}
                      data={STATUSES.map((s) => ({ value: s, label: t(`attendance.status.${s}`) }))}
                    />
                  </Paper>
                );
              })}
            </Box>
          );
        }}
      </QueryState>
    </Stack>
  );
}
