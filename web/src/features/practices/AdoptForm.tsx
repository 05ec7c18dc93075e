import { useState } from 'react';
import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { KPI_UNITS, type KpiUnit } from '@ms/contracts/practices';
import { isProblem } from '../../api/client.ts';
import { useLocalised } from '../../api/names.ts';
import { regionsQuery } from '../../api/reference.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { createPlan, municipalitiesQuery, type Practice } from './practices.api.ts';

const UNITS = Object.keys(KPI_UNITS) as KpiUnit[];

/** "Adopt in my municipality": the commitment with its owner and one KPI; check-ins follow at +3/+6/+12 months. */
export function AdoptForm({ practice }: { practice: Practice }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const lang: 'ru' | 'en' = l.language === 'en' ? 'en' : 'ru';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const [region, setRegion] = useState<string | null>(null);
  const [municipalityText, setMunicipalityText] = useState('');
  const [debounced] = useDebouncedValue(municipalityText, 250);
  const [municipalityId, setMunicipalityId] = useState<string | null>(null);
  const [ownerName, setOwnerName] = useState('');
  const [summary, setSummary] = useState('');
  const [kpiName, setKpiName] = useState('');
  const [unit, setUnit] = useState<KpiUnit>('count');
  const [baseline, setBaseline] = useState<number | string>('');
  const [target, setTarget] = useState<number | string>('');
  const regions = useQuery(regionsQuery);
  const municipalities = useQuery(municipalitiesQuery(region, municipalityId ? '' : debounced));
  const today = new Date().toISOString().slice(0, 10);
  const save = useMutation({
    mutationFn: () =>
      createPlan({
        practiceId: practice.id,
        municipalityId: municipalityId ?? '',
        ownerName,
        summary,
        kpis: kpiName ? [{ name: kpiName, unit, baseline: Number(baseline), baselineOn: today, target: Number(target), targetOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` }] : [],
      }),
    onSuccess: async (plan) => {
      await queryClient.invalidateQueries({ queryKey: ['adoption-plans'] });
      void navigate({ to: '/me/adoptions/$planId', params: { planId: plan.id } });
    },
  });
  const fieldError = (name: string) => (isProblem(save.error) ? save.error.fieldError(name) : undefined);

  if (!isOpen) {
    return (
      <Group>
        <Button onClick={() => setOpen(true)}>{t('practices.adopt.open')}</Button>
      </Group>
    );
  }
  return (
    <Paper withBorder p="md" component="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack>
        <Title order={2} size="h4">
          {t('practices.adopt.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('practices.adopt.hint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('practices.region')} data={(regions.data ?? []).map((r) => ({ value: r.code, label: l.name(r) }))} value={region} onChange={(v) => { setRegion(v); setMunicipalityId(null); }} searchable required />
          <Select
            label={t('practices.municipality')}
            data={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            value={municipalityId}
            onChange={setMunicipalityId}
            searchValue={municipalityText}
            onSearchChange={setMunicipalityText}
            searchable
            required
            disabled={!region}
            error={fieldError('municipalityId')}
          />
          <TextInput label={t('practices.owner')} description={t('practices.ownerHint')} value={ownerName} onChange={(e) => setOwnerName(e.currentTarget.value)} required maxLength={200} error={fieldError('ownerName')} />
        </SimpleGrid>
        <Textarea label={t('practices.planSummary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={2} maxLength={5000} />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput label={t('practices.kpi')} value={kpiName} onChange={(e) => setKpiName(e.currentTarget.value)} maxLength={300} />
          <Select label={t('practices.unit')} data={UNITS.map((u) => ({ value: u, label: KPI_UNITS[u][lang] }))} value={unit} onChange={(v) => setUnit((v as KpiUnit | null) ?? 'count')} allowDeselect={false} />
          <NumberInput label={t('practices.baseline')} value={baseline} onChange={setBaseline} decimalSeparator={l.language === 'ru' ? ',' : '.'} error={fieldError('baseline')} required={kpiName !== ''} />
          <NumberInput label={t('practices.target')} value={target} onChange={setTarget} decimalSeparator={l.language === 'ru' ? ',' : '.'} error={fieldError('target')} required={kpiName !== ''} />
        </SimpleGrid>
        {save.error && <ProblemAlert error={save.error} labels={{ municipalityId: t('practices.municipality'), baseline: t('practices.baseline'), target: t('practices.target'), ownerName: t('practices.owner') }} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('practices.adopt.submit')}
          </Button>
          <Button variant="subtle" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
