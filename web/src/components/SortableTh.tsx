import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type SortDir = 'asc' | 'desc';

interface SortableThProps {
  field: string;
  label: string;
  sort: string | undefined;
  dir: SortDir | undefined;
  onSort: (field: string, dir: SortDir) => void;
}

/** A column header that sorts on click; aria-sort tells screen readers the current order. */
export function SortableTh({ field, label, sort, dir, onSort }: SortableThProps) {
  const { t } = useTranslation();
  const isActive = sort === field;
  const current = isActive ? (dir ?? 'asc') : undefined;
  const next: SortDir = current === 'asc' ? 'desc' : 'asc';
  const arrow = current === 'asc' ? ' ▲' : current === 'desc' ? ' ▼' : '';
  return (
    <Table.Th aria-sort={current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : 'none'}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(field, next)}
        title={t(next === 'asc' ? 'table.sortAscending' : 'table.sortDescending')}
      >
        {label}
        <span aria-hidden="true">{arrow}</span>
      </button>
    </Table.Th>
  );
}
