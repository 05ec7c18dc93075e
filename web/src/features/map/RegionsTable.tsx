import { useState } from 'react';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import type { FederalDistrict, Region } from '../../api/reference.ts';
import { SortableTh, type SortDir } from '../../components/SortableTh.tsx';
import { sortBy } from '../../components/sort.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

interface RegionsTableProps {
  regions: Region[];
  districts: FederalDistrict[];
  counts: Map<string, number>;
  caption: string;
}

/** The map's data as a table: the accessible alternative, sortable by name, district or count. */
export function RegionsTable({ regions, districts, counts, caption }: RegionsTableProps) {
  const { t } = useTranslation();
  const l = useLocalised();
  const [sort, setSort] = useState<{ field: string; dir: SortDir }>({ field: 'count', dir: 'desc' });
  const districtName = (code: string) => {
    const d = districts.find((x) => x.code === code);
    return d ? l.name(d) : code;
  };
  const rows = regions.filter((r) => (counts.get(r.code) ?? 0) > 0);
  const key = (r: Region) => (sort.field === 'count' ? (counts.get(r.code) ?? 0) : sort.field === 'district' ? districtName(r.federalDistrict) : l.name(r));
  const onSort = (field: string, dir: SortDir) => setSort({ field, dir });

  return (
    <TableScroll label={caption}>
      <Table striped>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <SortableTh field="name" label={t('map.region')} sort={sort.field} dir={sort.dir} onSort={onSort} />
            <SortableTh field="district" label={t('map.district')} sort={sort.field} dir={sort.dir} onSort={onSort} />
            <SortableTh field="count" label={t('map.count')} sort={sort.field} dir={sort.dir} onSort={onSort} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sortBy(rows, key, sort.dir, l.language).map((r) => (
            <Table.Tr key={r.code}>
              <Table.Td>{l.name(r)}</Table.Td>
              <Table.Td>{districtName(r.federalDistrict)}</Table.Td>
              <Table.Td>{counts.get(r.code) ?? 0}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
