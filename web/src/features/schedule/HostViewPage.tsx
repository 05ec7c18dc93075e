import { Accordion, Alert, Badge, Box, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { localName, useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { formatDay, formatTimeRange } from './agenda-format.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { distributeSiteVisits, hostViewQuery, type HostView, type TravelLeg } from './schedule-manage.api.ts';
import { SessionKindBadge } from './SessionKindBadge.tsx';
import { formatLegTime } from './travel-format.ts';

const route = getRouteApi('/app/modules/$moduleId/host');

/** The host coordinator's page for a module: arrivals and departures by day, lodging, transfers and site visits. */
export function HostViewPage() {
  const { moduleId } = route.useParams();
  const view = useQuery(hostViewQuery(moduleId));
  return <QueryState query={view}>{(data) => <HostViewDetails view={data} />}</QueryState>;
}

function HostViewDetails({ view }: { view: HostView }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const m = view.module;
  const tz = m.venue.timeZone;
  const theme = localName({ nameRu: m.themeRu, nameEn: m.themeEn }, l.language);
  const legColumns = (time: 'arriveAt' | 'departAt'): Array<Column<TravelLeg>> => [
    { key: 'who', label: t('hostView.who'), render: (leg) => leg.personName, card: 'title' },
    { key: 'time', label: t('hostView.time'), render: (leg) => formatLegTime(leg[time], tz, l.language), card: 'badge', nowrap: true },
    { key: 'mode', label: t('hostView.mode'), render: (leg) => t(`travel.mode.${leg.mode}`) },
    { key: 'route', label: t('hostView.route'), render: (leg) => [leg.fromPlace, leg.toPlace].filter(Boolean).join(' → ') || '—' },
    { key: 'booking', label: t('hostView.bookingRef'), render: (leg) => leg.bookingRef ?? '—', nowrap: true },
    { key: 'transfer', label: t('hostView.transfer'), render: (leg) => t(leg.needsTransfer ? 'hostView.yes' : 'hostView.no') },
  ];
  // In time order, so the host can line up pick-ups; lodging has its own section below.
  const byTime = (time: 'arriveAt' | 'departAt') => (a: TravelLeg, b: TravelLeg) => a[time].localeCompare(b[time]) || a.personName.localeCompare(b.personName);
  const transferTime = (leg: TravelLeg) => (leg.direction === 'inbound' ? leg.arriveAt : leg.departAt);
  const transfers = [...view.transfers].sort((a, b) => transferTime(a).localeCompare(transferTime(b)) || a.personName.localeCompare(b.personName));
  const transferColumns: Array<Column<TravelLeg>> = [
    { key: 'who', label: t('hostView.who'), render: (leg) => leg.personName, card: 'title' },
    { key: 'direction', label: t('hostView.direction'), render: (leg) => t(`hostView.transferKind.${leg.direction}`), card: 'badge' },
    { key: 'time', label: t('hostView.time'), render: (leg) => formatLegTime(transferTime(leg), tz, l.language, { withDate: true }), nowrap: true },
    { key: 'place', label: t('hostView.place'), render: (leg) => (leg.direction === 'inbound' ? leg.toPlace : leg.fromPlace) || '—' },
    { key: 'mode', label: t('hostView.mode'), render: (leg) => t(`travel.mode.${leg.mode}`) },
    { key: 'booking', label: t('hostView.bookingRef'), render: (leg) => leg.bookingRef ?? '—', nowrap: true },
  ];

  return (
    <Stack>
      <AnchorLink to="/modules/$moduleId" params={{ moduleId: m.id }} size="sm" w="fit-content">
        {t('hostView.backToModule', { number: m.number })}
      </AnchorLink>
      <PageTitle>{t('hostView.title', { number: m.number })}</PageTitle>
      <Stack gap={4}>
        <Text style={{ overflowWrap: 'anywhere' }}>{theme}</Text>
        <Text size="sm">
          {t('common.dateRange', { from: l.date(m.startsOn), to: l.date(m.endsOn) })} · {l.name(m.venue)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('hostView.timesHint')}
        </Text>
      </Stack>

      <Stack component="section" aria-labelledby="travel-heading" gap="xs">
        <Title order={2} size="h3" id="travel-heading">
          {t('hostView.byDay')}
        </Title>
        {view.days.length === 0 && <Text c="dimmed">{t('hostView.noTravel')}</Text>}
        {view.days.length > 0 && (
          <Accordion multiple variant="separated" order={3}>
            {view.days.map((day) => (
              <Accordion.Item key={day.date} value={day.date}>
                <Accordion.Control>
                  <Text fw={600} span>
                    {formatDay(day.date, l.language)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {[day.arrivals.length > 0 && t('hostView.arrivals', { count: day.arrivals.length }), day.departures.length > 0 && t('hostView.departures', { count: day.departures.length })].filter(Boolean).join(' · ')}
                  </Text>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    {day.arrivals.length > 0 && (
                      <div>
                        <Text fw={600} size="sm" mb={4}>
                          {t('hostView.arrivals', { count: day.arrivals.length })}
                        </Text>
                        <ResponsiveTable caption={t('hostView.arrivalsOn', { date: l.date(day.date) })} rows={[...day.arrivals].sort(byTime('arriveAt'))} rowKey={(leg) => leg.id} columns={legColumns('arriveAt')} />
                      </div>
                    )}
                    {day.departures.length > 0 && (
                      <div>
                        <Text fw={600} size="sm" mb={4}>
                          {t('hostView.departures', { count: day.departures.length })}
                        </Text>
                        <ResponsiveTable caption={t('hostView.departuresOn', { date: l.date(day.date) })} rows={[...day.departures].sort(byTime('departAt'))} rowKey={(leg) => leg.id} columns={legColumns('departAt')} />
                      </div>
                    )}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Stack>

      <Stack component="section" aria-labelledby="lodging-heading" gap="xs">
        <Title order={2} size="h3" id="lodging-heading">
          {t('hostView.lodgingTitle')}
        </Title>
        {view.lodging.length === 0 ? (
          <Text c="dimmed">{t('hostView.noLodging')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {view.lodging.map((place) => (
              <Paper key={place.lodging} withBorder p="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {place.lodging}
                  </Text>
                  <Badge variant="light" color="dark" style={{ flexShrink: 0 }}>
                    {t('hostView.people', { count: place.people.length })}
                  </Badge>
                </Group>
                <List size="sm" mt={4} aria-label={place.lodging}>
                  {place.people.map((p) => (
                    <List.Item key={p.personId}>{p.personName}</List.Item>
                  ))}
                </List>
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </Stack>

      <Stack component="section" aria-labelledby="transfers-heading" gap="xs">
        <Title order={2} size="h3" id="transfers-heading">
          {t('hostView.transfersTitle')}
        </Title>
        {view.transfers.length === 0 ? (
          <Text c="dimmed">{t('hostView.noTransfers')}</Text>
        ) : (
          <Accordion variant="separated" order={3}>
            <Accordion.Item value="transfers">
              <Accordion.Control>
                <Text fw={600} span>
                  {t('hostView.transfersCount', { count: transfers.length })}
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                <ResponsiveTable caption={t('hostView.transfersTitle')} rows={transfers} rowKey={(leg) => leg.id} columns={transferColumns} />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        )}
      </Stack>

      <Stack component="section" aria-labelledby="visits-heading" gap="xs">
        <Title order={2} size="h3" id="visits-heading">
          {t('hostView.siteVisitsTitle')}
        </Title>
        {m.canManage && view.siteVisits.length > 0 && <DistributeVisits moduleId={m.id} />}
        {view.siteVisits.length === 0 ? (
          <Text c="dimmed">{t('hostView.noSiteVisits')}</Text>
        ) : (
          <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('hostView.siteVisitsTitle')}>
            {view.siteVisits.map(({ session: s, expectedAttendees, attendees }) => (
              <Paper component="li" key={s.id} withBorder p="sm" mb="xs" data-session={s.id}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Text fw={600} size="sm">
                    {formatDay(s.localDate, l.language)}, <time dateTime={s.startsAt}>{formatTimeRange(s.startsAt, s.endsAt, s.timeZone, l.language)}</time>
                  </Text>
                  <SessionKindBadge kind={s.kind} />
                </Group>
                <Text mt={4} style={{ overflowWrap: 'anywhere' }}>
                  {localName({ nameRu: s.titleRu, nameEn: s.titleEn }, l.language)}
                </Text>
                {s.place && (
                  <Text size="sm" c="dimmed">
                    {t('schedule.place')}: {s.place}
                  </Text>
                )}
                <Text size="sm">{t('hostView.expected', { count: expectedAttendees })}</Text>
                {attendees.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('hostView.notAssigned')}
                  </Text>
                ) : (
                  // A native disclosure: keyboard- and screen-reader-friendly, and closed by default on a phone.
                  <Box component="details" mt={4}>
                    <Box component="summary" style={{ cursor: 'pointer' }}>
                      {t('hostView.whoGoes', { count: attendees.length })}
                    </Box>
                    <List size="sm" mt={4}>
                      {attendees.map((a) => (
                        <List.Item key={a.personId}>{a.personName}</List.Item>
                      ))}
                    </List>
                  </Box>
                )}
              </Paper>
            ))}
          </Box>
        )}
      </Stack>
    </Stack>
  );
}

/** Staff: split the stream across the module's parallel visits; says who did not fit. */
function DistributeVisits({ moduleId }: { moduleId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const distribute = useMutation({
    mutationFn: () => distributeSiteVisits(moduleId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['host-view', moduleId] }),
  });
  const unplaced = distribute.data?.groups.reduce((sum, g) => sum + g.unplaced, 0) ?? 0;
  return (
    <Stack gap="xs">
      <Button variant="light" w="fit-content" loading={distribute.isPending} onClick={() => distribute.mutate()}>
        {t('hostView.distribute')}
      </Button>
      {distribute.isSuccess && (
        <Alert color={unplaced > 0 ? 'orange' : 'green'} role="status">
          {unplaced > 0 ? t('hostView.unplaced', { count: unplaced }) : t('hostView.distributed')}
        </Alert>
      )}
      <ProblemAlert error={distribute.error} />
    </Stack>
  );
}
