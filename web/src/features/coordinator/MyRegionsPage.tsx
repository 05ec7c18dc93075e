import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/auth.ts';
import { useLocalised } from '../../api/names.ts';
import { useRegions } from '../../api/regions.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { streamsQuery } from '../programmes/programmes.api.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

/** A coordinator's start page: their regions, and each visible stream's roster narrowed to them. */
export function MyRegionsPage() {
  const { t } = useTranslation();
  const l = useLocalised();
  const { data: me } = useSuspenseQuery(meQuery);
  const regions = useRegions();
  const streams = useQuery(streamsQuery({}));
  const codes = [...new Set((me?.grants ?? []).filter((g) => g.role === 'coordinator' && g.regionCode).map((g) => g.regionCode as string))];

  return (
    <Stack>
      <PageTitle>{t('myRegions.title')}</PageTitle>
      {codes.length === 0 ? (
        <Text c="dimmed">{t('myRegions.none')}</Text>
      ) : (
        <Group gap="xs" aria-label={t('myRegions.regions')} role="list">
          {codes.map((code) => (
            <Badge key={code} size="lg" variant="light" role="listitem">
              {regions.name(code)}
            </Badge>
          ))}
        </Group>
      )}
      <QueryState query={streams}>
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed">{t('myRegions.noStreams')}</Text>
          ) : (
            <TableScroll label={t('myRegions.caption')}>
              <Table striped>
                <Table.Caption className="visually-hidden">{t('myRegions.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('streams.name')}</Table.Th>
                    <Table.Th>{t('streams.dates')}</Table.Th>
                    <Table.Th>{t('myRegions.people')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>{l.name(s)}</Table.Td>
                      <Table.Td>{t('common.dateRange', { from: l.date(s.startsOn), to: l.date(s.endsOn) })}</Table.Td>
                      <Table.Td>
                        <AnchorLink to="/streams/$streamId" params={{ streamId: s.id }} search={{ region: codes.length === 1 ? codes[0] : undefined }}>
                          {t('myRegions.open')}
                        </AnchorLink>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )
        }
      </QueryState>
    </Stack>
  );
}
