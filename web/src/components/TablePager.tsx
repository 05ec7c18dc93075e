import { Group, Pagination, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface TablePagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize?: (pageSize: number) => void;
  pageSizes?: number[];
}

/** "Rows 1–50 of 160", page buttons and an optional page-size select under a table. */
export function TablePager({ page, pageSize, total, onPage, onPageSize, pageSizes = [25, 50, 100] }: TablePagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="sm" gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('table.range', { from, to, total })}
      </Text>
      <Group gap="sm" wrap="wrap">
        {onPageSize && (
          <Select
            aria-label={t('table.pageSize')}
            size="xs"
            w={90}
            allowDeselect={false}
            data={pageSizes.map(String)}
            value={String(pageSize)}
            onChange={(value) => value && onPageSize(Number(value))}
          />
        )}
        {pages > 1 && (
          <Pagination
            size="sm"
            total={pages}
            value={Math.min(page, pages)}
            onChange={onPage}
            siblings={1}
            boundaries={1}
            getControlProps={(control) => ({
              'aria-label':
                control === 'next' ? t('table.nextPage') : control === 'previous' ? t('table.previousPage') : control === 'first' ? t('table.firstPage') : t('table.lastPage'),
            })}
            getItemProps={(p) => ({ 'aria-label': t('table.page', { page: p }) })}
          />
        )}
      </Group>
    </Group>
  );
}
