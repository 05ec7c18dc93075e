import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Progress, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useClientTable } from '../../components/client-table.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { jobQuery } from '../imports/imports.api.ts';
import { CeremonySchedule } from './CeremonySchedule.tsx';
import { pdfUrl, reinstateDiploma, revokeDiploma, setOverride, startIssue, streamDiplomasQuery, zipUrl, type StreamDiplomas as Data } from './diplomas.api.ts';

type Row = Data['rows'][number];
type Dialog = { kind: 'override'; row: Row } | { kind: 'revoke' | 'reinstate'; row: Row } | null;
const STATUS_COLOR = { valid: 'green', revoked: 'red', expired: 'orange' } as const;
const FILTERS = ['all', 'eligible', 'not_eligible', 'override', 'issued', 'not_issued', 'revoked'] as const;
type Filter = (typeof FILTERS)[number];

function matches(row: Row, filter: Filter): boolean {
  if (filter === 'eligible') return row.isEligible;
  if (filter === 'not_eligible') return !row.isEligible;
  if (filter === 'override') return row.override !== null;
  if (filter === 'issued') return row.diploma !== null;
  if (filter === 'not_issued') return row.diploma === null;
  if (filter === 'revoked') return row.diploma?.status === 'revoked';
  return true;
}

/** Staff: who may get a diploma (completion rules, overrides with reasons), bulk issue with progress, revoke/reinstate, ZIP. */
export function StreamDiplomas({ streamId }: { streamId: string }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const data = useQuery(streamDiplomasQuery(streamId));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['diplomas', 'stream', streamId] });
  const issue = useMutation({ mutationFn: () => startIssue(streamId), onSuccess: (r) => setJobId(r.jobId) });

  const columns: Array<Column<Row>> = [
    { key: 'name', label: t('diplomas.participant'), sortField: 'name', card: 'title', render: (r) => r.fullName },
    { key: 'attendance', label: t('diplomas.attendance'), sortField: 'attendance', nowrap: true, render: (r) => `${l.number(r.attendancePct)} %` },
    {
      key: 'eligible',
      label: t('diplomas.eligibility'),
      nowrap: true,
      render: (r) => (
        <Stack gap={2}>
          <Badge color={r.isEligible ? 'green' : 'gray'} variant={r.override ? 'outline' : 'light'} miw="max-content">
            {t(r.isEligible ? 'diplomas.eligible' : 'diplomas.notEligible')}
          </Badge>
          {r.override && <Text size="xs">{t('diplomas.overrideNote', { reason: r.override.reason })}</Text>}
        </Stack>
      ),
    },
    {
      key: 'diploma',
      label: t('diplomas.diploma'),
      sortField: 'registry',
      card: 'badge',
      nowrap: true,
      render: (r) =>
        r.diploma ? (
          <Group gap={6} wrap="nowrap">
            <Badge color={STATUS_COLOR[r.diploma.status]} variant="light" miw="max-content">{t(`diplomas.status.${r.diploma.status}`)}</Badge>
            <a href={pdfUrl(r.diploma.id)} download aria-label={t('diplomas.pdfFor', { name: r.fullName })}>
              {r.diploma.registryNumber}
            </a>
          </Group>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      label: t('common.actions'),
      hideLabel: true,
      card: 'actions',
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          <Button size="xs" variant="subtle" onClick={() => setDialog({ kind: 'override', row: r })} aria-label={t('diplomas.overrideFor', { name: r.fullName })}>
            {t('diplomas.override')}
          </Button>
          {r.diploma && r.diploma.status !== 'revoked' && (
            <Button size="xs" variant="subtle" color="red" onClick={() => setDialog({ kind: 'revoke', row: r })} aria-label={t('diplomas.revokeFor', { name: r.fullName })}>
              {t('diplomas.revoke')}
            </Button>
          )}
          {r.diploma?.status === 'revoked' && (
            <Button size="xs" variant="subtle" onClick={() => setDialog({ kind: 'reinstate', row: r })} aria-label={t('diplomas.reinstateFor', { name: r.fullName })}>
              {t('diplomas.reinstate')}
            </Button>
          )}
        </Group>
      ),
    },
  ];

  // A stream's participants come whole (tens to a few hundred): filter, search, order and pages work here.
  const table = useClientTable(
    (data.data?.rows ?? []).filter((r) => matches(r, filter)),
    { searchText: (r) => `${r.fullName} ${r.diploma?.registryNumber ?? ''}`, sortKeys: { name: (r) => r.fullName, attendance: (r) => r.attendancePct, registry: (r) => r.diploma?.registryNumber } },
    { initialSort: { field: 'name', dir: 'asc' }, locale: l.language },
  );

  return (
    <QueryState query={data}>
      {(d) => (
        <Stack>
          <Text>{t('diplomas.summary', { participants: d.counts.participants, eligible: d.counts.eligible, issued: d.counts.issued, revoked: d.counts.revoked })}</Text>
          <Text size="sm" c="dimmed">
            {t('diplomas.rulesNote')} {d.ceremonyAt ? t('diplomas.ceremonyNote', { date: l.dateTime(d.ceremonyAt) }) : ''}
          </Text>
          <Group gap="sm">
            <Button onClick={() => issue.mutate()} loading={issue.isPending} disabled={d.counts.eligible === 0}>
              {t('diplomas.issueAll')}
            </Button>
            <Button component="a" href={zipUrl(streamId)} download variant="light" disabled={d.counts.issued === 0}>
              {t('diplomas.downloadZip')}
            </Button>
          </Group>
          <CeremonySchedule streamId={streamId} data={d} onChange={refresh} />
          <ProblemAlert error={issue.error} />
          {(jobId ?? d.lastRunId) && <IssueProgress jobId={(jobId ?? d.lastRunId)!} onFinished={refresh} />}
          <Group gap="sm" align="flex-end" wrap="wrap">
            <SearchInput label={t('diplomas.search')} {...table.search} w={{ base: '100%', xs: 280 }} />
            <Select label={t('diplomas.filter')} value={filter} allowDeselect={false} w={240} onChange={(v) => (setFilter((v ?? 'all') as Filter), table.resetPage())} data={FILTERS.map((f) => ({ value: f, label: t(`diplomas.filters.${f}`) }))} />
          </Group>
          <ResponsiveTable caption={t('diplomas.tableCaption')} rows={table.rows} rowKey={(r) => r.personId} columns={columns} sort={table.sort} />
          <TablePager {...table.pager} />
          <AppModal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog ? t(`diplomas.${dialog.kind}Title`, { name: dialog.row.fullName }) : ''}>
            {dialog && <ReasonForm streamId={streamId} dialog={dialog} onDone={() => { setDialog(null); refresh(); }} />}
          </AppModal>
        </Stack>
      )}
    </QueryState>
  );
}

