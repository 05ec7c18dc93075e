import { useState } from 'react';
import { sortBy } from './sort.ts';
import type { SortDir } from './SortableTh.tsx';

type SortKey<T> = (row: T) => string | number | null | undefined;

/** What a list that arrives whole is narrowed to: a search needle, an order and a page. */
export interface ClientTableState {
  needle: string | undefined;
  sort: { field: string; dir: SortDir };
  page: number;
  pageSize: number;
}

/** How rows are searched and sorted. Fields missing from `sortKeys` leave the order as it came. */
export interface ClientTableRules<T> {
  searchText?: (row: T) => string;
  sortKeys: Record<string, SortKey<T>>;
}

/**
 * Filters by a case-insensitive substring of `searchText`, sorts by the chosen field, and cuts one page
 * (a page past the end shows the last one). `matching` is every matching row in order, for CSV export.
 */
export function selectClientRows<T>(items: readonly T[], rules: ClientTableRules<T>, state: ClientTableState, locale: string) {
  const needle = state.needle?.trim().toLocaleLowerCase(locale);
  const found = needle && rules.searchText ? items.filter((row) => rules.searchText!(row).toLocaleLowerCase(locale).includes(needle)) : [...items];
  const key = rules.sortKeys[state.sort.field];
  const matching = key ? sortBy(found, key, state.sort.dir, locale) : found;
  const pages = Math.max(1, Math.ceil(matching.length / state.pageSize));
  const page = Math.min(Math.max(1, state.page), pages);
  return { matching, page, total: matching.length, rows: matching.slice((page - 1) * state.pageSize, page * state.pageSize) };
}

/**
 * Search, sort and pages on the page for a list the API returns whole (a stream's participants: tens to
 * a few hundred rows). Returns props for SearchInput, ResponsiveTable's `sort` and TablePager; any change
 * of search or order goes back to page 1.
 */
export function useClientTable<T>(items: readonly T[], rules: ClientTableRules<T>, options: { initialSort: { field: string; dir: SortDir }; pageSize?: number; locale: string }) {
  const [needle, setNeedle] = useState<string | undefined>();
  const [sort, setSort] = useState(options.initialSort);
  const [page, setPage] = useState(1);
  const pageSize = options.pageSize ?? 25;
  const selected = selectClientRows(items, rules, { needle, sort, page, pageSize }, options.locale);
  return {
    ...selected,
    search: { value: needle, onSearch: (value: string | undefined) => (setNeedle(value), setPage(1)) },
    sort: { ...sort, onSort: (field: string, dir: SortDir) => (setSort({ field, dir }), setPage(1)) },
    pager: { page: selected.page, pageSize, total: selected.total, onPage: setPage },
    /** Back to page 1, for filters the page keeps itself. */
    resetPage: () => setPage(1),
  };
}
