import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/client.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { rosterExportUrl, rosterQuery } from './roster.api.ts';
import type { RosterSearch } from './roster-search.ts';
import { RosterFilters } from './RosterFilters.tsx';
import { RosterTable } from './RosterTable.tsx';

interface RosterSectionProps {
  streamId: string;
  search: RosterSearch;
  onChange: (patch: Partial<RosterSearch>) => void;
}

/** Filters, export buttons, the table and the pager; all state lives in the URL. */
export function RosterSection({ streamId, search, onChange }: RosterSectionProps) {
  const { t } = useTranslation();
  const roster = useQuery(rosterQuery(streamId, search));
  // Any filter change starts again from the first page.
  const filter = (patch: Partial<RosterSearch>) => onChange({ ...patch, page: 1 });
  // Participants see their stream but not its roster: say so instead of showing an error.
  if (isProblem(roster.error, 'forbidden')) return <Text c="dimmed">{t('streams.noRosterAccess')}</Text>;

  return (
    <Stack>
      <RosterFilters search={search} onChange={filter} />
      <Group gap="xs">
        <Button component="a" href={rosterExportUrl(streamId, search, 'csv')} download variant="default" size="xs">
          {t('roster.exportCsv')}
        </Button>
        <Button component="a" href={rosterExportUrl(streamId, search, 'xlsx')} download variant="default" size="xs">
          {t('roster.exportXlsx')}
        </Button>
      </Group>
      <QueryState query={roster}>
        {(page) => (
          <div aria-busy={roster.isFetching}>
            <RosterTable items={page.items} search={search} onSort={(sort, order) => onChange({ sort, order, page: 1 })} />
            <TablePager
              page={page.page}
              pageSize={page.pageSize}
              total={page.total}
              onPage={(p) => onChange({ page: p })}
              onPageSize={(size) => onChange({ pageSize: size === 50 ? undefined : size, page: 1 })}
            />
          </div>
        )}
      </QueryState>
    </Stack>
  );
}
