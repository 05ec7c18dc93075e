import { useState } from 'react';
import { Anchor, Badge, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { gradebookExportUrl, gradebookQuery, titleOf, type Gradebook, type GradebookParams } from './assignments.api.ts';

type Cell = Gradebook['items'][number]['cells'][number];
const STATUSES = ['all', 'passing', 'failing', 'missing'] as const;
const SORTS = [
  { value: 'name:asc', key: 'name_asc' },
  { value: 'name:desc', key: 'name_desc' },
  { value: 'average:desc', key: 'average_desc' },
  { value: 'average:asc', key: 'average_asc' },
] as const;

/** participants × assignments: scores, late flags, pass/fail; filter, sort, page, CSV and XLSX. */
export function GradebookSection({ streamId }: { streamId: string }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const [query, setQuery] = useState<GradebookParams>({ status: 'all', sort: 'name', order: 'asc', page: 1, pageSize: 25 });
  const book = useQuery({ ...gradebookQuery(streamId, query), placeholderData: keepPreviousData });
  const update = (patch: Partial<typeof query>) => setQuery((q) => ({ ...q, page: 1, ...patch }));
  return (
    <Stack component="section" aria-labelledby="gradebook-heading" gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4" id="gradebook-heading">{t('assignments.gradebook')}</Title>
        <Group gap="md">
          <Anchor href={gradebookExportUrl(streamId, query, 'csv')} download>{t('assignments.exportCsv')}</Anchor>
          <Anchor href={gradebookExportUrl(streamId, query, 'xlsx')} download>{t('assignments.exportXlsx')}</Anchor>
        </Group>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SearchInput label={t('assignments.searchPeople')} value={query.q} onSearch={(q) => update({ q })} />
        <Select label={t('assignments.statusFilter')} value={query.status} allowDeselect={false} onChange={(v) => update({ status: (v ?? 'all') as (typeof STATUSES)[number] })} data={STATUSES.map((s) => ({ value: s, label: t(`assignments.bookStatus.${s}`) }))} w={200} />
        <Select
          label={t('assignments.sortLabel')}
          value={`${query.sort}:${query.order}`}
          allowDeselect={false}
          onChange={(v) => {
            const [sort, order] = (v ?? 'name:asc').split(':') as ['name' | 'average', 'asc' | 'desc'];
            update({ sort, order });
          }}
          data={SORTS.map((s) => ({ value: s.value, label: t(`assignments.sort.${s.key}`) }))}
          w={220}
        />
      </Group>
      <QueryState query={book}>
        {(data) => (
          <>
            <TableScroll label={t('assignments.gradebook')}>
              <Table striped>
                <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>{t('assignments.gradebookCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('assignments.participant')}</Table.Th>
                    <Table.Th scope="col">{t('assignments.team')}</Table.Th>
                    {data.assignments.map((a) => (
                      <Table.Th scope="col" key={a.id} title={titleOf(a, l.language)}>
                        {`M${a.moduleNumber}`} {titleOf(a, l.language).slice(0, 24)}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col">{t('assignments.average')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((row) => (
                    <Table.Tr key={row.personId}>
                      <Table.Th scope="row" fw={500}>{row.fullName}</Table.Th>
                      <Table.Td>{row.teamName ?? '—'}</Table.Td>
                      {row.cells.map((c) => (
                        <Table.Td key={c.assignmentId}>
                          <CellView cell={c} />
                        </Table.Td>
                      ))}
                      <Table.Td>{row.average === null ? '—' : l.number(row.average)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
            {data.items.length === 0 && <Text c="dimmed">{t('common.nothingFound')}</Text>}
            <TablePager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setQuery((q) => ({ ...q, page }))} onPageSize={(pageSize) => update({ pageSize })} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function CellView({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  const l = useLocalised();
  if (!cell.isSubmitted) return <Text size="sm" c="dimmed">{t('assignments.cellMissing')}</Text>;
  return (
    <Group gap={4} wrap="nowrap">
      {cell.score === null ? <Text size="sm">{t('assignments.cellUngraded')}</Text> : <Text size="sm" fw={600} c={cell.isPassed ? 'green.9' : 'red.9'}>{l.number(cell.score)}</Text>}
      {cell.isLate && <Badge size="xs" color="red" variant="light">{t('assignments.lateShort')}</Badge>}
      {cell.score !== null && !cell.isReleased && <Badge size="xs" color="gray" variant="light">{t('assignments.unreleasedShort')}</Badge>}
    </Group>
  );
}
