import { useState } from 'react';
import { Alert, Button, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AttendanceImportResult } from '@ms/contracts/schedule-attendance';
import { post } from '../../api/client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';

type RowError = AttendanceImportResult['errors'][number];

const importAttendance = (streamId: string, csv: string, isDryRun: boolean) => post<AttendanceImportResult>(`/api/streams/${streamId}/attendance/import`, { csv, isDryRun });

/**
 * CSV import of attendance marks: the file is read in the browser, checked first (a dry run listing
 * row errors), and imported only when the check found none.
 */
export function AttendanceImport({ streamId }: { streamId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const check = useMutation({ mutationFn: (text: string) => importAttendance(streamId, text, true) });
  const apply = useMutation({
    mutationFn: (text: string) => importAttendance(streamId, text, false),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['attendance', streamId] });
      void queryClient.invalidateQueries({ queryKey: ['roll-call'] });
    },
  });
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setCsv(null);
    check.reset();
    apply.reset();
  };
  const runCheck = async () => {
    if (!file) return;
    const text = await file.text();
    setCsv(text);
    apply.reset();
    check.mutate(text);
  };
  const columns: Array<Column<RowError>> = [
    { key: 'row', label: t('attendanceImport.row'), render: (e) => e.row, card: 'title', nowrap: true },
    { key: 'field', label: t('attendanceImport.field'), render: (e) => e.path || '—' },
    { key: 'message', label: t('attendanceImport.message'), render: (e) => e.message },
  ];
  const checked = check.data;
  const canImport = checked !== undefined && checked.errors.length === 0 && checked.rows > 0 && csv !== null && !apply.isSuccess;

  return (
    <Stack component="section" aria-labelledby="attendance-import-heading" gap="xs">
      <Title order={2} size="h4" id="attendance-import-heading">
        {t('attendanceImport.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('attendanceImport.hint')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FileInput label={t('attendanceImport.file')} accept=".csv,text/csv" clearable value={file} onChange={choose} w={{ base: '100%', xs: 320 }} placeholder={t('attendanceImport.choose')} />
        <Button variant="light" onClick={() => void runCheck()} disabled={!file} loading={check.isPending}>
          {t('attendanceImport.check')}
        </Button>
        {canImport && (
          <Button onClick={() => apply.mutate(csv)} loading={apply.isPending}>
            {t('attendanceImport.import', { count: checked.rows })}
          </Button>
        )}
      </Group>
      <ProblemAlert error={check.error ?? apply.error} />
      {checked && !apply.data && (
        <div role="status">
          {checked.errors.length === 0 ? (
            <Alert color="green" variant="light" title={t('attendanceImport.checkedOk', { count: checked.rows })}>
              {t('attendanceImport.checkedOkHint')}
            </Alert>
          ) : (
            <Alert color="red" variant="light" title={t('attendanceImport.checkedErrors', { count: checked.errors.length, rows: checked.rows })}>
              {t('attendanceImport.fixAndRetry')}
            </Alert>
          )}
        </div>
      )}
      {checked && checked.errors.length > 0 && !apply.data && (
        <ResponsiveTable caption={t('attendanceImport.errorsCaption')} rows={checked.errors} rowKey={(e) => `${e.row}:${e.path}:${e.message}`} columns={columns} />
      )}
      {apply.data && (
        <Alert color="green" variant="light" role="status" title={t('attendanceImport.done', { count: apply.data.applied })}>
          {t('attendanceImport.doneHint', { rows: apply.data.rows })}
        </Alert>
      )}
    </Stack>
  );
}
