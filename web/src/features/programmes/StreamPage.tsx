import { Group, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ButtonLink } from '../../components/RouterLinks.tsx';
import { StreamAttendance } from '../attendance/StreamAttendance.tsx';
import { StreamMap } from '../map/StreamMap.tsx';
import { RosterSection } from '../roster/RosterSection.tsx';
import { StreamTimetable } from '../schedule/StreamTimetable.tsx';
import type { RosterSearch } from '../roster/roster-search.ts';
import { streamQuery } from './programmes.api.ts';
import { StreamBreadcrumbs } from './StreamBreadcrumbs.tsx';

const route = getRouteApi('/app/streams/$streamId');

/** A stream: its roster (filter, sort, page, export), the map of where its participants come from, its timetable and (staff) attendance. */
export function StreamPage() {
  const { t } = useTranslation();
  const { streamId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const l = useLocalised();
  const stream = useQuery(streamQuery(streamId));
  const update = (patch: Partial<RosterSearch>) => void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });

  return (
    <QueryState query={stream}>
      {(s) => (
        <Stack>
          <StreamBreadcrumbs stream={s} />
          <PageTitle
            actions={
              s.canManage && (
                <ButtonLink to="/streams/$streamId/import" params={{ streamId }} variant="light">
                  {t('imports.action')}
                </ButtonLink>
              )
            }
          >
            {l.name(s)}
          </PageTitle>
          <Group gap="lg">
            <Text size="sm">{t('common.dateRange', { from: l.date(s.startsOn), to: l.date(s.endsOn) })}</Text>
            <Text size="sm">{t('streams.participantCount', { count: s.participantCount })}</Text>
          </Group>
          <Tabs value={search.view ?? 'roster'} onChange={(v) => update({ view: v === 'map' || v === 'timetable' || (v === 'attendance' && s.canManage) ? v : undefined })} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="roster">{t('streams.rosterTab')}</Tabs.Tab>
              <Tabs.Tab value="map">{t('streams.mapTab')}</Tabs.Tab>
              <Tabs.Tab value="timetable">{t('streams.timetableTab')}</Tabs.Tab>
              {s.canManage && <Tabs.Tab value="attendance">{t('streams.attendanceTab')}</Tabs.Tab>}
            </Tabs.List>
            <Tabs.Panel value="roster" pt="md">
              <RosterSection streamId={streamId} search={search} onChange={update} />
            </Tabs.Panel>
            <Tabs.Panel value="map" pt="md">
              <StreamMap streamId={streamId} selected={search.region} onSelect={(region) => update({ region, district: undefined, view: undefined, page: 1 })} />
            </Tabs.Panel>
            <Tabs.Panel value="timetable" pt="md">
              <StreamTimetable streamId={streamId} canManage={s.canManage} />
            </Tabs.Panel>
            {s.canManage && (
              <Tabs.Panel value="attendance" pt="md">
                <StreamAttendance streamId={streamId} />
              </Tabs.Panel>
            )}
          </Tabs>
        </Stack>
      )}
    </QueryState>
  );
}
