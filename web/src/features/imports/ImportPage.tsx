import { useState } from 'react';
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { streamQuery } from '../programmes/programmes.api.ts';
import { StreamBreadcrumbs } from '../programmes/StreamBreadcrumbs.tsx';
import { CommitStep } from './CommitStep.tsx';
import { uploadPeopleFile, type ImportCheck } from './imports.api.ts';
import { JobProgress } from './JobProgress.tsx';
import { MappingForm } from './MappingForm.tsx';
import { ProblemsTable } from './ProblemsTable.tsx';
import { UploadStep } from './UploadStep.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

const route = getRouteApi('/app/streams/$streamId/import');

/** Import participants into a stream: upload → dry run (problems, mapping) → commit → progress → result. */
export function ImportPage() {
  const { t } = useTranslation();
  const { streamId } = route.useParams();
  const l = useLocalised();
  const stream = useQuery(streamQuery(streamId));
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const queryClient = useQueryClient();
  // The roster, the map and the counts changed: drop what was cached for them.
  const refreshStream = () => {
    for (const key of [['roster', streamId], ['regions-summary', streamId], ['stream', streamId], ['streams']]) void queryClient.invalidateQueries({ queryKey: key });
  };
  const restart = () => {
    setCheck(null);
    setJobId(null);
  };

  return (
    <QueryState query={stream}>
      {(s) => (
        <Stack>
          <StreamBreadcrumbs stream={s} current={t('imports.title')} />
          <PageTitle>{t('imports.titleFor', { stream: l.name(s) })}</PageTitle>
          {jobId ? (
            <Stack align="flex-start">
              <JobProgress jobId={jobId} onFinished={refreshStream} />
              <Group>
                <Button variant="default" onClick={restart}>
                  {t('imports.another')}
                </Button>
                <AnchorLink to="/streams/$streamId" params={{ streamId }}>
                  {t('imports.toRoster')}
                </AnchorLink>
              </Group>
            </Stack>
          ) : !check ? (
            <UploadStep upload={(file) => uploadPeopleFile(streamId, file)} onChecked={setCheck} />
          ) : (
            <DryRun check={check} onChecked={setCheck} onStarted={setJobId} onRestart={restart} />
          )}
        </Stack>
      )}
    </QueryState>
  );
}

interface DryRunProps {
  check: ImportCheck;
  onChecked: (c: ImportCheck) => void;
  onStarted: (jobId: string) => void;
  onRestart: () => void;
  /** Our fields the columns can map onto (people by default). */
  fields?: readonly string[];
  canInvite?: boolean;
}

/** The checked file: mapping, sample rows, problems and the commit step (shared by people and municipalities imports). */
export function DryRun({ check, onChecked, onStarted, onRestart, fields, canInvite }: DryRunProps) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Paper withBorder p="md">
        <Group justify="space-between" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h4">
              {t('imports.dryRun')}
            </Title>
            <Text size="sm">{t('imports.checked', { file: check.fileName, rows: check.rowCount, errors: check.errorCount, badRows: check.badRowCount })}</Text>
          </Stack>
          <Button variant="default" onClick={onRestart}>
            {t('imports.otherFile')}
          </Button>
        </Group>
      </Paper>
      <MappingForm key={JSON.stringify(check.mapping)} check={check} onChecked={onChecked} fields={fields} />
      {check.sample.length > 0 && <SampleTable check={check} />}
      {check.errors.length > 0 && <ProblemsTable key={check.uploadId + check.errorCount} uploadId={check.uploadId} problems={check.errors} errorCount={check.errorCount} />}
      <CommitStep check={check} onStarted={onStarted} canInvite={canInvite} />
    </Stack>
  );
}

function SampleTable({ check }: { check: ImportCheck }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('imports.sample')}
      </Title>
      <TableScroll label={t('imports.sampleCaption')}>
        <Table withTableBorder>
          <Table.Caption className="visually-hidden">{t('imports.sampleCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {check.columns.map((c) => (
                <Table.Th key={c}>{c}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {check.sample.map((row, i) => (
              <Table.Tr key={i}>
                {check.columns.map((c) => (
                  <Table.Td key={c}>{row[c] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}
