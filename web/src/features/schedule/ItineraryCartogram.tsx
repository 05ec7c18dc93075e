import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../api/reference.ts';
import classes from '../map/Cartogram.module.css';

const STOP_FILL = '#17427a';
const OTHER_FILL = '#f8f9fa';

/**
 * The cartogram's tiles with the itinerary's regions numbered in visiting order. It is a picture (one
 * img role with a text alternative): the ordered list of stops beside it carries the same facts.
 */
export function ItineraryCartogram({ regions, stops, current }: { regions: Region[]; stops: ReadonlyArray<{ number: number; regionCode: string }>; current?: string }) {
  const { t } = useTranslation();
  const byRegion = new Map<string, number[]>();
  for (const stop of stops) byRegion.set(stop.regionCode, [...(byRegion.get(stop.regionCode) ?? []), stop.number]);
  const minCol = Math.min(...regions.map((r) => r.tileCol));
  const minRow = Math.min(...regions.map((r) => r.tileRow));
  const columns = Math.max(...regions.map((r) => r.tileCol)) - minCol + 1;
  const names = stops.map((s) => `${s.number}: ${regions.find((r) => r.code === s.regionCode)?.nameRu ?? s.regionCode}`).join(', ');

  return (
    <Box className={classes.frame} role="img" aria-label={t('itinerary.mapLabel', { stops: names })}>
      <div className={classes.grid} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }} aria-hidden="true">
        {regions.map((region) => {
          const numbers = byRegion.get(region.code);
          return (
            <div
              key={region.code}
              className={classes.tile}
              data-empty={numbers ? undefined : true}
              data-selected={current === region.code || undefined}
              style={{
                gridColumn: region.tileCol - minCol + 1,
                gridRow: region.tileRow - minRow + 1,
                background: numbers ? STOP_FILL : OTHER_FILL,
                color: numbers ? '#ffffff' : '#868e96',
                display: 'grid',
                placeItems: 'center',
                cursor: 'default',
              }}
            >
              {numbers ? numbers.join(',') : ''}
            </div>
          );
        })}
      </div>
    </Box>
  );
}
