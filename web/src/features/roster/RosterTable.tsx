import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RosterItem } from '@ms/contracts/people';
import { useLocalised } from '../../api/names.ts';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { SortableTh, type SortDir } from '../../components/SortableTh.tsx';
import type { RosterSearch, RosterSort } from './roster-search.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

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
  const sort = search.sort ?? 'lastName';
  const th = (field: RosterSort, label: string) => (
    <SortableTh field={field} label={label} sort={sort} dir={search.order ?? 'asc'} onSort={(f, dir) => onSort(f as RosterSort, dir)} />
  );

  if (items.length === 0) return <Text c="dimmed">{t('roster.empty')}</Text>;
  return (
    <TableScroll label={t('roster.caption')}>
      <Table striped highlightOnHover>
        <Table.Caption className="visually-hidden">{t('roster.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {th('lastName', t('roster.name'))}
            {th('age', t('roster.age'))}
            {th('region', t('roster.region'))}
            <Table.Th>{t('roster.municipality')}</Table.Th>
            <Table.Th>{t('roster.position')}</Table.Th>
            <Table.Th>{t('roster.status')}</Table.Th>
            {th('enrolledAt', t('roster.enrolledAt'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.personId}>
              <Table.Td>
                <AnchorLink to="/people/$personId" params={{ personId: p.personId }} size="sm" fw={600}>
                  {p.fullName}
                </AnchorLink>
                {p.email && (
                  <Text size="xs" c="dimmed">
                    {p.email}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{p.age ?? '—'}</Table.Td>
              <Table.Td>{(l.language === 'en' ? p.regionNameEn : p.regionNameRu) ?? '—'}</Table.Td>
              <Table.Td>{p.municipalityName ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {p.position ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge color={STATUS_COLOUR[p.status]} variant="filled" miw="max-content">
                  {t(`enrolmentStatus.${p.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.date(p.enrolledAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
