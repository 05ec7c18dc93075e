import { Badge, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useClientTable } from '../../components/client-table.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { gradingQueueQuery, titleOf, type GradingQueue } from './assignments.api.ts';

type Row = GradingQueue['items'][number];
const route = getRouteApi('/app/grading');
export const QUEUE_STATUSES = ['to_grade', 'graded', 'all'] as const;

/** The expert's queue: only the submissions staff assigned to them, to grade first. */
export function GradingQueuePage() {
  const { t } = useTranslation();
  const l = useLocalised();
  const { status = 'to_grade' } = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(gradingQueueQuery(status));
  const columns: Array<Column<Row>> = [
    {
      key: 'owner',
      label: t('assignments.owner'),
      sortField: 'owner',
      card: 'title',
      render: (r) => (
        <AnchorLink to="/grading/$submissionId" params={{ submissionId: r.id }}>
          {r.ownerName}
        </AnchorLink>
      ),
    },
    { key: 'assignment', label: t('assignments.assignment'), sortField: 'assignment', render: (r) => titleOf({ titleRu: r.assignmentTitleRu, titleEn: r.assignmentTitleEn }, l.language) },
    { key: 'submitted', label: t('assignments.submittedAt'), sortField: 'submitted', nowrap: true, render: (r) => l.dateTime(r.lastSubmittedAt) },
    {
      key: 'state',
      label: t('assignments.state'),
      card: 'badge',
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          {r.isLate && <Badge color="red" variant="light" miw="max-content">{t('assignments.late')}</Badge>}
          {r.grade ? (
            <Badge color={r.grade.isPassed ? (r.grade.releasedAt ? 'green.9' : 'green') : r.grade.releasedAt ? 'red.9' : 'red'} variant={r.grade.releasedAt ? 'filled' : 'light'}>
              {l.number(r.grade.score)}
            </Badge>
          ) : (
            <Badge color="yellow" variant="light" miw="max-content">{t('assignments.toGrade')}</Badge>
          )}
        </Group>
      ),
    },
  ];
  const assignmentOf = (r: Row) => titleOf({ titleRu: r.assignmentTitleRu, titleEn: r.assignmentTitleEn }, l.language);
  // The queue comes whole (an expert's share of a stream): search, order and pages work on the page; oldest first.
  const table = useClientTable(
    query.data?.items ?? [],
    { searchText: (r) => `${r.ownerName} ${assignmentOf(r)}`, sortKeys: { owner: (r) => r.ownerName, assignment: assignmentOf, submitted: (r) => r.lastSubmittedAt } },
    { initialSort: { field: 'submitted', dir: 'asc' }, locale: l.language },
  );
  return (
    <Stack>
      <PageTitle>{t('assignments.gradingTitle')}</PageTitle>
      <SegmentedControl
        aria-label={t('assignments.state')}
        value={status}
        onChange={(value) => void navigate({ search: { status: value === 'graded' || value === 'all' ? value : undefined } })}
        data={QUEUE_STATUSES.map((value) => ({ value, label: t(`assignments.queue.${value}`) }))}
        w="fit-content"
      />
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('assignments.queueEmpty')}</Text>
          ) : (
            <Stack gap="xs">
              <SearchInput label={t('assignments.queueSearch')} {...table.search} />
              <ResponsiveTable caption={t('assignments.gradingTitle')} rows={table.rows} rowKey={(r) => r.id} columns={columns} sort={table.sort} />
              <TablePager {...table.pager} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
