import { useState } from 'react';
import { Badge, Button, Group, Select, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { grantException, revokeException, streamProgressQuery, updateRules, type CompletionRules, type ParticipantProgress, type ProgressParams } from './completion.api.ts';
import { describeMissing } from './MissingList.tsx';

const FILTERS = ['all', 'eligible', 'not_eligible', 'missing_attendance', 'missing_assignment', 'missing_project', 'exception'] as const;
type Filter = (typeof FILTERS)[number];

/** Completion for staff: the programme's rules, who is eligible, what the others miss, exceptions with reasons. */
export function StreamCompletion({ streamId }: { streamId: string }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState<ProgressParams>({ filter: 'all', page: 1, pageSize: 25 });
  const progress = useQuery({ ...streamProgressQuery(streamId, query), placeholderData: keepPreviousData });
  const [excepting, setExcepting] = useState<ParticipantProgress | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['progress', streamId] });
  const revoke = useMutation({ mutationFn: (personId: string) => revokeException(streamId, personId), onSuccess: refresh });
  const columns: Array<Column<ParticipantProgress>> = [
    { key: 'name', label: t('completion.participant'), card: 'title', render: (p) => p.fullName },
    {
      key: 'status',
      label: t('completion.status'),
      card: 'badge',
      nowrap: true,
      render: (p) => <Badge color={p.isEligible ? 'green' : 'yellow'} variant={p.exception ? 'outline' : 'light'} tt="none" miw="max-content">{t(p.isEligible ? (p.exception ? 'completion.eligibleByException' : 'completion.eligible') : 'completion.notEligible')}</Badge>,
    },
    { key: 'attendance', label: t('completion.attendance'), nowrap: true, render: (p) => `${l.number(p.attendancePct)} %` },
    { key: 'assignments', label: t('completion.assignments'), nowrap: true, render: (p) => `${p.assignmentsPassed} / ${p.assignmentsRequired}` },
    { key: 'project', label: t('completion.project'), render: (p) => t(`completion.project_${p.projectResult ?? 'none'}`) },
    { key: 'missing', label: t('completion.missingLabel'), render: (p) => (p.exception ? t('completion.exceptionReason', { reason: p.exception.reason }) : p.missing.map((m) => describeMissing(m, t, l.language, l.number)).join('; ') || '—') },
    {
      key: 'actions',
      label: t('common.actions'),
      hideLabel: true,
      card: 'actions',
      render: (p) =>
        p.exception ? (
          <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate(p.personId)} aria-label={t('completion.revokeFor', { name: p.fullName })}>
            {t('completion.revoke')}
          </Button>
        ) : p.missing.length > 0 ? (
          <Button size="xs" variant="light" onClick={() => setExcepting(p)} aria-label={t('completion.grantFor', { name: p.fullName })}>
            {t('completion.grant')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Stack>
      <QueryState query={progress}>
        {(data) => (
          <>
            <RulesPanel rules={data.rules} onChanged={refresh} />
            <Text>{t('completion.summary', { eligible: data.counts.eligible, total: data.counts.total, exceptions: data.counts.exceptions })}</Text>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <SearchInput label={t('completion.search')} value={query.q} onSearch={(q) => setQuery((s) => ({ ...s, q, page: 1 }))} />
              <Select label={t('completion.filter')} value={query.filter} allowDeselect={false} w={260} onChange={(v) => setQuery((s) => ({ ...s, filter: (v ?? 'all') as Filter, page: 1 }))} data={FILTERS.map((f) => ({ value: f, label: t(`completion.filters.${f}`) }))} />
            </Group>
            <ProblemAlert error={revoke.error} />
            {data.items.length === 0 ? <Text c="dimmed">{t('common.nothingFound')}</Text> : <ResponsiveTable caption={t('completion.tableCaption')} rows={data.items} rowKey={(p) => p.personId} columns={columns} />}
            <TablePager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setQuery((s) => ({ ...s, page }))} onPageSize={(pageSize) => setQuery((s) => ({ ...s, pageSize, page: 1 }))} />
          </>
        )}
      </QueryState>
      <AppModal opened={excepting !== null} onClose={() => setExcepting(null)} title={t('completion.grantTitle', { name: excepting?.fullName ?? '' })}>
        {excepting && <ExceptionForm streamId={streamId} person={excepting} onDone={() => { setExcepting(null); refresh(); }} />}
      </AppModal>
    </Stack>
  );
}

function RulesPanel({ rules, onChanged }: { rules: CompletionRules; onChanged: () => void }) {
  const { t } = useTranslation();
  const save = useMutation({ mutationFn: (patch: Parameters<typeof updateRules>[1]) => updateRules(rules.programmeId, patch), onSuccess: onChanged });
  return (
    <Stack gap={6} component="section" aria-labelledby="rules-heading">
      <Title order={2} size="h4" id="rules-heading">{t('completion.rulesTitle')}</Title>
      <Text size="sm" c="dimmed">{t('completion.rulesHint')}</Text>
      <Group gap="lg" wrap="wrap">
        <Switch label={t('completion.ruleAttendanceToggle', { threshold: rules.thresholdPct })} checked={rules.isAttendanceRequired} onChange={(e) => save.mutate({ isAttendanceRequired: e.currentTarget.checked })} />
        <Switch label={t('completion.ruleAssignmentsToggle')} checked={rules.isAssignmentsRequired} onChange={(e) => save.mutate({ isAssignmentsRequired: e.currentTarget.checked })} />
        <Switch label={t('completion.ruleProjectToggle')} checked={rules.isProjectRequired} onChange={(e) => save.mutate({ isProjectRequired: e.currentTarget.checked })} />
      </Group>
      <ProblemAlert error={save.error} />
    </Stack>
  );
}

function ExceptionForm({ streamId, person, onDone }: { streamId: string; person: ParticipantProgress; onDone: () => void }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const [reason, setReason] = useState('');
  const grant = useMutation({ mutationFn: () => grantException(streamId, person.personId, reason), onSuccess: onDone });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        grant.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{person.missing.map((m) => describeMissing(m, t, l.language, l.number)).join('; ')}</Text>
        <Textarea label={t('completion.reason')} description={t('completion.reasonHint')} required minLength={5} autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <ProblemAlert error={grant.error} labels={{ reason: t('completion.reason') }} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={grant.isPending}>{t('completion.grant')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