/** The bulk issuance job: a progress bar while it runs, what it did once finished. */
function IssueProgress({ jobId, onFinished }: { jobId: string; onFinished: () => void }) {
  const { t } = useTranslation();
  const job = useQuery(jobQuery(jobId));
  const run = job.data;
  const status = run?.status;
  useEffect(() => {
    // Once per finished run (hence only `status`), so the table shows the new diplomas.
    if (status === 'succeeded' || status === 'failed') onFinished();
  }, [status]);
  if (!run) return null;
  if (run.status === 'failed') return <Alert color="red" role="alert" title={t('diplomas.issueFailed')}>{run.error}</Alert>;
  if (run.status === 'succeeded') {
    const result = (run.result ?? {}) as { issued?: number; skipped?: number };
    return <Alert color="green" role="status" title={t('diplomas.issueDone')}>{t('diplomas.issueResult', { issued: result.issued ?? 0, skipped: result.skipped ?? 0 })}</Alert>;
  }
  const percent = run.total > 0 ? Math.round((run.done / run.total) * 100) : 0;
  return (
    <Stack gap="xs" maw={520}>
      <Text size="sm">{t('diplomas.issuing', { done: run.done, total: run.total })}</Text>
      <Progress value={percent} size="lg" animated aria-label={t('diplomas.issueProgress')} />
    </Stack>
  );
}

function ReasonForm({ streamId, dialog, onDone }: { streamId: string; dialog: NonNullable<Dialog>; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [choice, setChoice] = useState<'yes' | 'no' | 'clear'>(dialog.row.override ? (dialog.row.override.isEligible ? 'yes' : 'no') : 'yes');
  const save = useMutation({
    mutationFn: async () => {
      if (dialog.kind === 'override') return setOverride(streamId, dialog.row.personId, choice === 'clear' ? null : choice === 'yes', reason);
      if (dialog.kind === 'revoke') return revokeDiploma(dialog.row.diploma!.id, reason);
      return reinstateDiploma(dialog.row.diploma!.id, reason);
    },
    onSuccess: onDone,
  });
  return (
    <Stack>
      {dialog.kind === 'override' && (
        <Radio.Group label={t('diplomas.overrideChoice')} value={choice} onChange={(v) => setChoice(v as typeof choice)}>
          <Stack gap={6} mt={6}>
            <Radio value="yes" label={t('diplomas.overrideYes')} />
            <Radio value="no" label={t('diplomas.overrideNo')} />
            <Radio value="clear" label={t('diplomas.overrideClear')} />
          </Stack>
        </Radio.Group>
      )}
      <Textarea label={t('diplomas.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} minRows={2} autosize error={save.error && 'fieldError' in save.error ? (save.error as { fieldError: (f: string) => string | undefined }).fieldError('reason') : undefined} />
      <ProblemAlert error={save.error} />
      <Group justify="flex-end">
        <Button onClick={() => save.mutate()} loading={save.isPending} color={dialog.kind === 'revoke' ? 'red' : undefined}>
          {t(`diplomas.${dialog.kind}Confirm`)}
        </Button>
      </Group>
    </Stack>
  );
}
