import { useState } from 'react';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/auth.ts';
import { localName, useLocalised } from '../../api/names.ts';
import { useRegions } from '../../api/regions.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink, ButtonLink } from '../../components/RouterLinks.tsx';
import { CeremonyGraduates } from '../diplomas/CeremonyGraduates.tsx';
import { streamQuery } from '../programmes/programmes.api.ts';
import { DayList } from './Agenda.tsx';
import { groupAgenda } from './agenda-format.ts';
import { moduleQuery, streamTimetableQuery, type Module } from './schedule.api.ts';
import { ScheduleDialog, type ScheduleEditing } from './ScheduleDialog.tsx';
import { StreamItinerary } from './StreamItinerary.tsx';

const route = getRouteApi('/app/modules/$moduleId');

/** A module: theme, dates, venue and host region, its sessions, and the stream's whole itinerary. */
export function ModulePage() {
  const { moduleId } = route.useParams();
  const module = useQuery(moduleQuery(moduleId));
  return <QueryState query={module}>{(m) => <ModuleDetails module={m} />}</QueryState>;
}

function ModuleDetails({ module: m }: { module: Module }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const regions = useRegions();
  const { data: me } = useSuspenseQuery(meQuery);
  const isParticipant = me?.roles.some((r) => r === 'participant' || r === 'alumnus') ?? false;
  // The host view is for staff and the module's host: the named coordinator or one for a host region.
  const hostRegions = [m.hostRegionCode, ...m.coHostRegionCodes];
  const isHost = m.hostCoordinatorUserId === me?.id || (me?.grants ?? []).some((g) => g.role === 'coordinator' && g.regionCode !== null && hostRegions.includes(g.regionCode));
  const programmeId = useQuery({ ...streamQuery(m.streamId), enabled: m.canManage }).data?.programmeId;
  const [editing, setEditing] = useState<ScheduleEditing | null>(null);
  const sessions = useQuery(streamTimetableQuery(m.streamId, { from: m.startsOn, to: m.endsOn }));
  const theme = localName({ nameRu: m.themeRu, nameEn: m.themeEn }, l.language);
  const address = localName({ nameRu: m.venue.addressRu, nameEn: m.venue.addressEn }, l.language);

  return (
    <Stack>
      {isParticipant ? (
        <AnchorLink to="/me/timetable" size="sm" w="fit-content">
          {t('schedule.backToTimetable')}
        </AnchorLink>
      ) : (
        <AnchorLink to="/streams/$streamId" params={{ streamId: m.streamId }} search={{ view: 'timetable' }} size="sm" w="fit-content">
          {t('schedule.backToStream')}
        </AnchorLink>
      )}
      <PageTitle
        actions={
          <>
            {(m.canManage || isHost) && (
              <ButtonLink to="/modules/$moduleId/host" params={{ moduleId: m.id }} variant="light">
                {t('hostView.link')}
              </ButtonLink>
            )}
            {m.canManage && programmeId && (
              <>
                <Button variant="default" onClick={() => setEditing({ kind: 'module', streamId: m.streamId, programmeId, module: m })}>
                  {t('scheduleForm.editModule')}
                </Button>
                <Button onClick={() => setEditing({ kind: 'session', streamId: m.streamId, programmeId, moduleId: m.id })}>{t('scheduleForm.newSession')}</Button>
              </>
            )}
          </>
        }
      >{`${t('schedule.moduleNumber', { number: m.number })}. ${theme}`}</PageTitle>
      <Stack gap={4}>
        <Text>
          <Text span fw={600}>
            {t('schedule.dates')}:{' '}
          </Text>
          {t('common.dateRange', { from: l.date(m.startsOn), to: l.date(m.endsOn) })}
        </Text>
        <Text>
          <Text span fw={600}>
            {t('schedule.venue')}:{' '}
          </Text>
          {l.name(m.venue)}
          {address && `, ${address}`}
        </Text>
        <Text>
          <Text span fw={600}>
            {t('schedule.hostRegion')}:{' '}
          </Text>
          {m.hostRegionCode ? regions.name(m.hostRegionCode) : t('schedule.ownCampus')}
          {m.coHostRegionCodes.length > 0 && ` (${t('schedule.coHosts')}: ${m.coHostRegionCodes.map(regions.name).join(', ')})`}
        </Text>
        {m.topics.length > 0 && (
          <Group gap={6} mt={4}>
            <Text span fw={600}>
              {t('schedule.topics')}:
            </Text>
            {m.topics.map((topic) => (
              <Badge key={topic} variant="outline" color="dark" tt="none" radius="sm">
                {t(`schedule.topic.${topic}`)}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>

      <Stack component="section" aria-labelledby="sessions-heading" gap="xs">
        <Title order={2} size="h3" id="sessions-heading">
          {t('schedule.sessions')}
        </Title>
        <QueryState query={sessions}>
          {(data) => {
            const own = data.items.filter((s) => s.moduleId === m.id);
            const days = groupAgenda(own)[0]?.days ?? [];
            const sessionLinks =
              m.canManage && programmeId
                ? (s: (typeof own)[number]) => (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      mt={6}
                      aria-label={t('manage.editNamed', { name: localName({ nameRu: s.titleRu, nameEn: s.titleEn }, l.language) })}
                      onClick={() => setEditing({ kind: 'session', streamId: m.streamId, programmeId, session: s })}>
                      {t('manage.edit')}
                    </Button>
                  )
                : undefined;
            return days.length > 0 ? <DayList days={days} headingOrder={3} sessionLinks={sessionLinks} /> : <Text c="dimmed">{t('schedule.empty')}</Text>;
          }}
        </QueryState>
      </Stack>

      {m.canManage && <CeremonyGraduates sessionIds={(sessions.data?.items ?? []).filter((s) => s.moduleId === m.id && s.kind === 'ceremony').map((s) => s.id)} />}
      <StreamItinerary streamId={m.streamId} currentModuleId={m.id} />
      <ScheduleDialog editing={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
