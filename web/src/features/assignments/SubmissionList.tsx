import { Badge, Group, Select } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { put } from '../../api/client.ts';
import { useLocalised } from '../../api/names.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import type { Submission } from './assignments.api.ts';

const moveTo = (submissionId: string, userId: string) => put<{ ok: true }>(`/api/submissions/${submissionId}/grader`, { userId });

/** An assignment's submissions for staff: author, grader (changeable one by one), state; opens the grading page. */
export function SubmissionList({ assignmentId, items, graders }: { assignmentId: string; items: Submission[]; graders: Array<{ userId: string; displayName: string }> }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: ({ id, userId }: { id: string; userId: string }) => moveTo(id, userId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['assignment-submissions', assignmentId] }),
  });
  const columns: Array<Column<Submission>> = [
    {
      key: 'owner',
      label: t('assignments.owner'),
      card: 'title',
      render: (s) => (
        <AnchorLink to="/grading/$submissionId" params={{ submissionId: s.id }}>
          {s.ownerName}
        </AnchorLink>
      ),
    },
    { key: 'submitted', label: t('assignments.submittedAt'), nowrap: true, render: (s) => l.dateTime(s.lastSubmittedAt) },
    {
      key: 'grader',
      label: t('assignments.grader'),
      render: (s) => (
        <Select
          aria-label={t('assignments.graderFor', { name: s.ownerName })}
          size="xs"
          w={200}
          value={s.graderUserId}
          placeholder={t('assignments.noGrader')}
          data={graders.map((g) => ({ value: g.userId, label: g.displayName }))}
          onChange={(userId) => userId && move.mutate({ id: s.id, userId })}
          allowDeselect={false}
        />
      ),
    },
    {
      key: 'state',
      label: t('assignments.state'),
      card: 'badge',
      render: (s) => (
        <Group gap={4} wrap="nowrap">
          {s.isLate && <Badge color="red" variant="light" miw="max-content">{t('assignments.late')}</Badge>}
          {s.grade ? (
            <Badge color={s.grade.isPassed ? 'green' : 'red'} variant="light" miw="max-content">
              {l.number(s.grade.score)}
              {s.grade.releasedAt ? '' : ` · ${t('assignments.unreleasedShort')}`}
            </Badge>
          ) : (
            <Badge color="yellow" variant="light" miw="max-content">{t('assignments.toGrade')}</Badge>
          )}
        </Group>
      ),
    },
  ];
  return (
    <>
      <ProblemAlert error={move.error} />
      <ResponsiveTable caption={t('assignments.submissionsCaption')} rows={items} rowKey={(s) => s.id} columns={columns} />
    </>
  );
}
