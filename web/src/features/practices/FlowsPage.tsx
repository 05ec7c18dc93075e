import { useState } from 'react';
import { Group, Paper, Progress, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AREA_LABELS } from '@ms/contracts/areas';
import { useLocalised } from '../../api/names.ts';
import { regionsQuery } from '../../api/reference.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { Cartogram } from '../map/Cartogram.tsx';
import { programmesQuery } from '../programmes/programmes.api.ts';
import { flowsQuery, type Flows } from './practices.api.ts';

const route = getRouteApi('/app/practices/flows');

/** Where practices travel: origin regions → adopting municipalities, the most adopted, coverage of the 30 areas. */
export function FlowsPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const programmes = useQuery(programmesQuery({ pageSize: 100 }));
  const programmeId = search.programmeId ?? programmes.data?.items[0]?.id;
  const flows = useQuery({ ...flowsQuery(programmeId ?? ''), enabled: programmeId !== undefined });
  return (
    <Stack>
      <Text size="sm">
        <AnchorLink to="/practices">{t('practices.title')}</AnchorLink>
      </Text>
      <PageTitle>{t('practices.flows.title')}</PageTitle>
      <Select
        label={t('practices.programme')}
        data={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.nameRu }))}
        value={programmeId ?? null}
        onChange={(v) => void navigate({ search: { programmeId: v ?? undefined }, replace: true })}
        allowDeselect={false}
        w={{ base: '100%', xs: 360 }}
      />
      {programmeId && <QueryState query={flows}>{(data) => <FlowsView programmeId={programmeId} flows={data} />}</QueryState>}
    </Stack>
  );
}

function FlowsView({ programmeId, flows }: { programmeId: string; flows: Flows }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const lang: 'ru' | 'en' = l.language === 'en' ? 'en' : 'ru';
  const regions = useQuery(regionsQuery);
  const [layer, setLayer] = useState<'adoptions' | 'origins'>('adoptions');
  const [selected, setSelected] = useState<string | null>(null);
  const regionName = (code: string) => {
    const region = regions.data?.find((r) => r.code === code);
    return region ? l.name(region) : code;
  };
  const counts = new Map(flows.regions.map((r) => [r.regionCode, layer === 'adoptions' ? r.adoptions : r.outgoing]));
  // The whole programme's answer holds only its largest flows: a selected region's come from the server.
  const regional = useQuery({ ...flowsQuery(programmeId, selected ?? undefined), enabled: selected !== null });
  const list = selected ? regional.data : flows;
  const shown = list?.flows ?? [];
  const maxCoverage = Math.max(1, ...flows.coverage.map((c) => c.plans));

  return (
    <Stack>
      <Text>{t('practices.flows.totals', { practices: flows.totals.practices, plans: flows.totals.plans, municipalities: flows.totals.municipalities, regions: flows.totals.regions })}</Text>
      <SegmentedControl
        aria-label={t('practices.flows.layer')}
        value={layer}
        onChange={(v) => setLayer(v === 'origins' ? 'origins' : 'adoptions')}
        data={[
          { value: 'adoptions', label: t('practices.flows.adoptionsLayer') },
          { value: 'origins', label: t('practices.flows.originsLayer') },
        ]}
        w={{ base: '100%', xs: 'auto' }}
      />
      {regions.data && (
        <Cartogram
          regions={regions.data}
          counts={counts}
          label={t('practices.flows.mapLabel')}
          describe={(name, count) => t(layer === 'adoptions' ? 'practices.flows.tileAdoptions' : 'practices.flows.tileOrigins', { name, count })}
          noneLabel={t('practices.flows.none')}
          selected={selected}
          // Choosing the selected region again goes back to the whole programme's flows.
          onSelect={(code) => setSelected(selected === code ? null : code)}
        />
      )}
      <Title order={2} size="h3">
        {selected ? t('practices.flows.flowsOf', { region: regionName(selected) }) : t('practices.flows.flows')}
      </Title>
      <TableScroll label={t('practices.flows.flows')}>
        <Table striped>
          <Table.Caption className="visually-hidden">{t('practices.flows.flows')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('practices.flows.from')}</Table.Th>
              <Table.Th>{t('practices.flows.to')}</Table.Th>
              <Table.Th>{t('practices.flows.plans')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((f) => (
              <Table.Tr key={`${f.originRegionCode}${f.municipalityId}`}>
                <Table.Td>{regionName(f.originRegionCode)}</Table.Td>
                <Table.Td>{`${f.municipalityName} (${regionName(f.regionCode)})`}</Table.Td>
                <Table.Td>{f.plans}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {list && list.flowsTotal > shown.length && (
        <Text size="sm" c="dimmed">
          {t('practices.flows.largest', { shown: shown.length, total: list.flowsTotal })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('practices.flows.top')}
          </Title>
          <Stack gap={6} component="ol" style={{ paddingLeft: 20, margin: 0 }}>
            {flows.topPractices.map((p) => (
              <li key={p.id}>
                <AnchorLink to="/practices/$practiceId" params={{ practiceId: p.id }}>
                  {p.title}
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  {regionName(p.originRegionCode)} · {t('practices.adoptions', { count: p.plans })}
                </Text>
              </li>
            ))}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('practices.flows.stages')}
          </Title>
          <Group gap="lg">
            {flows.stages.map((s) => (
              <div key={s.stage}>
                <Text size="xl" fw={700}>
                  {s.plans}
                </Text>
                <Text size="sm">{t(`practices.stages.${s.stage}`)}</Text>
              </div>
            ))}
          </Group>
        </Paper>
      </SimpleGrid>
      <Title order={2} size="h3">
        {t('practices.flows.coverage')}
      </Title>
      <TableScroll label={t('practices.flows.coverage')}>
        <Table>
          <Table.Caption className="visually-hidden">{t('practices.flows.coverage')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('practices.areas')}</Table.Th>
              <Table.Th>{t('practices.flows.practices')}</Table.Th>
              <Table.Th>{t('practices.flows.plans')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {flows.coverage.map((c) => (
              <Table.Tr key={c.area}>
                <Table.Td>{AREA_LABELS[c.area][lang]}</Table.Td>
                <Table.Td>{c.practices}</Table.Td>
                <Table.Td style={{ minWidth: 140 }}>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" w={24}>
                      {c.plans}
                    </Text>
                    <Progress value={(c.plans / maxCoverage) * 100} w={100} aria-hidden="true" />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}
