import { useState } from 'react';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '@ms/contracts/imports';
import { TablePager } from '../../components/TablePager.tsx';
import { reportCsvUrl } from './imports.api.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

const PAGE_SIZE = 25;

/** The dry run's row-level problems (row, field, message), paged here, with the full report as CSV. */
export function ProblemsTable({ uploadId, problems, errorCount }: { uploadId: string; problems: ImportProblem[]; errorCount: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const rows = problems.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('imports.problems')}
        </Title>
        <Button component="a" href={reportCsvUrl(uploadId)} download variant="default" size="xs">
          {t('imports.downloadReport')}
        </Button>
      </Group>
      {errorCount > problems.length && (
        <Text size="sm" c="dimmed">
          {t('imports.problemsTruncated', { shown: problems.length, total: errorCount })}
        </Text>
      )}
      <TableScroll label={t('imports.problemsCaption')}>
        <Table striped>
          <Table.Caption className="visually-hidden">{t('imports.problemsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.row')}</Table.Th>
              <Table.Th>{t('imports.field')}</Table.Th>
              <Table.Th>{t('imports.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p, i) => (
              <Table.Tr key={`${p.row}:${p.field}:${i}`}>
                <Table.Td>{p.row}</Table.Td>
                <Table.Td>{p.column ?? p.field}</Table.Td>
                <Table.Td>{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <TablePager page={page} pageSize={PAGE_SIZE} total={problems.length} onPage={setPage} />
    </Stack>
  );
}
