import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RosterItem } from '@ms/contracts/people';
import { useLocalised } from '../../api/names.ts';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import type { SortDir } from '../../components/SortableTh.tsx';
import type { RosterSearch, RosterSort } from './roster-search.ts';

const STATUS_COLOUR = { enrolled: 'blue.9', graduated: 'green.9', withdrawn: 'gray.8' } as const;

interface RosterTableProps {
  items: RosterItem[];
  search: RosterSearch;
  onSort: (sort: RosterSort, order: SortDir) => void;
}

/** One page of a stream's participants; the sortable columns are the ones the API can sort by. */
export function RosterTable({ items, search, onSort }: RosterTableProps) {
  const { t } = useTranslation();
  const l = useLocalised();

  if (items.length === 0) return <Text c="dimmed">{t('roster.empty')}</Text>;
  const columns: Array<Column<RosterItem>> = [
    {
      key: 'name',
      label: t('roster.name'),
      sortField: 'lastName',
      card: 'title',
      render: (p) => (
        <>
          <AnchorLink to="/people/$personId" params={{ personId: p.personId }} size="sm" fw={600}>
            {p.fullName}
          </AnchorLink>
          {p.email && (
            <Text size="xs" c="dimmed">
              {p.email}
            </Text>
          )}
        </>
      ),
    },
    { key: 'age', label: t('roster.age'), sortField: 'age', render: (p) => p.age ?? '—' },
    { key: 'region', label: t('roster.region'), sortField: 'region', render: (p) => (l.language === 'en' ? p.regionNameEn : p.regionNameRu) ?? '—' },
    { key: 'municipality', label: t('roster.municipality'), render: (p) => p.municipalityName ?? '—' },
    {
      key: 'position',
      label: t('roster.position'),
      render: (p) => (
        <Text size="sm" lineClamp={2}>
          {p.position ?? '—'}
        </Text>
      ),
    },
    {
      key: 'status',
      label: t('roster.status'),
      card: 'badge',
      nowrap: true,
      render: (p) => (
        <Badge color={STATUS_COLOUR[p.status]} variant="filled" miw="max-content">
          {t(`enrolmentStatus.${p.status}`)}
        </Badge>
      ),
    },
    { key: 'enrolledAt', label: t('roster.enrolledAt'), sortField: 'enrolledAt', nowrap: true, render: (p) => l.date(p.enrolledAt) },
  ];

  return (
    <ResponsiveTable
      caption={t('roster.caption')}
      rows={items}
      rowKey={(p) => p.personId}
      columns={columns}
      sort={{ field: search.sort ?? 'lastName', dir: search.order ?? 'asc', onSort: (f, dir) => onSort(f as RosterSort, dir) }}
    />
  );
}
