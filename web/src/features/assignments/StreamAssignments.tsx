import { useState } from 'react';
import { Badge, Button, Group, MultiSelect, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDue } from './assignments-format.ts';
import { assignmentSubmissionsQuery, graderCandidatesQuery, releaseGrades, setGraders, streamAssignmentsQuery, titleOf, type Assignment } from './assignments.api.ts';
import { AssignmentForm } from './AssignmentForm.tsx';
import { GradebookSection } from './GradebookSection.tsx';
import { SubmissionList } from './SubmissionList.tsx';

/** The stream's assignments tab for staff: set assignments, choose graders, release grades, the gradebook. */
export function StreamAssignments({ streamId }: { streamId: string }) {
  const { t } = useTranslation();
  const [isCreating, setCreating] = useState(false);
  const list = useQuery(streamAssignmentsQuery(streamId));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">{t('assignments.streamTitle')}</Title>
        <Button onClick={() => setCreating(true)}>{t('assignments.new')}</Button>
      </Group>
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('assignments.noneInStream')}</Text>
          ) : (
            <Stack gap="sm">
              {data.items.map((a) => (
                <AssignmentRow key={a.id} streamId={streamId} assignment={a} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <GradebookSection streamId={streamId} />
      <AppModal opened={isCreating} onClose={() => setCreating(false)} title={t('assignments.new')}>
        <AssignmentForm streamId={streamId} onDone={() => setCreating(false)} />
      </AppModal>
    </Stack>
  );
}

function AssignmentRow({ streamId, assignment: a }: { streamId: string; assignment: Assignment }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const candidates = useQuery(graderCandidatesQuery(streamId));
  const submissions = useQuery(assignmentSubmissionsQuery(a.id));
  const [graders, setGraderIds] = useState<string[]>(a.graderUserIds);
  const [isRebalancing, setRebalancing] = useState(false);
  const [isListOpen, setListOpen] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['assignments', streamId] });
    void queryClient.invalidateQueries({ queryKey: ['assignment-submissions', a.id] });
    void queryClient.invalidateQueries({ queryKey: ['gradebook', streamId] });
  };
  const saveGraders = useMutation({ mutationFn: () => setGraders(a.id, graders, isRebalancing), onSuccess: refresh });
  const release = useMutation({ mutationFn: () => releaseGrades(a.id), onSuccess: refresh });
  const items = submissions.data?.items ?? [];
  const graded = items.filter((s) => s.grade).length;
  const unreleased = items.filter((s) => s.grade && !s.grade.releasedAt).length;
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Group gap="xs">
          <Text fw={600}>{titleOf(a, l.language)}</Text>
          <Badge variant="light">{t('assignments.moduleNumber', { number: a.moduleNumber })}</Badge>
          <Badge variant="light" color="dark">{t(`assignments.kind.${a.kind}`)}</Badge>
          {!a.isRequired && <Badge variant="outline" color="gray">{t('assignments.optional')}</Badge>}
        </Group>
        <Text size="sm">
          {t('assignments.due', { due: formatDue(a.dueAt, a.timeZone, l.language) })} · {t(`assignments.latePolicy.${a.latePolicy}`)} · {t('assignments.passMark', { mark: a.passMark })}
        </Text>
        <Text size="sm" c="dimmed">{t('assignments.counts', { submitted: items.length, graded, unreleased })}</Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <MultiSelect
            label={t('assignments.graders')}
            data={(candidates.data?.items ?? []).map((c) => ({ value: c.userId, label: c.displayName }))}
            value={graders}
            onChange={setGraderIds}
            searchable
            w={{ base: '100%', sm: 320 }}
          />
          <Switch label={t('assignments.rebalance')} checked={isRebalancing} onChange={(e) => setRebalancing(e.currentTarget.checked)} />
          <Button variant="light" onClick={() => saveGraders.mutate()} loading={saveGraders.isPending}>
            {t('assignments.shareOut')}
          </Button>
          <Button variant="filled" color="green" onClick={() => release.mutate()} loading={release.isPending} disabled={unreleased === 0}>
            {t('assignments.release', { count: unreleased })}
          </Button>
        </Group>
        <ProblemAlert error={saveGraders.error ?? release.error} />
        {items.length > 0 && (
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => setListOpen((v) => !v)} aria-expanded={isListOpen}>
            {t(isListOpen ? 'assignments.hideSubmissions' : 'assignments.showSubmissions', { count: items.length })}
          </Button>
        )}
        {isListOpen && <SubmissionList assignmentId={a.id} items={items} graders={candidates.data?.items ?? []} />}
        {release.isSuccess && <Text size="sm" role="status">{t('assignments.releasedCount', { count: release.data.released })}</Text>}
      </Stack>
    </Paper>
  );
}
