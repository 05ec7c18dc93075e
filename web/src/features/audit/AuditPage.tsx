import { Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@ms/contracts/audit';
import { get, withQuery } from '../../api/client.ts';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import type { Page } from '../programmes/programmes.api.ts';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';

const route = getRouteApi('/app/audit');
const PAGE_SIZE = 50;

/** The audit log, newest first: filter by action, actor and dates; page; export what is filtered. */
export function AuditPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const l = useLocalised();
  const filters = { action: search.action, actor: search.actor, from: search.from, to: search.to };
  const entries = useQuery({
    queryKey: ['audit', search],
    queryFn: ({ signal }) => get<Page<AuditEntry>>('/api/audit', { ...filters, page: search.page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<typeof search>) => void navigate({ search: (s) => ({ ...s, page: 1, ...patch }), replace: true });
  const hasFilters = Object.values(filters).some(Boolean);
  const columns: Array<Column<AuditEntry>> = [
    { key: 'at', label: t('audit.at'), card: 'title', nowrap: true, render: (e) => l.dateTime(e.at) },
    { key: 'actor', label: t('audit.actor'), render: (e) => e.actorEmail ?? t('audit.system') },
    { key: 'action', label: t('audit.action'), render: (e) => <Code>{e.action}</Code> },
    { key: 'entity', label: t('audit.entity'), render: (e) => [e.entity, e.entityId].filter(Boolean).join(' ') },
    { key: 'ip', label: t('audit.ip'), render: (e) => e.ip ?? '' },
    {
      key: 'details',
      label: t('audit.details'),
      render: (e) => (
        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-word' }} maw={360}>
          {Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : ''}
        </Text>
      ),
    },
  ];

  return (
    <Stack>
      <PageTitle
        actions={
          <Button component="a" href={withQuery('/api/audit/export', filters)} download variant="default">
            {t('audit.export')}
          </Button>
        }
      >
        {t('audit.title')}
      </PageTitle>
      <Group align="flex-end" wrap="wrap">
        <SearchInput label={t('audit.action')} placeholder={t('audit.actionHint')} value={search.action} onSearch={(action) => update({ action })} w={220} />
        <SearchInput label={t('audit.actor')} value={search.actor} onSearch={(actor) => update({ actor })} w={220} />
        <TextInput type="date" label={t('audit.from')} value={search.from ?? ''} onChange={(e) => update({ from: e.currentTarget.value || undefined })} w={170} />
        <TextInput type="date" label={t('audit.to')} value={search.to ?? ''} onChange={(e) => update({ to: e.currentTarget.value || undefined })} w={170} />
        {hasFilters && (
          <Button variant="subtle" onClick={() => update({ action: undefined, actor: undefined, from: undefined, to: undefined })}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>
      <QueryState query={entries}>
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed">{t('audit.empty')}</Text>
          ) : (
            <div>
              <ResponsiveTable caption={t('audit.caption')} rows={page.items} rowKey={(e) => String(e.id)} columns={columns} highlightOnHover={false} />
              <TablePager page={page.page} pageSize={page.pageSize} total={page.total} onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p }) })} />
            </div>
          )
        }
      </QueryState>
    </Stack>
  );
}
