import type { CSSProperties, ReactNode } from 'react';
import { Box, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { SortableTh, type SortDir } from './SortableTh.tsx';
import { TableScroll } from './TableScroll.tsx';

/** Where a column's value goes in a row's card on a phone. */
export type CardSlot = 'title' | 'badge' | 'actions' | 'field' | 'none';

/** One column: its header, how a row shows it, and where it goes on a phone. */
export interface Column<T> {
  key: string;
  label: string;
  /** The cell's content; `layout` lets a column differ on a card (e.g. actions as full buttons). */
  render: (row: T, layout: 'table' | 'card') => ReactNode;
  /** The field the API/page sorts by; makes the header a sort button and adds it to the phone's sort select. */
  sortField?: string;
  /** Default 'field': a "label: value" line. */
  card?: CardSlot;
  /** Keep the cell on one line in the table. */
  nowrap?: boolean;
  /** Header read by screen readers only (e.g. an actions column). */
  hideLabel?: boolean;
}

/** The current order and how to change it. */
export interface TableSort {
  field: string;
  dir: SortDir;
  onSort: (field: string, dir: SortDir) => void;
}

interface ResponsiveTableProps<T> {
  /** Names the table (visually hidden caption), its scroll region and the card list. */
  caption: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: ReadonlyArray<Column<T>>;
  sort?: TableSort;
  striped?: boolean;
  highlightOnHover?: boolean;
}

/** Below Mantine's `sm` (48em) rows become cards; the same query AppShell uses for its drawer. */
export const PHONE_QUERY = '(max-width: 47.99em)';

/**
 * A table on wide screens and a list of cards on a phone, from one set of column definitions.
 * Sorting stays available on both: header buttons with aria-sort on the table, a select above the cards.
 */
export function ResponsiveTable<T>({ caption, rows, rowKey, columns, sort, striped = true, highlightOnHover = true }: ResponsiveTableProps<T>) {
  const isPhone = useMediaQuery(PHONE_QUERY) ?? false;
  return isPhone ? (
    <CardList caption={caption} rows={rows} rowKey={rowKey} columns={columns} sort={sort} />
  ) : (
    <TableScroll label={caption}>
      <Table striped={striped} highlightOnHover={highlightOnHover}>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) =>
              c.sortField && sort ? (
                <SortableTh key={c.key} field={c.sortField} label={c.label} sort={sort.field} dir={sort.dir} onSort={sort.onSort} />
              ) : (
                <Table.Th key={c.key}>{c.hideLabel ? <span className="visually-hidden">{c.label}</span> : c.label}</Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((c) => (
                <Table.Td key={c.key} style={c.nowrap ? NOWRAP : undefined}>
                  {c.render(row, 'table')}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

const NOWRAP: CSSProperties = { whiteSpace: 'nowrap' };

function CardList<T>({ caption, rows, rowKey, columns, sort }: Omit<ResponsiveTableProps<T>, 'striped' | 'highlightOnHover'>) {
  const { t } = useTranslation();
  // Each value carries its column's index so tests can read "the region of every row" on either layout.
  const indexed = columns.map((column, index) => ({ column, index }));
  const slot = (s: CardSlot) => indexed.filter(({ column }) => (column.card ?? 'field') === s);
  const [titles, badges, fields, actions] = [slot('title'), slot('badge'), slot('field'), slot('actions')];
  const sortable = columns.filter((c) => c.sortField);

  return (
    <Stack gap="sm">
      {sort && sortable.length > 0 && (
        <Select
          label={t('table.sortBy')}
          w={{ base: '100%', xs: 280 }}
          allowDeselect={false}
          data={sortable.flatMap((c) =>
            (['asc', 'desc'] as const).map((dir) => ({ value: `${c.sortField}:${dir}`, label: `${c.label} — ${t(dir === 'asc' ? 'table.ascending' : 'table.descending')}` })),
          )}
          value={`${sort.field}:${sort.dir}`}
          onChange={(value) => {
            if (!value) return;
            const [field, dir] = value.split(':');
            sort.onSort(field!, dir === 'desc' ? 'desc' : 'asc');
          }}
        />
      )}
      <Box component="ul" aria-label={caption} m={0} p={0} style={{ listStyle: 'none' }}>
        {rows.map((row) => (
          <Paper component="li" key={rowKey(row)} withBorder p="sm" mb="xs">
            <Stack gap={6}>
              {(titles.length > 0 || badges.length > 0) && (
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Box miw={0} fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {titles.map(({ column, index }) => (
                      <div key={column.key} data-cell={index}>
                        {column.render(row, 'card')}
                      </div>
                    ))}
                  </Box>
                  {badges.map(({ column, index }) => (
                    <Box key={column.key} data-cell={index} style={{ flexShrink: 0 }}>
                      {column.render(row, 'card')}
                    </Box>
                  ))}
                </Group>
              )}
              {fields.map(({ column, index }) => (
                <Group key={column.key} gap={6} wrap="nowrap" align="baseline">
                  <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                    {column.label}:
                  </Text>
                  <Box data-cell={index} fz="sm" miw={0} style={{ overflowWrap: 'anywhere' }}>
                    {column.render(row, 'card')}
                  </Box>
                </Group>
              ))}
              {actions.map(({ column, index }) => (
                <div key={column.key} data-cell={index}>
                  {column.render(row, 'card')}
                </div>
              ))}
            </Stack>
          </Paper>
        ))}
      </Box>
    </Stack>
  );
}
