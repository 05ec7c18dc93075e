import { useState } from 'react';
import { Badge, Button, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Intake } from '@ms/contracts/programmes';
import { meQuery } from '../../api/auth.ts';
import { get } from '../../api/client.ts';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { createCampaign, fetchCampaigns, type Campaign } from './admissions.api.ts';
import { CampaignForm, EMPTY_CAMPAIGN } from './CampaignForm.tsx';

/** Admission campaigns the user runs (staff) or nominates in (coordinators), and a new one. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const { name, dateTime } = useLocalised();
  const campaigns = useQuery({ queryKey: ['admission-campaigns'], queryFn: fetchCampaigns });
  const [isCreating, setCreating] = useState(false);
  const me = useQuery(meQuery);
  const canCreate = Boolean(me.data?.roles.some((r) => r === 'staff' || r === 'admin'));

  return (
    <Stack maw={1100}>
      <PageTitle actions={canCreate && <Button onClick={() => setCreating((v) => !v)}>{t('admissions.newCampaign')}</Button>}>{t('admissions.campaigns')}</PageTitle>
      {canCreate && isCreating && <NewCampaign />}
      <QueryState query={campaigns}>
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('admissions.noCampaigns')}</Text>
          ) : (
            <TableScroll label={t('admissions.campaigns')}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admissions.titleRu')}</Table.Th>
                    <Table.Th>{t('admissions.opensAt')}</Table.Th>
                    <Table.Th>{t('admissions.closesAt')}</Table.Th>
                    <Table.Th>{t('admissions.table.status')}</Table.Th>
                    <Table.Th>{t('admissions.applications')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((c: Campaign) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        {canCreate || !c.hasNominationGate ? (
                          <AnchorLink to="/admissions/$campaignId" params={{ campaignId: c.id }}>
                            {name({ nameRu: c.titleRu, nameEn: c.titleEn })}
                          </AnchorLink>
                        ) : (
                          <AnchorLink to="/admissions/$campaignId/nominations" params={{ campaignId: c.id }}>
                            {name({ nameRu: c.titleRu, nameEn: c.titleEn })}
                          </AnchorLink>
                        )}
                      </Table.Td>
                      <Table.Td>{dateTime(c.opensAt)}</Table.Td>
                      <Table.Td>{dateTime(c.closesAt)}</Table.Td>
                      <Table.Td>
                        <Badge color={c.isOpen ? 'green' : c.isPublished ? 'gray' : 'yellow'} variant="light">
                          {c.isOpen ? t('admissions.open') : c.isPublished ? t('admissions.closed') : t('admissions.draft')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{Object.values(c.counts).reduce((a, b) => a + b, 0)}</Table.Td>
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

function NewCampaign() {
  const { t } = useTranslation();
  const { name } = useLocalised();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [intakeId, setIntakeId] = useState<string | null>(null);
  const intakes = useQuery({ queryKey: ['intakes', 'manageable'], queryFn: () => get<{ items: Intake[] }>('/api/intakes', { pageSize: 500 }) });
  const create = useMutation({
    mutationFn: createCampaign,
    onSuccess: (campaign) => {
      void queryClient.invalidateQueries({ queryKey: ['admission-campaigns'] });
      void navigate({ to: '/admissions/$campaignId', params: { campaignId: campaign.id } });
    },
  });
  const options = (intakes.data?.items ?? []).filter((i) => i.canManage).map((i) => ({ value: i.id, label: name(i) }));
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t('admissions.newCampaign')}
        </Title>
        <Select label={t('admissions.intake')} data={options} value={intakeId} onChange={setIntakeId} required searchable />
        <CampaignForm initial={EMPTY_CAMPAIGN} submitLabel={t('admissions.create')} isPending={create.isPending} error={create.error} onSubmit={(values) => create.mutate({ ...values, intakeId: intakeId ?? '' })} />
      </Stack>
    </Paper>
  );
}
