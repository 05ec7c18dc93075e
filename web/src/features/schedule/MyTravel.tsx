import { Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Session } from '@ms/contracts/schedule';
import { useLocalised } from '../../api/names.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { zoneLabel } from './agenda-format.ts';
import { myTravelQuery } from './schedule-manage.api.ts';
import { formatLegTime } from './travel-format.ts';

/**
 * «Мои поездки»: the participant's travel legs to and from each module, with booking and lodging.
 * Times are the module venue's (known from the timetable), like the sessions they lead to.
 */
export function MyTravel({ sessions }: { sessions: readonly Session[] }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const travel = useQuery(myTravelQuery);
  const moduleOf = (moduleId: string) => sessions.find((s) => s.moduleId === moduleId);
  return (
    <Stack component="section" aria-labelledby="my-travel-heading" gap="xs">
      <Title order={2} size="h3" id="my-travel-heading">
        {t('travel.myTitle')}
      </Title>
      <QueryState query={travel}>
        {(legs) =>
          legs.length === 0 ? (
            <Text c="dimmed">{t('travel.none')}</Text>
          ) : (
            <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('travel.myTitle')}>
              {[...legs]
                .sort((a, b) => a.departAt.localeCompare(b.departAt))
                .map((leg) => {
                  const module = moduleOf(leg.moduleId);
                  const tz = module?.timeZone ?? 'Europe/Moscow';
                  return (
                    <Paper component="li" key={leg.id} withBorder p="sm" mb="xs" data-leg={leg.id}>
                      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {[leg.fromPlace, leg.toPlace].filter(Boolean).join(' → ') || t(`travel.direction.${leg.direction}`)}
                        </Text>
                        <Badge variant="light" color="dark" tt="none" style={{ flexShrink: 0 }}>
                          {t(`travel.mode.${leg.mode}`)}
                        </Badge>
                      </Group>
                      <Text size="sm">
                        {module && `${t('schedule.moduleNumber', { number: module.moduleNumber })} · `}
                        {t(`travel.direction.${leg.direction}`)}
                      </Text>
                      <Text size="sm">
                        {t('travel.times', { depart: formatLegTime(leg.departAt, tz, l.language, { withDate: true }), arrive: formatLegTime(leg.arriveAt, tz, l.language, { withDate: true }) })}{' '}
                        <Text span size="xs" c="dimmed">
                          {zoneLabel(leg.departAt, tz, l.language)}
                        </Text>
                      </Text>
                      {leg.bookingRef && (
                        <Text size="sm" c="dimmed">
                          {t('hostView.bookingRef')}: {leg.bookingRef}
                        </Text>
                      )}
                      {leg.lodging && (
                        <Text size="sm" c="dimmed">
                          {t('hostView.lodging')}: {leg.lodging}
                        </Text>
                      )}
                      {leg.needsTransfer && <Text size="sm">{t('travel.transferBooked')}</Text>}
                    </Paper>
                  );
                })}
            </Box>
          )
        }
      </QueryState>
    </Stack>
  );
}
