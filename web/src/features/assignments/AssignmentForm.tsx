import { useState } from 'react';
import { ActionIcon, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { modulesQuery } from '../schedule/schedule.api.ts';
import { createAssignment, type RubricCriterion } from './assignments.api.ts';

/** The UI offers four standard levels per criterion (the API takes any 2–6). */
const STANDARD_LEVELS = [
  { titleRu: 'Не представлено', titleEn: 'Missing', points: 0 },
  { titleRu: 'Частично', titleEn: 'Partly', points: 1 },
  { titleRu: 'В целом', titleEn: 'Mostly', points: 2 },
  { titleRu: 'Полностью', titleEn: 'Fully', points: 3 },
];
// A random suffix keeps keys unique after criteria are removed and added again.
const newCriterion = (i: number): RubricCriterion => ({ key: `c${i + 1}-${Math.random().toString(36).slice(2, 6)}`, titleRu: '', titleEn: '', weight: 50, levels: STANDARD_LEVELS });

/** Staff set an assignment on a module: kind, texts, due time in a zone, late policy, rubric, pass mark. */
export function AssignmentForm({ streamId, onDone }: { streamId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const modules = useQuery(modulesQuery(streamId));
  const [form, setForm] = useState({ moduleId: '', kind: 'individual', titleRu: '', titleEn: '', instructionsRu: '', instructionsEn: '', dueLocal: '', timeZone: 'Europe/Moscow', latePolicy: 'accept', passMark: 60, isRequired: true });
  const [rubric, setRubric] = useState<RubricCriterion[]>([newCriterion(0), newCriterion(1)]);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const setCriterion = (i: number, patch: Partial<RubricCriterion>) => setRubric((r) => r.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const create = useMutation({
    mutationFn: () => createAssignment({ ...form, kind: form.kind as 'individual' | 'team', latePolicy: form.latePolicy as 'accept' | 'refuse', rubric }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['assignments', streamId] });
      onDone();
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <Stack gap="sm">
        <Select
          label={t('assignments.module')}
          required
          value={form.moduleId || null}
          onChange={(v) => set({ moduleId: v ?? '' })}
          data={(modules.data ?? []).map((m) => ({ value: m.id, label: `${t('assignments.moduleNumber', { number: m.number })}: ${l.language === 'en' ? m.themeEn : m.themeRu}` }))}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('assignments.kindLabel')} value={form.kind} allowDeselect={false} onChange={(v) => set({ kind: v ?? 'individual' })} data={(['individual', 'team'] as const).map((k) => ({ value: k, label: t(`assignments.kind.${k}`) }))} />
          <Select label={t('assignments.latePolicyLabel')} value={form.latePolicy} allowDeselect={false} onChange={(v) => set({ latePolicy: v ?? 'accept' })} data={(['accept', 'refuse'] as const).map((k) => ({ value: k, label: t(`assignments.latePolicy.${k}`) }))} />
          <TextInput label={t('assignments.titleRu')} required value={form.titleRu} onChange={(e) => set({ titleRu: e.currentTarget.value })} />
          <TextInput label={t('assignments.titleEn')} required value={form.titleEn} onChange={(e) => set({ titleEn: e.currentTarget.value })} />
          <TextInput label={t('assignments.dueLabel')} type="datetime-local" required value={form.dueLocal} onChange={(e) => set({ dueLocal: e.currentTarget.value.slice(0, 16) })} />
          <TextInput label={t('assignments.timeZone')} required value={form.timeZone} onChange={(e) => set({ timeZone: e.currentTarget.value })} />
          <NumberInput label={t('assignments.passMarkLabel')} min={0} max={100} value={form.passMark} onChange={(v) => set({ passMark: Number(v) || 0 })} />
          <Checkbox mt="lg" label={t('assignments.required')} checked={form.isRequired} onChange={(e) => set({ isRequired: e.currentTarget.checked })} />
        </SimpleGrid>
        <Textarea label={t('assignments.instructionsRu')} autosize minRows={2} value={form.instructionsRu} onChange={(e) => set({ instructionsRu: e.currentTarget.value })} />
        <Textarea label={t('assignments.instructionsEn')} autosize minRows={2} value={form.instructionsEn} onChange={(e) => set({ instructionsEn: e.currentTarget.value })} />
        <Text fw={600}>{t('assignments.rubricTitle')}</Text>
        <Text size="sm" c="dimmed">{t('assignments.rubricHint')}</Text>
        {rubric.map((c, i) => (
          <Group key={i} align="flex-end" gap="xs" wrap="wrap">
            <TextInput label={t('assignments.criterionRu', { n: i + 1 })} required value={c.titleRu} onChange={(e) => setCriterion(i, { titleRu: e.currentTarget.value })} style={{ flex: 1, minWidth: 160 }} />
            <TextInput label={t('assignments.criterionEn', { n: i + 1 })} required value={c.titleEn} onChange={(e) => setCriterion(i, { titleEn: e.currentTarget.value })} style={{ flex: 1, minWidth: 160 }} />
            <NumberInput label={t('assignments.weightLabel')} min={1} max={100} w={90} value={c.weight} onChange={(v) => setCriterion(i, { weight: Number(v) || 1 })} />
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('assignments.removeCriterion', { n: i + 1 })} disabled={rubric.length <= 1} onClick={() => setRubric((r) => r.filter((_, j) => j !== i))}>
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button variant="subtle" w="fit-content" disabled={rubric.length >= 12} onClick={() => setRubric((r) => [...r, newCriterion(r.length)])}>
          {t('assignments.addCriterion')}
        </Button>
        <ProblemAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending}>{t('assignments.create')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
