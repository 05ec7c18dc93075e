import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { localName, useLocalised } from '../../api/names.ts';
import { useRegions } from '../../api/regions.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { ItineraryCartogram } from './ItineraryCartogram.tsx';
import { itineraryQuery } from './schedule.api.ts';

/** A stream's route: its module venues in order with great-circle km per leg and in total, and the map. */
export function StreamItinerary({ streamId, currentModuleId }: { streamId: string; currentModuleId?: string }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const itinerary = useQuery(itineraryQuery(streamId));
  const regions = useRegions();
  if (itinerary.isPending || regions.query.isPending) return <PageLoader />;
  if (itinerary.isError || regions.query.isError) return <ProblemAlert error={itinerary.error ?? regions.query.error} />;
  const { stops, totalKm } = itinerary.data;
  const km = (n: number) => t('itinerary.km', { km: l.number(Math.round(n)) });
  const current = stops.find((s) => s.moduleId === currentModuleId);

  return (
    <Stack component="section" aria-labelledby="itinerary-heading">
      <Title order={2} size="h3" id="itinerary-heading">
        {t('itinerary.title')}
      </Title>
      <Text fw={600}>{t('itinerary.total', { km: l.number(Math.round(totalKm)) })}</Text>
      <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {stops.map((stop) => (
          <Paper component="li" key={stop.moduleId} withBorder p="sm" mb="xs" bg={stop.moduleId === currentModuleId ? 'blue.0' : undefined} aria-current={stop.moduleId === currentModuleId ? 'step' : undefined}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <div>
                <AnchorLink to="/modules/$moduleId" params={{ moduleId: stop.moduleId }} fw={600}>
                  {t('schedule.moduleNumber', { number: stop.number })}
                </AnchorLink>
                <Text size="sm">
                  {localName({ nameRu: stop.venueNameRu, nameEn: stop.venueNameEn }, l.language)} · {regions.name(stop.regionCode)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('common.dateRange', { from: l.date(stop.startsOn), to: l.date(stop.endsOn) })}
                </Text>
              </div>
              <Text size="sm" ta="right" style={{ flexShrink: 0 }}>
                {stop.kmFromPrevious > 0 ? `+ ${km(stop.kmFromPrevious)}` : t('itinerary.start')}
              </Text>
            </Group>
          </Paper>
        ))}
      </Box>
      <ItineraryCartogram regions={regions.query.data} stops={stops} current={current?.regionCode} />
      <Text size="sm" c="dimmed">
        {t('itinerary.mapHint')}
      </Text>
    </Stack>
  );
}
