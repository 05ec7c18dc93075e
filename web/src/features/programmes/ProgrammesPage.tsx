import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/auth.ts';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AppModal } from '../../components/AppModal.tsx';
import { AnchorLink, ButtonLink } from '../../components/RouterLinks.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import type { SortDir } from '../../components/SortableTh.tsx';
import { sortBy } from '../../components/sort.ts';
import { TablePager } from '../../components/TablePager.tsx';
import { programmesQuery, type Programme } from './programmes.api.ts';
import { organisationsQuery } from './manage.api.ts';
import { ProgrammeForm } from './ProgrammeForm.tsx';

const route = getRouteApi('/app/programmes');
const PAGE_SIZE = 25;

/** The programmes the user may see, searchable; each leads to its intakes and streams. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const { q, page } = route.useSearch();
  const navigate = route.useNavigate();
  const l = useLocalised();
  const query = useQuery(programmesQuery({ q, page, pageSize: PAGE_SIZE }));
  // The API returns programmes in a fixed order; sorting a page of a few dozen happens here.
  const [sort, setSort] = useState<{ field: string; dir: SortDir }>({ field: 'name', dir: 'asc' });
  const [isCreating, setCreating] = useState(false);
  // Only staff and admins hold organisation grants; for others the list is empty and nothing is offered.
  const organisations = useQuery(organisationsQuery);
  const canCreate = organisations.data?.items.some((o) => o.canManage) ?? false;
  const { data: me } = useSuspenseQuery(meQuery);
  const showOrganisations = (me?.roles.includes('admin') ?? false) || (organisations.data?.items.length ?? 0) > 0;

  const columns: Array<Column<Programme>> = [
    {
      key: 'name',
      label: t('programmes.name'),
      sortField: 'name',
      card: 'title',
      render: (p) => (
        <AnchorLink to="/programmes/$programmeId" params={{ programmeId: p.id }} fw={600}>
          {l.name(p)}
        </AnchorLink>
      ),
    },
    {
      key: 'description',
      label: t('programmes.description'),
      render: (p) => (
        <Text size="sm" lineClamp={2}>
          {l.language === 'en' && p.descriptionEn ? p.descriptionEn : p.descriptionRu}
        </Text>
      ),
    },
    { key: 'threshold', label: t('programmes.threshold'), sortField: 'threshold', render: (p) => `${p.completionThresholdPct}%` },
  ];
  const sortKey = (p: Programme) => (sort.field === 'threshold' ? p.completionThresholdPct : sort.field === 'created' ? p.createdAt : l.name(p));

  return (
    <Stack>
      <PageTitle
        actions={
          showOrganisations && (
            <>
              {me?.roles.includes('admin') && (
                <ButtonLink to="/municipalities/import" variant="default">
                  {t('municipalities.importTitle')}
                </ButtonLink>
              )}
              <ButtonLink to="/organisations" variant="default">
                {t('manage.organisations')}
              </ButtonLink>
              {canCreate && <Button onClick={() => setCreating(true)}>{t('manage.newProgramme')}</Button>}
            </>
          )
        }
      >
        {t('programmes.title')}
      </PageTitle>
      <Group>
        <SearchInput label={t('common.search')} value={q} onSearch={(value) => void navigate({ search: { q: value, page: 1 } })} />
      </Group>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('programmes.empty')}</Text>
          ) : (
            <div>
              <ResponsiveTable
                caption={t('programmes.caption')}
                rows={sortBy(data.items, sortKey, sort.dir, l.language)}
                rowKey={(p) => p.id}
                columns={columns}
                sort={{ ...sort, onSort: (field, dir) => setSort({ field, dir }) }}
              />
              <TablePager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p }) })} />
            </div>
          )
        }
      </QueryState>
      <AppModal opened={isCreating} onClose={() => setCreating(false)} title={t('manage.newProgramme')}>
        {isCreating && <ProgrammeForm onDone={() => setCreating(false)} />}
      </AppModal>
    </Stack>
  );
}
