import { Button, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
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
import { TableScroll } from '../../components/TableScroll.tsx';

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
              <TableScroll label={t('audit.caption')}>
                <Table striped>
                  <Table.Caption className="visually-hidden">{t('audit.caption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('audit.at')}</Table.Th>
                      <Table.Th>{t('audit.actor')}</Table.Th>
                      <Table.Th>{t('audit.action')}</Table.Th>
                      <Table.Th>{t('audit.entity')}</Table.Th>
                      <Table.Th>{t('audit.ip')}</Table.Th>
                      <Table.Th>{t('audit.details')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.dateTime(e.at)}</Table.Td>
                        <Table.Td>{e.actorEmail ?? t('audit.system')}</Table.Td>
                        <Table.Td>
                          <Code>{e.action}</Code>
                        </Table.Td>
                        <Table.Td>{[e.entity, e.entityId].filter(Boolean).join(' ')}</Table.Td>
                        <Table.Td>{e.ip ?? ''}</Table.Td>
                        <Table.Td>
                          <Text size="xs" ff="monospace" style={{ wordBreak: 'break-word' }} maw={360}>
                            {Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : ''}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
              <TablePager page={page.page} pageSize={page.pageSize} total={page.total} onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p }) })} />
            </div>
          )
        }
      </QueryState>
    </Stack>
  );
}
