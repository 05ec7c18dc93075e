import { Group, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ButtonLink } from '../../components/RouterLinks.tsx';
import { StreamAssignments } from '../assignments/StreamAssignments.tsx';
import { StreamAttendance } from '../attendance/StreamAttendance.tsx';
import { StreamCompletion } from '../completion/StreamCompletion.tsx';
import { StreamDiplomas } from '../diplomas/StreamDiplomas.tsx';
import { StreamMap } from '../map/StreamMap.tsx';
import { RosterSection } from '../roster/RosterSection.tsx';
import { StreamTimetable } from '../schedule/StreamTimetable.tsx';
import { StreamTeams } from '../teams/StreamTeams.tsx';
import { StreamImprovements } from '../improvements/StreamImprovements.tsx';
import { StreamProjects } from '../projects/StreamProjects.tsx';
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
          <Tabs value={search.view ?? 'roster'} onChange={(v) => update({ view: v === 'map' || v === 'timetable' || v === 'teams' || v === 'improvements' || v === 'projects' || ((v === 'attendance' || v === 'assignments' || v === 'completion' || v === 'diplomas') && s.canManage) ? v : undefined })} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="roster">{t('streams.rosterTab')}</Tabs.Tab>
              <Tabs.Tab value="map">{t('streams.mapTab')}</Tabs.Tab>
              <Tabs.Tab value="timetable">{t('streams.timetableTab')}</Tabs.Tab>
              <Tabs.Tab value="teams">{t('streams.teamsTab')}</Tabs.Tab>
              <Tabs.Tab value="improvements">{t('streams.improvementsTab')}</Tabs.Tab>
              <Tabs.Tab value="projects">{t('streams.projectsTab')}</Tabs.Tab>
              {s.canManage && <Tabs.Tab value="attendance">{t('streams.attendanceTab')}</Tabs.Tab>}
              {s.canManage && <Tabs.Tab value="assignments">{t('assignments.tab')}</Tabs.Tab>}
              {s.canManage && <Tabs.Tab value="completion">{t('assignments.completionTab')}</Tabs.Tab>}
              {s.canManage && <Tabs.Tab value="diplomas">{t('diplomas.tab')}</Tabs.Tab>}
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
            <Tabs.Panel value="teams" pt="md">
              <StreamTeams streamId={streamId} />
            </Tabs.Panel>
            <Tabs.Panel value="improvements" pt="md">
              <StreamImprovements streamId={streamId} />
            </Tabs.Panel>
            <Tabs.Panel value="projects" pt="md">
              <StreamProjects streamId={streamId} canManage={s.canManage} />
            </Tabs.Panel>
            {s.canManage && (
              <Tabs.Panel value="attendance" pt="md">
                <StreamAttendance streamId={streamId} />
              </Tabs.Panel>
            )}
            {s.canManage && (
              <Tabs.Panel value="assignments" pt="md">
                <StreamAssignments streamId={streamId} />
              </Tabs.Panel>
            )}
            {s.canManage && (
              <Tabs.Panel value="completion" pt="md">
                <StreamCompletion streamId={streamId} />
              </Tabs.Panel>
            )}
            {s.canManage && (
              <Tabs.Panel value="diplomas" pt="md">
                <StreamDiplomas streamId={streamId} />
              </Tabs.Panel>
            )}
          </Tabs>
        </Stack>
      )}
    </QueryState>
  );
}
