import { useState } from 'react';
import { CloseButton, Fieldset, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../../api/regions.ts';

/**
 * Per-region limits (the ranking's caps or floors): one row per region with its number, a region picker
 * (searchable by name) to add one, and a button to remove one. Regions are named, never shown as codes.
 */
export function RegionLimitsField({ legend, value, onChange }: { legend: string; value: Record<string, number>; onChange: (next: Record<string, number>) => void }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const [search, setSearch] = useState('');
  const entries = Object.entries(value).sort(([a], [b]) => regions.name(a).localeCompare(regions.name(b)));
  const remove = (code: string) => onChange(Object.fromEntries(Object.entries(value).filter(([c]) => c !== code)));
  return (
    <Fieldset legend={legend} variant="filled">
      <Stack gap="xs">
        {entries.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('admissions.rank.noRegionLimits')}
          </Text>
        )}
        {entries.map(([code, limit]) => (
          <Group key={code} gap="xs" wrap="nowrap">
            <Text size="sm" style={{ flex: 1 }}>
              {regions.name(code)}
            </Text>
            <NumberInput
              aria-label={t('admissions.rank.limitFor', { region: regions.name(code) })}
              value={limit}
              min={0}
              max={100_000}
              allowDecimal={false}
              allowNegative={false}
              w={110}
              onChange={(n) => onChange({ ...value, [code]: n === '' ? 0 : Number(n) })}
            />
            <CloseButton aria-label={t('admissions.rank.removeLimit', { region: regions.name(code) })} onClick={() => remove(code)} />
          </Group>
        ))}
        <Select
          label={t('admissions.rank.addRegion')}
          placeholder={t('admissions.rank.addRegionHint')}
          searchable
          data={regions.options.filter((o) => !(o.value in value))}
          value={null}
          searchValue={search}
          onSearchChange={setSearch}
          nothingFoundMessage={t('common.nothingFound')}
          onChange={(code) => {
            if (!code) return;
            setSearch('');
            onChange({ ...value, [code]: 1 });
          }}
        />
      </Stack>
    </Fieldset>
  );
}
