import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AREA_LABELS } from '@ms/contracts/areas';
import { KPI_UNITS } from '@ms/contracts/practices';
import { meQuery } from '../../api/auth.ts';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { AdoptForm } from './AdoptForm.tsx';
import { CurationActions } from './CurationActions.tsx';
import { kpiProgressQuery, practiceQuery, type Practice } from './practices.api.ts';

const route = getRouteApi('/app/practices/$practiceId');

/** Texts are shown as text (React escapes them) with their line breaks kept. */
function Section({ title, text }: { title: string; text: string }) {
  if (!text) return null;
  return (
    <Stack gap={4}>
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
    </Stack>
  );
}

/** One practice: problem, solution, results, contacts, where participants saw it, and its adoptions. */
export function PracticePage() {
  const { practiceId } = route.useParams();
  const practice = useQuery(practiceQuery(practiceId));
  return <QueryState query={practice}>{(p) => <PracticeView practice={p} />}</QueryState>;
}

function PracticeView({ practice: p }: { practice: Practice }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const lang: 'ru' | 'en' = l.language === 'en' ? 'en' : 'ru';
  const { data: me } = useSuspenseQuery(meQuery);
  const progress = useQuery(kpiProgressQuery(p.id));
  const canAdopt = p.status === 'approved' && me?.personId && me.roles.some((r) => r === 'participant' || r === 'alumnus');
  const unit = (u: keyof typeof KPI_UNITS) => KPI_UNITS[u][lang];

  return (
    <Stack>
      <Text size="sm">
        <AnchorLink to="/practices">{t('practices.title')}</AnchorLink>
      </Text>
      <PageTitle>{p.title}</PageTitle>
      <Group gap="xs">
        {p.status !== 'approved' && <Badge color={p.status === 'proposed' ? 'orange.9' : 'gray.7'}>{t(`practices.status.${p.status}`)}</Badge>}
        {p.areas.map((a) => (
          <Badge key={a} variant="light">
            {AREA_LABELS[a][lang]}
          </Badge>
        ))}
      </Group>
      <Text c="dimmed">
        {t('practices.origin')}: {[l.language === 'en' ? p.originRegionNameEn : p.originRegionNameRu, p.originMunicipalityName].filter(Boolean).join(', ')} · {t('practices.adoptions', { count: p.adoptionCount })}
      </Text>
      {p.summary && <Text size="lg">{p.summary}</Text>}
      {p.canCurate && <CurationActions practice={p} />}
      {canAdopt && <AdoptForm practice={p} />}
      <Section title={t('practices.problem')} text={p.problem} />
      <Section title={t('practices.solution')} text={p.solution} />
      <Section title={t('practices.results')} text={p.results} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {p.contacts.length > 0 && (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('practices.contacts')}
            </Title>
            <List spacing="xs">
              {p.contacts.map((c) => (
                <List.Item key={`${c.name}${c.email}`}>
                  <Text fw={500}>{c.name}</Text>
                  <Text size="sm">{[c.role, c.phone].filter(Boolean).join(' · ')}</Text>
                  {c.email && (
                    <Anchor href={`mailto:${c.email}`} size="sm">
                      {c.email}
                    </Anchor>
                  )}
                </List.Item>
              ))}
            </List>
          </Paper>
        )}
        {p.showings.length > 0 && (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('practices.seenAt')}
            </Title>
            <List spacing="xs">
              {p.showings.map((s) => (
                <List.Item key={`${s.moduleId}${s.sessionId ?? ''}`}>
                  <AnchorLink to="/modules/$moduleId" params={{ moduleId: s.moduleId }}>
                    {t('practices.moduleOfStream', { module: s.moduleNumber, stream: s.streamNumber })}
                  </AnchorLink>{' '}
                  — {l.language === 'en' ? s.themeEn : s.themeRu}, {l.date(s.startsOn)}
                  {s.sessionTitleRu && <Text size="sm">{l.language === 'en' ? s.sessionTitleEn : s.sessionTitleRu}</Text>}
                  <Text size="sm">
                    <AnchorLink to="/practices" search={{ moduleId: s.moduleId }}>
                      {t('practices.sameModule')}
                    </AnchorLink>
                  </Text>
                </List.Item>
              ))}
            </List>
          </Paper>
        )}
        {p.links.length > 0 && (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('practices.links')}
            </Title>
            <List>
              {p.links.map((link) => (
                <List.Item key={link.url}>
                  {/* The server accepts only http(s) URLs; noopener keeps the opened page away from ours. */}
                  <Anchor href={link.url} target="_blank" rel="noopener noreferrer nofollow">
                    {link.title}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Paper>
        )}
      </SimpleGrid>
      <Title order={2} size="h4">
        {t('practices.kpiProgress')}
      </Title>
      <QueryState query={progress}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('practices.noAdoptions')}</Text>
          ) : (
            <TableScroll label={t('practices.kpiProgress')}>
              <Table striped>
                <Table.Caption className="visually-hidden">{t('practices.kpiProgress')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('practices.municipality')}</Table.Th>
                    <Table.Th>{t('practices.stage')}</Table.Th>
                    <Table.Th>{t('practices.kpi')}</Table.Th>
                    <Table.Th>{t('practices.baseline')}</Table.Th>
                    <Table.Th>{t('practices.target')}</Table.Th>
                    <Table.Th>{t('practices.actual')}</Table.Th>
                    <Table.Th>{t('practices.progress')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((i) => (
                    <Table.Tr key={`${i.planId}${i.kpiName}`}>
                      <Table.Td>{i.municipalityName}</Table.Td>
                      <Table.Td>{t(`practices.stages.${i.stage}`)}</Table.Td>
                      <Table.Td>{i.kpiName}</Table.Td>
                      <Table.Td>{`${l.number(i.baseline)} ${unit(i.unit)}`}</Table.Td>
                      <Table.Td>{`${l.number(i.target)} ${unit(i.unit)}`}</Table.Td>
                      <Table.Td>{i.actual === null ? '—' : `${l.number(i.actual)} ${unit(i.unit)}`}</Table.Td>
                      <Table.Td>{i.progressPct === null ? '—' : `${l.number(i.progressPct)} %`}</Table.Td>
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
