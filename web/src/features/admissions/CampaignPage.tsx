import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATUSES } from '@ms/contracts/admissions';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { AnchorLink, ButtonLink } from '../../components/RouterLinks.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { declinePlace, fetchApplications, fetchCampaign, updateCampaign, type Campaign } from './admissions.api.ts';
import { reasonText, STATUS_COLOURS } from './admissions-text.ts';
import { CampaignForm, valuesOf } from './CampaignForm.tsx';
import { DecisionsPanel } from './DecisionsPanel.tsx';

const route = getRouteApi('/app/admissions/$campaignId');

/** One campaign for its staff: settings, counts, and its applications. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { name } = useLocalised();
  const { campaignId } = route.useParams();
  const campaign = useQuery({ queryKey: ['admission-campaign', campaignId], queryFn: () => fetchCampaign(campaignId) });
  return (
    <QueryState query={campaign}>
      {(c) => (
        <Stack maw={1100}>
          <PageTitle
            actions={
              <>
                <ButtonLink variant="light" to="/admissions/$campaignId/ranking" params={{ campaignId }}>
                  {t('admissions.ranking')}
                </ButtonLink>
                <ButtonLink variant="light" to="/admissions/$campaignId/test" params={{ campaignId }}>
                  {t('admissions.testLink')}
                </ButtonLink>
                <ButtonLink variant="light" to="/admissions/$campaignId/experts" params={{ campaignId }}>
                  {t('admissions.experts.link')}
                </ButtonLink>
                <ButtonLink variant="light" to="/admissions/$campaignId/interviews" params={{ campaignId }}>
                  {t('admissions.interviews.link')}
                </ButtonLink>
                <ButtonLink variant="light" to="/admissions/$campaignId/funnel" params={{ campaignId }}>
                  {t('admissions.funnel.link')}
                </ButtonLink>
                <ButtonLink variant="subtle" to="/apply/$slug" params={{ slug: c.slug }}>
                  {t('admissions.publicPage')}
                </ButtonLink>
              </>
            }
          >
            {name({ nameRu: c.titleRu, nameEn: c.titleEn })}
          </PageTitle>
          <Group gap="xs">
            {APPLICATION_STATUSES.filter((s) => c.counts[s]).map((s) => (
              <Badge key={s} color={STATUS_COLOURS[s]} variant="light">
                {t(`admissions.status.${s}`)}: {c.counts[s]}
              </Badge>
            ))}
          </Group>
          <Settings campaign={c} />
          {c.rankedAt && <DecisionsPanel campaignId={campaignId} />}
          <Applications campaignId={campaignId} />
        </Stack>
      )}
    </QueryState>
  );
}

function Settings({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: Parameters<typeof updateCampaign>[1]) => updateCampaign(campaign.id, values),
    onSuccess: (updated) => {
      queryClient.setQueryData(['admission-campaign', campaign.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['admission-campaigns'] });
    },
  });
  return (
    <Paper withBorder p="md">
      <CampaignForm key={campaign.id} initial={valuesOf(campaign)} submitLabel={t('admissions.save')} isPending={save.isPending} error={save.error} onSubmit={(values) => save.mutate(values)} />
      {save.isSuccess && (
        <Text size="sm" c="green.9" role="status" mt="xs">
          {t('admissions.saved')}
        </Text>
      )}
    </Paper>
  );
}

function Applications({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const { dateTime } = useLocalised();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string | null>(null);
  const [search, setSearch] = useState<string | undefined>(undefined);
  const queryClient = useQueryClient();
  const decline = useMutation({
    mutationFn: (applicationId: string) => declinePlace(campaignId, applicationId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admission-applications', campaignId] }),
  });
  const query = useQuery({
    queryKey: ['admission-applications', campaignId, page, status, search],
    queryFn: () => fetchApplications(campaignId, { page, status: status ?? undefined, q: search }),
    placeholderData: keepPreviousData,
  });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('admissions.applications')}
          </Title>
          <SearchInput
            label={t('applicationFile.search')}
            value={search}
            onSearch={(q) => {
              setSearch(q);
              setPage(1);
            }}
          />
          <Select
            label={t('admissions.filterStatus')}
            data={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`admissions.status.${s}`) }))}
            value={status}
            onChange={(s) => {
              setStatus(s);
              setPage(1);
            }}
            clearable
          />
        </Group>
        <ProblemAlert error={decline.error} />
        <QueryState query={query}>
          {(data) => (
            <>
              <TableScroll label={t('admissions.applications')}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('admissions.table.rank')}</Table.Th>
                      <Table.Th>{t('admissions.table.name')}</Table.Th>
                      <Table.Th>{t('admissions.table.region')}</Table.Th>
                      <Table.Th>{t('admissions.table.status')}</Table.Th>
                      <Table.Th>{t('admissions.table.eligible')}</Table.Th>
                      <Table.Th>{t('admissions.table.score')}</Table.Th>
                      <Table.Th>{t('admissions.table.submittedAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>{a.rankPosition ?? '—'}</Table.Td>
                        <Table.Td>
                          <AnchorLink to="/admissions/$campaignId/applications/$applicationId" params={{ campaignId, applicationId: a.id }} size="sm">
                            {a.fullName}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>{a.regionCode ?? '—'}</Table.Td>
                        <Table.Td>
                          <Badge color={STATUS_COLOURS[a.status]} variant="light">
                            {t(`admissions.status.${a.status}`)}
                          </Badge>
                          {a.decisionReason && (
                            <Text size="xs" c="dimmed">
                              {t(`admissions.decisionReason.${a.decisionReason}` as never)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{a.isEligible === null ? '—' : a.isEligible ? t('admissions.table.yes') : a.eligibilityReasons.map((r) => reasonText(t, r)).join('; ')}</Table.Td>
                        <Table.Td>{a.compositeScore?.toFixed(2) ?? '—'}</Table.Td>
                        <Table.Td>
                          {dateTime(a.submittedAt)}
                          {a.status === 'admitted' && (
                            <Button size="compact-xs" variant="subtle" color="red" onClick={() => decline.mutate(a.id)} aria-label={t('admissions.decisions.decline', { name: a.fullName })}>
                              ×
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
              <TablePager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
            </>
          )}
        </QueryState>
        <AnchorLink to="/admissions" size="sm">
          {t('admissions.campaigns')}
        </AnchorLink>
      </Stack>
    </Paper>
  );
}
