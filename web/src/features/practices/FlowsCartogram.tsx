import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import type { Region } from '../../api/reference.ts';
import classes from '../map/Cartogram.module.css';
import { bucketsFor, colourFor, textOn, ZERO_FILL } from '../map/scale.ts';

interface FlowsCartogramProps {
  regions: Region[];
  counts: Map<string, number>;
  /** Says what a tile's number counts ("3 adoptions"), for its accessible name. */
  describe: (name: string, count: number) => string;
  noneLabel: string;
  selected: string | null;
  onSelect: (code: string | null) => void;
}

/** The tile-grid map of Russia (the shared cartogram's look) with this page's wording on every tile. */
export function FlowsCartogram({ regions, counts, describe, noneLabel, selected, onSelect }: FlowsCartogramProps) {
  const { t } = useTranslation();
  const l = useLocalised();
  const buckets = bucketsFor(Math.max(0, ...counts.values()));
  const minCol = Math.min(...regions.map((r) => r.tileCol));
  const minRow = Math.min(...regions.map((r) => r.tileRow));
  const columns = Math.max(...regions.map((r) => r.tileCol)) - minCol + 1;
  return (
    <Box>
      <div className={classes.frame}>
        <div className={classes.grid} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }} role="group" aria-label={t('practices.flows.mapLabel')}>
          {regions.map((region) => {
            const count = counts.get(region.code) ?? 0;
            const colour = colourFor(count, buckets);
            const label = describe(l.name(region), count);
            return (
              <button
                key={region.code}
                type="button"
                className={classes.tile}
                data-selected={selected === region.code || undefined}
                data-empty={count === 0 || undefined}
                style={{ gridColumn: region.tileCol - minCol + 1, gridRow: region.tileRow - minRow + 1, background: colour.fill, color: colour.text }}
                aria-label={label}
                aria-pressed={selected === region.code}
                title={label}
                onClick={() => onSelect(selected === region.code ? null : region.code)}
              >
                {region.code.replace(/^RU-/, '')}
              </button>
            );
          })}
        </div>
      </div>
      <Group gap="md" mt="sm" wrap="wrap" aria-label={t('map.legend')} role="list">
        <Group gap={6} role="listitem" wrap="nowrap">
          <span className={classes.swatch} data-empty style={{ background: ZERO_FILL }} aria-hidden="true" />
          <Text size="sm">{noneLabel}</Text>
        </Group>
        {buckets.map((b) => (
          <Group key={b.min} gap={6} role="listitem" wrap="nowrap">
            <span className={classes.swatch} style={{ background: b.fill, borderColor: textOn(b.fill) === '#ffffff' ? b.fill : '#868e96' }} aria-hidden="true" />
            <Text size="sm">{b.min === b.max ? String(b.min) : t('map.range', { min: b.min, max: b.max })}</Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
}
