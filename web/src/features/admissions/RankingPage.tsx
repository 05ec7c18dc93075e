import { useState } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { useRegions } from '../../api/regions.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { commitRanking, fetchRankingState, previewRanking, whatIfRanking, type RankingConfig, type RankingPreview, type RankingState } from './admissions.api.ts';
import { DEFAULT_CONFIG, RankingConfigForm } from './RankingConfigForm.tsx';

const route = getRouteApi('/app/admissions/$campaignId/ranking');
type Candidate = RankingPreview['admitted'][number];
type Summary = RankingPreview['summary'];

/** Ranking: edit a proposal next to the committed configuration, see who moves, then commit with a reason. */
export function RankingPage() {
  const { t } = useTranslation();
  const { campaignId } = route.useParams();
  const state = useQuery({ queryKey: ['ranking-state', campaignId], queryFn: () => fetchRankingState(campaignId) });
  return (
    <Stack maw={1200}>
      <PageTitle>{t('admissions.rank.title')}</PageTitle>
      <Text size="sm" c="dimmed">
        {t('admissions.rank.tieBreak')}
      </Text>
      <QueryState query={state}>{(s) => <Workspace campaignId={campaignId} state={s} />}</QueryState>
    </Stack>
  );
}

function Workspace({ campaignId, state }: { campaignId: string; state: RankingState }) {
  const { t } = useTranslation();
  const { dateTime } = useLocalised();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState<RankingConfig>(state.config ?? DEFAULT_CONFIG);
  const [proposed, setProposed] = useState<RankingConfig>(state.config ?? DEFAULT_CONFIG);
  const [reason, setReason] = useState('');
  const preview = useMutation({ mutationFn: () => previewRanking(campaignId, proposed) });
  const whatIf = useMutation({ mutationFn: () => whatIfRanking(campaignId, current, proposed) });
  const commit = useMutation({
    mutationFn: () => commitRanking(campaignId, proposed, reason),
    onSuccess: () => {
      setCurrent(proposed);
      void queryClient.invalidateQueries({ queryKey: ['ranking-state', campaignId] });
      void queryClient.invalidateQueries({ queryKey: ['admission-campaign', campaignId] });
    },
  });
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <RankingConfigForm legend={t('admissions.rank.current')} value={current} onChange={setCurrent} />
        <RankingConfigForm legend={t('admissions.rank.proposed')} value={proposed} onChange={setProposed} />
      </SimpleGrid>
      <Group>
        <Button variant="light" onClick={() => preview.mutate()} loading={preview.isPending}>
          {t('admissions.rank.preview')}
        </Button>
        <Button onClick={() => whatIf.mutate()} loading={whatIf.isPending}>
          {t('admissions.rank.whatIf')}
        </Button>
      </Group>
      <ProblemAlert error={preview.error ?? whatIf.error} />
      {whatIf.data && (
        <Paper withBorder p="md">
          <Stack>
            <SummaryLine label={t('admissions.rank.current')} summary={whatIf.data.current} />
            <SummaryLine label={t('admissions.rank.proposed')} summary={whatIf.data.proposed} />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <CandidateTable title={t('admissions.rank.movedIn', { count: whatIf.data.movedIn.length })} rows={whatIf.data.movedIn} />
              <CandidateTable title={t('admissions.rank.movedOut', { count: whatIf.data.movedOut.length })} rows={whatIf.data.movedOut} />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('admissions.rank.computed', { ms: whatIf.data.computedMs })}
            </Text>
          </Stack>
        </Paper>
      )}
      {preview.data && (
        <Paper withBorder p="md">
          <Stack>
            <SummaryLine label={t('admissions.rank.proposed')} summary={preview.data.summary} />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <CandidateTable title={t('admissions.rank.admittedList')} rows={preview.data.admitted} />
              <CandidateTable title={t('admissions.rank.reserveList')} rows={preview.data.reserve} />
            </SimpleGrid>
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="md">
        <Stack>
          <Textarea label={t('admissions.rank.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
          <ProblemAlert error={commit.error} />
          {commit.data && (
            <Alert color="green" role="status">
              {t('admissions.rank.committed', { admitted: commit.data.summary.admitted, reserve: commit.data.summary.reserve })}
            </Alert>
          )}
          <Group>
            <Button color="green" onClick={() => commit.mutate()} loading={commit.isPending} disabled={reason.trim().length < 3}>
              {t('admissions.rank.commit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {state.runs.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('admissions.rank.history')}
          </Title>
          <Stack gap={4}>
            {state.runs.map((run) => (
              <Text key={run.id} size="sm">
                {dateTime(run.createdAt)} · {run.createdByEmail ?? '—'} · {run.reason} · {t('admissions.rank.committed', { admitted: run.summary.admitted, reserve: run.summary.reserve })}
              </Text>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/** Scores as the reader writes decimals: 73,94 in Russian, 73.94 in English. */
function useScoreFormat() {
  const { language } = useLocalised();
  const format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (n: number | null | undefined) => (n === null || n === undefined ? '—' : format.format(n));
}

function SummaryLine({ label, summary }: { label: string; summary: Summary }) {
  const { t } = useTranslation();
  const score = useScoreFormat();
  return (
    <Text size="sm">
      <b>{label}:</b> {t('admissions.rank.summary', { ...summary, cutoff: score(summary.cutoff) })}
    </Text>
  );
}

function CandidateTable({ title, rows }: { title: string; rows: Candidate[] }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const score = useScoreFormat();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admissions.rank.nobody')}
        </Text>
      ) : (
        <TableScroll label={title}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admissions.table.rank')}</Table.Th>
                <Table.Th>{t('admissions.table.name')}</Table.Th>
                <Table.Th>{t('admissions.table.region')}</Table.Th>
                <Table.Th>{t('admissions.table.score')}</Table.Th>
                <Table.Th>{t('admissions.table.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice(0, 300).map((r) => (
                <Table.Tr key={r.applicationId}>
                  <Table.Td>{r.position}</Table.Td>
                  <Table.Td>{r.fullName}</Table.Td>
                  <Table.Td>{regions.name(r.regionCode)}</Table.Td>
                  <Table.Td>{score(r.compositeScore)}</Table.Td>
                  <Table.Td>{t(`admissions.decisionReason.${r.reason}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
