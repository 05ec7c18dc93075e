import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { localName, useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { buildCsv, downloadText } from '../../components/csv-download.ts';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useClientTable } from '../../components/client-table.ts';
import { TablePager } from '../../components/TablePager.tsx';
import { programmeQuery } from '../programmes/programmes.api.ts';
import { AFFILIATIONS } from './affiliations.ts';
import { speakersQuery, type Speaker } from './schedule-manage.api.ts';

const route = getRouteApi('/app/programmes/$programmeId/speakers');

const PAGE_SIZE = 25;

/** A programme's speakers registry: affiliation filter (kept in the URL), search, sort, pages and CSV export. */
export function SpeakersPage() {
  const { t } = useTranslation();
  const l = useLocalised();
  const { programmeId } = route.useParams();
  const { affiliation } = route.useSearch();
  const navigate = route.useNavigate();
  const programme = useQuery(programmeQuery(programmeId));
  const speakers = useQuery(speakersQuery(programmeId));
  const organisationOf = (s: Speaker) => localName({ nameRu: s.organisationRu, nameEn: s.organisationEn }, l.language);
  // The registry is small (tens of people) and comes whole: search, sort and pages work on the page.
  const table = useClientTable(
    (speakers.data ?? []).filter((s) => !affiliation || s.affiliationKind === affiliation),
    { searchText: (s) => `${l.name(s)} ${organisationOf(s)}`, sortKeys: { name: (s) => l.name(s), organisation: (s) => organisationOf(s), sessions: (s) => s.sessionCount } },
    { initialSort: { field: 'name', dir: 'asc' }, pageSize: PAGE_SIZE, locale: l.language },
  );
  const columns: Array<Column<Speaker>> = [
    {
      key: 'name',
      label: t('speakers.name'),
      sortField: 'name',
      card: 'title',
      render: (s) => (
        <AnchorLink to="/speakers/$speakerId" params={{ speakerId: s.id }}>
          {l.name(s)}
        </AnchorLink>
      ),
    },
    { key: 'affiliation', label: t('speakers.affiliation'), render: (s) => t(`speakers.kind.${s.affiliationKind}`) },
    { key: 'organisation', label: t('speakers.organisation'), sortField: 'organisation', render: (s) => organisationOf(s) || '—' },
    { key: 'sessions', label: t('speakers.sessionCount'), sortField: 'sessions', render: (s) => s.sessionCount, nowrap: true },
  ];

  return (
    <Stack>
      {programme.data && (
        <AnchorLink to="/programmes/$programmeId" params={{ programmeId }} size="sm" w="fit-content">
          {`← ${l.name(programme.data)}`}
        </AnchorLink>
      )}
      <PageTitle>{t('speakers.title')}</PageTitle>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('speakers.affiliation')}
          w={{ base: '100%', xs: 320 }}
          data={[{ value: '', label: t('common.all') }, ...AFFILIATIONS.map((k) => ({ value: k, label: t(`speakers.kind.${k}`) }))]}
          value={affiliation ?? ''}
          allowDeselect={false}
          onChange={(value) => {
            table.resetPage();
            void navigate({ search: { affiliation: AFFILIATIONS.find((k) => k === value) }, replace: true });
          }}
        />
        <SearchInput label={t('speakers.search')} {...table.search} />
      </Group>
      <QueryState query={speakers}>
        {() => {
          const rows = table.matching;
          const exportCsv = () =>
            downloadText(
              'speakers.csv',
              buildCsv(
                [t('speakers.name'), t('speakers.affiliation'), t('speakers.organisation'), t('speakers.sessionCount')],
                rows.map((s) => [l.name(s), t(`speakers.kind.${s.affiliationKind}`), organisationOf(s), s.sessionCount]),
              ),
            );
          return rows.length === 0 ? (
            <Text c="dimmed">{t('common.nothingFound')}</Text>
          ) : (
            <Stack gap="xs">
              <Button variant="default" w="fit-content" onClick={exportCsv}>
                {t('speakers.exportCsv')}
              </Button>
              <ResponsiveTable
                caption={t('speakers.title')}
                rows={table.rows}
                rowKey={(s) => s.id}
                columns={columns}
                sort={table.sort}
              />
              <TablePager {...table.pager} />
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
