import { useState } from 'react';
import { Badge, Button, Group, MultiSelect, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AreaCode } from '@ms/contracts/areas';
import { AppModal } from '../../components/AppModal.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { AREAS } from '../improvements/areas.ts';
import { streamTeamsQuery } from '../teams/teams.api.ts';
import { createProject, streamProjectsQuery, type ProjectListItem, type ProjectListParams } from './projects.api.ts';

export const RESULT_COLORS = { pending: 'gray', passed: 'green.9', failed: 'red.9' } as const;

/** The stream's final projects the reader may see; staff create projects for teams. */
export function StreamProjects({ streamId, canManage }: { streamId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useState<ProjectListParams>({ page: 1, pageSize: 25 });
  const [isCreating, setCreating] = useState(false);
  const list = useQuery(streamProjectsQuery(streamId, params));
  const update = (patch: Partial<ProjectListParams>) => setParams((p) => ({ ...p, page: 1, ...patch }));
  const columns: Column<ProjectListItem>[] = [
    { key: 'title', label: t('projects.title'), card: 'title', render: (p) => <AnchorLink to="/projects/$projectId" params={{ projectId: p.id }}>{p.title}</AnchorLink> },
    { key: 'areas', label: t('projects.areas'), render: (p) => p.areas.map((a) => t(`improvements.areas.${a}`)).join(', ') },
    { key: 'team', label: t('projects.team'), render: (p) => p.teamName ?? t('projects.individual') },
    { key: 'people', label: t('projects.people'), nowrap: true, render: (p) => t('projects.peopleCount', { members: p.memberCount, guests: p.guestCount }) },
    { key: 'result', label: t('projects.result'), card: 'badge', render: (p) => <Badge color={RESULT_COLORS[p.defenceResult]}>{t(`projects.results.${p.defenceResult}`)}</Badge> },
    { key: 'implementation', label: t('projects.implementation'), render: (p) => (p.implementationStatus ? t(`projects.statuses.${p.implementationStatus}`) : '—') },
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('projects.streamTitle')}
        </Title>
        {canManage && <Button onClick={() => setCreating(true)}>{t('projects.new')}</Button>}
      </Group>
      <Group align="flex-end" wrap="wrap">
        <SearchInput label={t('common.search')} value={params.q} onSearch={(q) => update({ q })} />
        <Select
          label={t('projects.result')}
          clearable
          w={180}
          data={(['pending', 'passed', 'failed'] as const).map((r) => ({ value: r, label: t(`projects.results.${r}`) }))}
          value={params.result ?? null}
          onChange={(v) => update({ result: (v ?? undefined) as ProjectListParams['result'] })}
        />
        <Select label={t('projects.areas')} clearable searchable w={260} data={AREAS.map((a) => ({ value: a, label: t(`improvements.areas.${a}`) }))} value={params.area ?? null} onChange={(v) => update({ area: v ?? undefined })} />
      </Group>
      <QueryState query={list}>
        {(data) => (
          <>
            {data.items.length === 0 ? <Text c="dimmed">{t('projects.none')}</Text> : <ResponsiveTable caption={t('projects.streamTitle')} rows={data.items} rowKey={(p) => p.id} columns={columns} striped />}
            <TablePager page={params.page} pageSize={params.pageSize} total={data.total} onPage={(page) => setParams((p) => ({ ...p, page }))} />
          </>
        )}
      </QueryState>
      <AppModal opened={isCreating} onClose={() => setCreating(false)} title={t('projects.new')}>
        <CreateProjectForm streamId={streamId} onDone={() => setCreating(false)} />
      </AppModal>
    </Stack>
  );
}

function CreateProjectForm({ streamId, onDone }: { streamId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useQuery(streamTeamsQuery(streamId));
  const [title, setTitle] = useState('');
  const [areas, setAreas] = useState<string[]>([]);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [personIds, setPersonIds] = useState<string[]>([]);
  const people = [...(teams.data?.items.flatMap((x) => x.members) ?? []), ...(teams.data?.unassigned ?? [])];
  const save = useMutation({
    mutationFn: () => createProject(streamId, { title, summary: '', areas: areas as AreaCode[], teamId, personIds: teamId ? undefined : personIds }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['projects', streamId] });
      onDone();
    },
  });
  return (
    <Stack component="form" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
      <TextInput label={t('projects.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={300} />
      <MultiSelect label={t('projects.areas')} required searchable maxValues={5} data={AREAS.map((a) => ({ value: a, label: t(`improvements.areas.${a}`) }))} value={areas} onChange={setAreas} />
      <Select label={t('projects.team')} clearable data={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} value={teamId} onChange={setTeamId} />
      {!teamId && <MultiSelect label={t('projects.members')} searchable data={people.map((m) => ({ value: m.personId, label: m.fullName }))} value={personIds} onChange={setPersonIds} />}
      <ProblemAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
