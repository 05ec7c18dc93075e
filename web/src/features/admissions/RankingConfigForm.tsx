import { Fieldset, NumberInput, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RankingConfig } from '@ms/contracts/admissions';
import { RegionLimitsField } from './RegionLimitsField.tsx';

export const DEFAULT_CONFIG: RankingConfig = {
  weights: { test: 40, expert: 40, interview: 20 },
  targetTotal: 160,
  reserveSize: 20,
  minScore: 0,
  defaultCap: null,
  defaultFloor: 0,
  caps: {},
  floors: {},
};

/** One ranking configuration: weights, totals, and per-region caps and floors. */
export function RankingConfigForm({ legend, value, onChange }: { legend: string; value: RankingConfig; onChange: (next: RankingConfig) => void }) {
  const { t } = useTranslation();
  const num = (n: string | number, fallback = 0) => (n === '' ? fallback : Number(n));
  const setWeight = (key: keyof RankingConfig['weights'], n: string | number) => onChange({ ...value, weights: { ...value.weights, [key]: num(n) } });
  return (
    <Fieldset legend={legend}>
      <Stack>
        <SimpleGrid cols={3}>
          <NumberInput label={t('admissions.rank.weightTest')} value={value.weights.test} onChange={(n) => setWeight('test', n)} min={0} max={100} />
          <NumberInput label={t('admissions.rank.weightExpert')} value={value.weights.expert} onChange={(n) => setWeight('expert', n)} min={0} max={100} />
          <NumberInput label={t('admissions.rank.weightInterview')} value={value.weights.interview} onChange={(n) => setWeight('interview', n)} min={0} max={100} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('admissions.rank.targetTotal')} value={value.targetTotal} onChange={(n) => onChange({ ...value, targetTotal: num(n, 1) })} min={1} />
          <NumberInput label={t('admissions.rank.reserveSize')} value={value.reserveSize} onChange={(n) => onChange({ ...value, reserveSize: num(n) })} min={0} />
          <NumberInput label={t('admissions.rank.minScore')} value={value.minScore} onChange={(n) => onChange({ ...value, minScore: num(n) })} min={0} max={100} />
          <NumberInput label={t('admissions.rank.defaultFloor')} value={value.defaultFloor} onChange={(n) => onChange({ ...value, defaultFloor: num(n) })} min={0} />
          <NumberInput label={t('admissions.rank.defaultCap')} value={value.defaultCap ?? ''} onChange={(n) => onChange({ ...value, defaultCap: n === '' ? null : Number(n) })} min={0} />
        </SimpleGrid>
        <RegionLimitsField legend={t('admissions.rank.caps')} value={value.caps} onChange={(caps) => onChange({ ...value, caps })} />
        <RegionLimitsField legend={t('admissions.rank.floors')} value={value.floors} onChange={(floors) => onChange({ ...value, floors })} />
      </Stack>
    </Fieldset>
  );
}
