import { useState } from 'react';
import { Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { fromLocalInput, toLocalInput } from './admissions-text.ts';
import { assignExperts, fetchExpertStage, fetchExpertUsers, fetchWorkload, saveExpertPool, saveExpertStage, type ExpertStage, type SetExpertStageBody } from './experts.api.ts';

const route = getRouteApi('/app/admissions/$campaignId/experts');

const SAMPLE_RUBRIC: SetExpertStageBody['rubric'] = [
  { key: 'vision', titleRu: 'Видение развития территории', titleEn: 'Vision for the territory', weight: 3, maxPoints: 10 },
  { key: 'realism', titleRu: 'Реалистичность', titleEn: 'Realism', weight: 2, maxPoints: 10 },
];

/** Staff set up the expert-scored stage: rubric, threshold, deadline, expert pool; then assign and watch the workload. */
export function ExpertStagePage() {
  const { t } = useTranslation();
  const { campaignId } = route.useParams();
  const query = useQuery({ queryKey: ['expert-stage', campaignId], queryFn: () => fetchExpertStage(campaignId) });
  return (
    <Stack maw={1000}>
      <PageTitle>{t('admissions.experts.title')}</PageTitle>
      <QueryState query={query}>
        {(stage) => (
          <Stack>
            <StageForm campaignId={campaignId} stage={stage} />
            <PoolForm campaignId={campaignId} stage={stage} />
            <WorkloadView campaignId={campaignId} stage={stage} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function StageForm({ campaignId, stage }: { campaignId: string; stage: ExpertStage }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const s = stage.stage;
  const [kind, setKind] = useState<'essay' | 'case'>(s?.kind ?? 'essay');
  const [taskRu, setTaskRu] = useState(s?.taskRu ?? '');
  const [taskEn, setTaskEn] = useState(s?.taskEn ?? '');
  const [threshold, setThreshold] = useState<number>(s?.discrepancyThreshold ?? 20);
  const [dueAt, setDueAt] = useState(s?.dueAt ?? new Date(Date.now() + 14 * 86_400_000).toISOString());
  const [rubric, setRubric] = useState(JSON.stringify(s?.rubric ?? SAMPLE_RUBRIC, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (parsed: SetExpertStageBody['rubric']) => saveExpertStage(campaignId, { kind, taskRu, taskEn, rubric: parsed, discrepancyThreshold: threshold, dueAt }),
    onSuccess: (next) => queryClient.setQueryData(['expert-stage', campaignId], next),
  });
  const submit = () => {
    try {
      const parsed: unknown = JSON.parse(rubric);
      if (!Array.isArray(parsed)) throw new Error('not an array');
      setJsonError(null);
      save.mutate(parsed as SetExpertStageBody['rubric']);
    } catch {
      setJsonError(t('admissions.test.badJson'));
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>{t('admissions.experts.stage')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label={t('admissions.experts.kind')} value={kind} onChange={(v) => setKind(v === 'case' ? 'case' : 'essay')} data={[{ value: 'essay', label: t('admissions.experts.kindEssay') }, { value: 'case', label: t('admissions.experts.kindCase') }]} />
          <NumberInput label={t('admissions.experts.threshold')} description={t('admissions.experts.thresholdHint')} value={threshold} onChange={(n) => setThreshold(Number(n) || 0)} min={0} max={100} />
          <TextInput type="datetime-local" label={t('admissions.experts.dueAt')} value={toLocalInput(dueAt)} onChange={(e) => e.currentTarget.value && setDueAt(fromLocalInput(e.currentTarget.value))} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label={t('admissions.experts.taskRu')} value={taskRu} onChange={(e) => setTaskRu(e.currentTarget.value)} autosize minRows={2} />
          <Textarea label={t('admissions.experts.taskEn')} value={taskEn} onChange={(e) => setTaskEn(e.currentTarget.value)} autosize minRows={2} />
        </SimpleGrid>
        <Textarea label={t('admissions.experts.rubric')} description={t('admissions.experts.rubricHint')} value={rubric} onChange={(e) => setRubric(e.currentTarget.value)} autosize minRows={6} error={jsonError} styles={{ input: { fontFamily: 'monospace' } }} />
        <ProblemAlert error={save.error} />
        {save.isSuccess && (
          <Text size="sm" c="green.9" role="status">
            {t('admissions.experts.saved')}
          </Text>
        )}
        <Button onClick={submit} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('admissions.experts.saveStage')}
        </Button>
      </Stack>
    </Paper>
  );
}

function PoolForm({ campaignId, stage }: { campaignId: string; stage: ExpertStage }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['expert-users'], queryFn: fetchExpertUsers });
  const [chosen, setChosen] = useState<Record<string, string>>(Object.fromEntries(stage.experts.map((e) => [e.userId, e.regionCode])));
  const save = useMutation({
    mutationFn: () => saveExpertPool(campaignId, Object.entries(chosen).map(([userId, regionCode]) => (regionCode ? { userId, regionCode } : { userId }))),
    onSuccess: (next) => {
      queryClient.setQueryData(['expert-stage', campaignId], next);
      setChosen(Object.fromEntries(next.experts.map((e) => [e.userId, e.regionCode])));
    },
  });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>{t('admissions.experts.pool')}</Title>
        <Text size="sm" c="dimmed">
          {t('admissions.experts.poolHint')}
        </Text>
        <QueryState query={users}>
          {(list) => (
            <Stack gap="xs">
              {list.items.map((u) => (
                <Group key={u.id} gap="sm" wrap="nowrap">
                  <Checkbox
                    label={`${u.displayName} · ${u.email}`}
                    checked={u.id in chosen}
                    onChange={(e) => {
                      const next = { ...chosen };
                      if (e.currentTarget.checked) next[u.id] = '';
                      else delete next[u.id];
                      setChosen(next);
                    }}
                    style={{ flex: 1 }}
                  />
                  {u.id in chosen && (
                    <TextInput size="xs" w={110} aria-label={t('admissions.experts.region')} placeholder={t('admissions.experts.regionFromPerson')} value={chosen[u.id]} onChange={(e) => setChosen({ ...chosen, [u.id]: e.currentTarget.value.toUpperCase() })} />
                  )}
                </Group>
              ))}
            </Stack>
          )}
        </QueryState>
        <ProblemAlert error={save.error} />
        <Button onClick={() => save.mutate()} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('admissions.experts.savePool')}
        </Button>
      </Stack>
    </Paper>
  );
}

function WorkloadView({ campaignId, stage }: { campaignId: string; stage: ExpertStage }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const workload = useQuery({ queryKey: ['expert-workload', campaignId], queryFn: () => fetchWorkload(campaignId) });
  const assign = useMutation({
    mutationFn: () => assignExperts(campaignId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['expert-workload', campaignId] });
      void queryClient.invalidateQueries({ queryKey: ['expert-stage', campaignId] });
    },
  });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{t('admissions.experts.workload')}</Title>
          <Button onClick={() => assign.mutate()} loading={assign.isPending} disabled={!stage.stage || stage.experts.length < 2}>
            {t('admissions.experts.assign')}
          </Button>
        </Group>
        {assign.data && <Text size="sm" role="status">{t('admissions.experts.assigned', assign.data)}</Text>}
        <ProblemAlert error={assign.error} />
        <QueryState query={workload}>
          {(w) => (
            <Stack gap="xs">
              <Text size="sm">{t('admissions.experts.summary', { scored: w.scoredApplications, third: w.thirdScorings })}</Text>
              <TableScroll label={t('admissions.experts.workload')}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('admissions.experts.expert')}</Table.Th>
                      <Table.Th>{t('admissions.experts.region')}</Table.Th>
                      <Table.Th ta="right">{t('admissions.experts.assignedCol')}</Table.Th>
                      <Table.Th ta="right">{t('admissions.experts.done')}</Table.Th>
                      <Table.Th ta="right">{t('admissions.experts.overdue')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {w.items.map((row) => (
                      <Table.Tr key={row.userId}>
                        <Table.Td>{row.displayName}</Table.Td>
                        <Table.Td>{row.regionCode}</Table.Td>
                        <Table.Td ta="right">{row.assigned}</Table.Td>
                        <Table.Td ta="right">{row.done}</Table.Td>
                        <Table.Td ta="right" c={row.overdue > 0 ? 'red.8' : undefined}>
                          {row.overdue}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
