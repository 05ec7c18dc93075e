import { useState } from 'react';
import { Button, Group, NumberInput, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FUNNEL_STAGES, type FunnelStage } from '@ms/contracts/admission-funnel';
import { useLocalised } from '../../api/names.ts';
import { federalDistrictsQuery, regionsQuery } from '../../api/reference.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { Cartogram } from '../map/Cartogram.tsx';
import { RegionsTable } from '../map/RegionsTable.tsx';
import { fetchFunnel, funnelExportUrl } from './funnel.api.ts';

const route = getRouteApi('/app/admissions/$campaignId/funnel');

/** The funnel: each stage's count in total and by federal district, and one stage by region on the cartogram. */
export function FunnelPage() {
  const { t } = useTranslation();
  const { name } = useLocalised();
  const { campaignId } = route.useParams();
  const [passMark, setPassMark] = useState<number>(0);
  const [stage, setStage] = useState<FunnelStage>('applications');
  const funnel = useQuery({ queryKey: ['funnel', campaignId, passMark], queryFn: () => fetchFunnel(campaignId, passMark), placeholderData: keepPreviousData });
  const regions = useQuery(regionsQuery);
  const districts = useQuery(federalDistrictsQuery);
  const districtName = (code: string) => {
    const d = districts.data?.find((x) => x.code === code);
    return d ? name(d) : code;
  };
  return (
    <Stack maw={1100}>
      <PageTitle
        actions={
          <Button component="a" href={funnelExportUrl(campaignId, passMark)} download variant="default">
            {t('admissions.funnel.export')}
          </Button>
        }
      >
        {t('admissions.funnel.title')}
      </PageTitle>
      <NumberInput label={t('admissions.funnel.passMark')} description={t('admissions.funnel.passMarkHint')} value={passMark} onChange={(v) => setPassMark(Math.min(100, Math.max(0, Number(v) || 0)))} min={0} max={100} w={260} />
      <QueryState query={funnel}>
        {(f) => (
          <Stack>
            <Paper withBorder p="md">
              <TableScroll label={t('admissions.funnel.title')}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('admissions.funnel.district')}</Table.Th>
                      {FUNNEL_STAGES.map((s) => (
                        <Table.Th key={s} ta="right">
                          {t(`admissions.funnel.${s}`)}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {f.byDistrict.map((d) => (
                      <Table.Tr key={d.district}>
                        <Table.Td>{districtName(d.district)}</Table.Td>
                        {FUNNEL_STAGES.map((s) => (
                          <Table.Td key={s} ta="right">
                            {d[s]}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                    <Table.Tr fw={700}>
                      <Table.Td>{t('admissions.funnel.total')}</Table.Td>
                      {FUNNEL_STAGES.map((s) => (
                        <Table.Td key={s} ta="right">
                          {f.total[s]}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </TableScroll>
              <Text size="xs" c="dimmed" mt="xs">
                {t('admissions.funnel.computed', { ms: f.computedMs })}
              </Text>
            </Paper>
            <Paper withBorder p="md">
              <Stack>
                <Group justify="space-between">
                  <Title order={3}>{t('admissions.funnel.map')}</Title>
                </Group>
                <SegmentedControl value={stage} onChange={(v) => setStage(v as FunnelStage)} data={FUNNEL_STAGES.map((s) => ({ value: s, label: t(`admissions.funnel.${s}`) }))} fullWidth orientation="horizontal" style={{ flexWrap: 'wrap' }} />
                {regions.data && districts.data && (
                  <>
                    <Cartogram regions={regions.data} counts={new Map(f.byRegion.map((r) => [r.regionCode, r[stage]]))} />
                    <RegionsTable regions={regions.data} districts={districts.data} counts={new Map(f.byRegion.map((r) => [r.regionCode, r[stage]]))} caption={t(`admissions.funnel.${stage}`)} />
                  </>
                )}
              </Stack>
            </Paper>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
