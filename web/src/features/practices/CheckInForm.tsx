import { useState } from 'react';
import { Button, Group, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ADOPTION_STAGES, KPI_UNITS } from '@ms/contracts/practices';
import { isProblem } from '../../api/client.ts';
import { useLocalised } from '../../api/names.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { recordCheckIn, type AdoptionPlan, type AdoptionStage } from './practices.api.ts';

type CheckIn = AdoptionPlan['checkIns'][number];

/** Records a check-in: the stage reached, a note and each KPI's actual value (phone-sized, one column). */
export function CheckInForm({ plan, checkIn, onDone }: { plan: AdoptionPlan; checkIn: CheckIn; onDone: () => void }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const lang: 'ru' | 'en' = l.language === 'en' ? 'en' : 'ru';
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<AdoptionStage>(checkIn.stage ?? plan.stage);
  const [note, setNote] = useState(checkIn.note);
  const [values, setValues] = useState<Record<string, number | string>>(Object.fromEntries(checkIn.actuals.map((a) => [a.kpiId, a.value])));
  const save = useMutation({
    mutationFn: () =>
      recordCheckIn(plan.id, checkIn.id, {
        stage,
        note,
        actuals: plan.kpis.filter((k) => values[k.id] !== undefined && values[k.id] !== '').map((k) => ({ kpiId: k.id, value: Number(values[k.id]) })),
      }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['adoption-plan', plan.id], updated);
      await queryClient.invalidateQueries({ queryKey: ['adoption-plans'] });
      onDone();
    },
  });
  // Actuals are answered per index (body.actuals.N.value): map each back to its KPI's input.
  const sent = plan.kpis.filter((k) => values[k.id] !== undefined && values[k.id] !== '');
  const errorFor = (kpiId: string) => {
    if (!isProblem(save.error)) return undefined;
    const index = sent.findIndex((k) => k.id === kpiId);
    return save.error.problem.errors.find((e) => e.path === `body.actuals.${index}.value`)?.message;
  };

  return (
    <Stack mt="sm" component="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }} aria-label={t('practices.checkInAfter', { count: checkIn.monthsAfter })}>
      <Select label={t('practices.stage')} data={ADOPTION_STAGES.map((s) => ({ value: s, label: t(`practices.stages.${s}`) }))} value={stage} onChange={(v) => setStage((v as AdoptionStage | null) ?? stage)} allowDeselect={false} />
      {plan.kpis.map((k) => (
        <NumberInput
          key={k.id}
          label={`${k.name}, ${KPI_UNITS[k.unit][lang]}`}
          description={t('practices.kpiLine', { baseline: l.number(k.baseline), target: l.number(k.target), actual: k.actual === null ? '—' : l.number(k.actual), unit: KPI_UNITS[k.unit][lang] })}
          value={values[k.id] ?? ''}
          onChange={(v) => setValues((all) => ({ ...all, [k.id]: v }))}
          decimalSeparator={l.language === 'ru' ? ',' : '.'}
          error={errorFor(k.id)}
        />
      ))}
      <Textarea label={t('practices.checkIn.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={5000} />
      {save.error && !plan.kpis.some((k) => errorFor(k.id)) && <ProblemAlert error={save.error} />}
      <Group>
        <Button type="submit" loading={save.isPending}>
          {t('practices.checkIn.save')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
