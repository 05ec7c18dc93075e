import { useState } from 'react';
import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/client.ts';
import { federalDistrictsQuery, regionsQuery } from '../../api/reference.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { regionsSummaryQuery } from '../roster/roster.api.ts';
import { Cartogram } from './Cartogram.tsx';
import { RegionsTable } from './RegionsTable.tsx';

/** Where a stream's participants come from: the cartogram, or the same numbers as a table. */
export function StreamMap({ streamId, selected, onSelect }: { streamId: string; selected?: string; onSelect: (code: string) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'map' | 'table'>('map');
  const regions = useQuery(regionsQuery);
  const districts = useQuery(federalDistrictsQuery);
  const summary = useQuery(regionsSummaryQuery(streamId));

  if (isProblem(summary.error, 'forbidden')) return <Text c="dimmed">{t('streams.noRosterAccess')}</Text>;
  if (regions.isPending || summary.isPending || districts.isPending) return <PageLoader />;
  const error = regions.error ?? summary.error ?? districts.error;
  if (error) return <ProblemAlert error={error} />;
  if (!regions.data || !summary.data || !districts.data) return null;
  const counts = new Map(summary.data.items.map((i) => [i.regionCode, i.count]));

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text>{t('map.summary', { count: summary.data.total, regions: summary.data.regionCount })}</Text>
        <SegmentedControl
          aria-label={t('map.viewAs')}
          value={mode}
          onChange={(v) => setMode(v === 'table' ? 'table' : 'map')}
          data={[
            { value: 'map', label: t('map.asMap') },
            { value: 'table', label: t('map.asTable') },
          ]}
        />
      </Group>
      {mode === 'map' ? (
        <>
          <Text size="sm" c="dimmed">
            {t('map.hint')}
          </Text>
          <Cartogram regions={regions.data} counts={counts} selected={selected} onSelect={onSelect} />
        </>
      ) : (
        <RegionsTable regions={regions.data} districts={districts.data} counts={counts} caption={t('map.tableCaption')} />
      )}
    </Stack>
  );
}
