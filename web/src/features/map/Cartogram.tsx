import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import type { Region } from '../../api/reference.ts';
import { bucketsFor, colourFor, textOn, ZERO_FILL } from './scale.ts';
import classes from './Cartogram.module.css';

interface CartogramProps {
  regions: Region[];
  counts: Map<string, number>;
  selected?: string | null;
  onSelect?: (regionCode: string) => void;
  /** The map's accessible name; the participants map's by default. */
  label?: string;
  /** Says what a tile's number counts ("3 adoptions"), for its accessible name; participants by default. */
  describe?: (name: string, count: number) => string;
  /** The legend's wording for 0; "no participants" by default. */
  noneLabel?: string;
}

/** Russia as a tile grid: one square per federal subject, shaded by its count, with a legend. */
export function Cartogram({ regions, counts, selected, onSelect, label, describe, noneLabel }: CartogramProps) {
  const { t } = useTranslation();
  const l = useLocalised();
  const max = Math.max(0, ...counts.values());
  const buckets = bucketsFor(max);
  const minCol = Math.min(...regions.map((r) => r.tileCol));
  const minRow = Math.min(...regions.map((r) => r.tileRow));
  const columns = Math.max(...regions.map((r) => r.tileCol)) - minCol + 1;

  return (
    <Box>
      <div className={classes.frame}>
        <div className={classes.grid} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }} role="group" aria-label={label ?? t('map.label')}>
          {regions.map((region) => {
            const count = counts.get(region.code) ?? 0;
            const colour = colourFor(count, buckets);
            const name = l.name(region);
            const tileLabel = describe ? describe(name, count) : t('map.tile', { name, count });
            return (
              <button
                key={region.code}
                type="button"
                className={classes.tile}
                data-selected={selected === region.code || undefined}
                data-empty={count === 0 || undefined}
                style={{ gridColumn: region.tileCol - minCol + 1, gridRow: region.tileRow - minRow + 1, background: colour.fill, color: colour.text }}
                aria-label={tileLabel}
                aria-pressed={selected === region.code}
                title={tileLabel}
                onClick={() => onSelect?.(region.code)}
              >
                {region.code.replace(/^RU-/, '')}
              </button>
            );
          })}
        </div>
      </div>
      <Group gap="md" mt="sm" wrap="wrap" aria-label={t('map.legend')} role="list">
        <LegendItem fill={ZERO_FILL} label={noneLabel ?? t('map.none')} isEmpty />
        {buckets.map((b) => (
          <LegendItem key={b.min} fill={b.fill} label={b.min === b.max ? String(b.min) : t('map.range', { min: b.min, max: b.max })} />
        ))}
      </Group>
    </Box>
  );
}

function LegendItem({ fill, label, isEmpty = false }: { fill: string; label: string; isEmpty?: boolean }) {
  return (
    <Group gap={6} role="listitem" wrap="nowrap">
      <span
        className={classes.swatch}
        data-empty={isEmpty || undefined}
        style={isEmpty ? { background: fill } : { background: fill, borderColor: textOn(fill) === '#ffffff' ? fill : '#868e96' }}
        aria-hidden="true"
      />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
