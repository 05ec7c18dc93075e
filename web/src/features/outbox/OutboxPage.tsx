import { Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { outboxQuery } from './outbox.api.ts';
import { OutboxStatus } from './OutboxStatus.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

const route = getRouteApi('/app/outbox');
const KINDS = ['invitation', 'password_reset'] as const;

/** Every message the platform sent or kept: search by address or subject, filter by kind. */
export function OutboxPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const l = useLocalised();
  const messages = useQuery(outboxQuery(search));
  const update = (patch: Partial<typeof search>) => void navigate({ search: (s) => ({ ...s, page: 1, ...patch }), replace: true });

  return (
    <Stack>
      <PageTitle>{t('outbox.title')}</PageTitle>
      <Text size="sm" c="dimmed">
        {t('outbox.hint')}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <SearchInput label={t('outbox.search')} value={search.q} onSearch={(q) => update({ q })} />
        <Select
          label={t('outbox.kind')}
          placeholder={t('common.all')}
          clearable
          w={220}
          data={KINDS.map((k) => ({ value: k, label: t(`outbox.kinds.${k}`) }))}
          value={search.kind ?? null}
          onChange={(kind) => update({ kind: kind ?? undefined })}
        />
      </Group>
      <QueryState query={messages}>
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed">{t('outbox.empty')}</Text>
          ) : (
            <div>
              <TableScroll label={t('outbox.caption')}>
                <Table striped highlightOnHover>
                  <Table.Caption className="visually-hidden">{t('outbox.caption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('outbox.createdAt')}</Table.Th>
                      <Table.Th>{t('outbox.to')}</Table.Th>
                      <Table.Th>{t('outbox.subject')}</Table.Th>
                      <Table.Th>{t('outbox.kind')}</Table.Th>
                      <Table.Th>{t('outbox.state')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((m) => (
                      <Table.Tr key={m.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.dateTime(m.createdAt)}</Table.Td>
                        <Table.Td>{m.toAddress}</Table.Td>
                        <Table.Td>
                          <AnchorLink to="/outbox/$messageId" params={{ messageId: m.id }}>
                            {m.subject}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>{KINDS.includes(m.kind as (typeof KINDS)[number]) ? t(`outbox.kinds.${m.kind as (typeof KINDS)[number]}`) : m.kind}</Table.Td>
                        <Table.Td>
                          <OutboxStatus status={m.status} />
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
