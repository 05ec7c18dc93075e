import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/auth.ts';
import { useLocalised } from '../../api/names.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { AREAS } from './areas.ts';
import { boardCsvUrl, boardQuery, coverageQuery, deleteImprovement, type AreaCoverage, type BoardParams, type Improvement } from './improvements.api.ts';
import { ImprovementForm } from './ImprovementForm.tsx';

/** The stream's improvements: coverage of the 30 areas, the board (filter, sort, page, CSV) and recording. */
export function StreamImprovements({ streamId }: { streamId: string }) {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  const [params, setParams] = useState<BoardParams>({ sort: 'createdAt', order: 'desc', page: 1, pageSize: 25 });
  const [isRecording, setRecording] = useState(false);
  const coverage = useQuery(coverageQuery(streamId));
  const board = useQuery(boardQuery(streamId, params));
  const canRecord = (me.data?.roles ?? []).some((r) => r === 'participant' || r === 'staff' || r === 'admin');
  const update = (patch: Partial<BoardParams>) => setParams((p) => ({ ...p, page: 1, ...patch }));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('improvements.coverageTitle')}
        </Title>
        {canRecord && <Button onClick={() => setRecording(true)}>{t('improvements.record')}</Button>}
      </Group>
      <QueryState query={coverage}>{(data) => <CoverageGrid coverage={data} selected={params.area} onSelect={(area) => update({ area })} />}</QueryState>
      <Title order={2} size="h4">
        {t('improvements.boardTitle')}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('improvements.area')}
          clearable
          searchable
          w={{ base: '100%', xs: 320 }}
          data={AREAS.map((code) => ({ value: code, label: t(`improvements.areas.${code}`) }))}
          value={params.area ?? null}
          onChange={(v) => update({ area: v ?? undefined })}
        />
        <SearchInput label={t('common.search')} value={params.q} onSearch={(q) => update({ q })} />
        <Select
          label={t('improvements.sortBy')}
          w={200}
          allowDeselect={false}
          data={(['createdAt', 'area', 'municipality'] as const).map((s) => ({ value: s, label: t(`improvements.sort.${s}`) }))}
          value={params.sort}
          onChange={(v) => v && update({ sort: v as BoardParams['sort'], order: v === 'createdAt' ? 'desc' : 'asc' })}
        />
        <Anchor href={boardCsvUrl(streamId, params)} download>
          {t('improvements.exportCsv')}
        </Anchor>
      </Group>
      <QueryState query={board}>
        {(data) => (
          <>
            {data.items.length === 0 ? <Text c="dimmed">{t('common.nothingFound')}</Text> : <BoardTable streamId={streamId} rows={data.items} />}
            <TablePager page={params.page} pageSize={params.pageSize} total={data.total} onPage={(page) => setParams((p) => ({ ...p, page }))} onPageSize={(pageSize) => update({ pageSize })} />
          </>
        )}
      </QueryState>
      <AppModal opened={isRecording} onClose={() => setRecording(false)} title={t('improvements.record')}>
        <ImprovementForm streamId={streamId} onDone={() => setRecording(false)} />
      </AppModal>
    </Stack>
  );
}

/** The 30 areas as tiles with their counts; empty areas stand out; a tile filters the board. */
function CoverageGrid({ coverage, selected, onSelect }: { coverage: AreaCoverage; selected?: string; onSelect: (area: string | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="coverage-summary">
        {t('improvements.coverage', { covered: coverage.covered, total: coverage.total })}
        {coverage.missing.length > 0 && ` · ${t('improvements.missing')}: ${coverage.missing.map((a) => t(`improvements.areas.${a}`)).join(', ')}`}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="xs">
        {coverage.areas.map(({ area, count }) => (
          <Paper
            key={area}
            component="button"
            type="button"
            withBorder
            p="xs"
            aria-pressed={selected === area}
            onClick={() => onSelect(selected === area ? undefined : area)}
            style={{ textAlign: 'left', cursor: 'pointer', background: count === 0 ? 'var(--mantine-color-red-0)' : selected === area ? 'var(--mantine-color-blue-0)' : undefined }}
          >
            <Group justify="space-between" wrap="nowrap" gap={4}>
              <Text size="xs" lineClamp={2}>
                {t(`improvements.areas.${area}`)}
              </Text>
              <Badge size="sm" style={{ flexShrink: 0 }} variant={count === 0 ? "outline" : "filled"} color={count === 0 ? "red.9" : "blue.9"}>
                {count}
              </Badge>
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function BoardTable({ streamId, rows }: { streamId: string; rows: Improvement[] }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => deleteImprovement(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['improvements', streamId] });
      void queryClient.invalidateQueries({ queryKey: ['improvements-coverage', streamId] });
    },
  });
  const columns: Column<Improvement>[] = [
    { key: 'area', label: t('improvements.area'), card: 'title', render: (r) => <Badge variant="light">{t(`improvements.areas.${r.area}`)}</Badge> },
    { key: 'municipality', label: t('improvements.municipality'), render: (r) => r.municipalityName },
    { key: 'problem', label: t('improvements.problem'), render: (r) => r.problem },
    { key: 'proposal', label: t('improvements.proposal'), render: (r) => r.proposal },
    { key: 'effect', label: t('improvements.effect'), render: (r) => r.expectedEffect },
    {
      key: 'by',
      label: t('improvements.by'),
      render: (r) => (
        <Tooltip label={r.sessionTitle ?? ''} disabled={!r.sessionTitle}>
          <span>{[r.teamName, r.authorName].filter(Boolean).join(' · ') || '—'}</span>
        </Tooltip>
      ),
    },
    { key: 'date', label: t('improvements.recordedAt'), nowrap: true, render: (r) => l.date(r.createdAt) },
    {
      key: 'actions',
      label: t('common.actions'),
      hideLabel: true,
      card: 'actions',
      render: (r) =>
        r.canEdit ? (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(r.id)} aria-label={t('improvements.deleteOne', { area: t(`improvements.areas.${r.area}`) })}>
            {t('improvements.delete')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <ProblemAlert error={remove.error} />
      <ResponsiveTable caption={t('improvements.boardTitle')} rows={rows} rowKey={(r) => r.id} columns={columns} striped />
    </>
  );
}
