import { useState } from 'react';
import { Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { CRITERIA, IMPLEMENTATION_STATUSES, projectQuery, saveScores, setResult, updateImplementation, type Project } from './projects.api.ts';

function useRefresh(project: Project) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: projectQuery(project.id).queryKey });
    void queryClient.invalidateQueries({ queryKey: ['projects', project.streamId] });
  };
}

/** The defence: its session, the panel, mean scores per criterion; panel members score, staff decide. */
export function DefenceSection({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const l = useLocalised();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('projects.defence')}
      </Title>
      <Text size="sm">
        {p.defence.sessionTitle ? `${p.defence.sessionTitle} · ${l.dateTime(p.defence.sessionStartsAt)}` : t('projects.noDefenceSession')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('projects.panel')}: {p.defence.panel.map((m) => m.displayName).join(', ') || '—'}
      </Text>
      <Table mt="xs" withTableBorder>
        <Table.Caption>{t('projects.averages')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('projects.criterion')}</Table.Th>
            <Table.Th>{t('projects.mean')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.defence.averages.map((a) => (
            <Table.Tr key={a.criterion}>
              <Table.Td>{t(`projects.criteria.${a.criterion}`)}</Table.Td>
              <Table.Td>{a.mean ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {p.can.score && <ScoreForm project={p} />}
      {p.can.manage && <ResultForm project={p} />}
    </Paper>
  );
}

function ScoreForm({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const refresh = useRefresh(p);
  const mine = new Map(p.defence.scores.map((s) => [s.criterion, s.score]));
  const [scores, setScores] = useState<Record<string, number>>(Object.fromEntries(CRITERIA.map((c) => [c, mine.get(c) ?? 7])));
  const save = useMutation({ mutationFn: () => saveScores(p.id, { scores: CRITERIA.map((criterion) => ({ criterion, score: scores[criterion] ?? 7, comment: '' })) }), onSuccess: refresh });
  return (
    <Stack mt="sm" gap="xs">
      <Text fw={600}>{t('projects.yourScores')}</Text>
      <Group wrap="wrap">
        {CRITERIA.map((c) => (
          <NumberInput key={c} label={t(`projects.criteria.${c}`)} min={1} max={10} allowDecimal={false} w={140} value={scores[c]} onChange={(v) => setScores((s) => ({ ...s, [c]: typeof v === 'number' ? v : 1 }))} />
        ))}
      </Group>
      <ProblemAlert error={save.error} />
      <Group>
        <Button variant="light" onClick={() => save.mutate()} loading={save.isPending}>
          {t('projects.saveScores')}
        </Button>
      </Group>
    </Stack>
  );
}

function ResultForm({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const refresh = useRefresh(p);
  const [result, setValue] = useState<string | null>(p.defence.result);
  const save = useMutation({ mutationFn: () => setResult(p.id, (result ?? 'pending') as 'pending'), onSuccess: refresh });
  return (
    <Group mt="sm" align="flex-end" wrap="wrap">
      <Select label={t('projects.result')} allowDeselect={false} data={(['pending', 'passed', 'failed'] as const).map((r) => ({ value: r, label: t(`projects.results.${r}`) }))} value={result} onChange={setValue} w={200} />
      <Button onClick={() => save.mutate()} loading={save.isPending}>
        {t('projects.saveResult')}
      </Button>
      <ProblemAlert error={save.error} />
    </Group>
  );
}

/** After graduation the project's alumni report how its implementation goes; every report is kept. */
export function ImplementationSection({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const refresh = useRefresh(p);
  const [status, setStatus] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const save = useMutation({ mutationFn: () => updateImplementation(p.id, { status: (status ?? 'in_progress') as 'in_progress', note }), onSuccess: () => (refresh(), setNote('')) });
  if (p.implementation.length === 0 && !p.can.updateImplementation) return null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('projects.implementation')}
      </Title>
      <Stack gap={4}>
        {p.implementation.map((u) => (
          <Text key={`${u.createdAt}-${u.status}`} size="sm">
            <strong>{t(`projects.statuses.${u.status}`)}</strong> · {l.date(u.createdAt)}
            {u.updatedBy ? ` · ${u.updatedBy}` : ''}
            {u.note ? ` — ${u.note}` : ''}
          </Text>
        ))}
      </Stack>
      {p.can.updateImplementation && (
        <Stack component="form" gap="xs" mt="sm" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
          <Select label={t('projects.status')} required data={IMPLEMENTATION_STATUSES.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))} value={status} onChange={setStatus} w={260} />
          <Textarea label={t('projects.note')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <ProblemAlert error={save.error} />
          <Group>
            <Button type="submit" variant="light" disabled={!status} loading={save.isPending}>
              {t('projects.report')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
