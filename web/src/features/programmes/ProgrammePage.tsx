import { Badge, Breadcrumbs, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { intakesQuery, programmeQuery, streamsQuery, type Intake, type Stream } from './programmes.api.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

const route = getRouteApi('/app/programmes/$programmeId');

/** One programme: its description and, per intake, the streams with their participant counts. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { programmeId } = route.useParams();
  const l = useLocalised();
  const programme = useQuery(programmeQuery(programmeId));
  const intakes = useQuery(intakesQuery(programmeId));
  const streams = useQuery(streamsQuery({ programmeId }));

  return (
    <QueryState query={programme}>
      {(p) => (
        <Stack>
          <Breadcrumbs>
            <AnchorLink to="/programmes">
              {t('programmes.title')}
            </AnchorLink>
            <Text>{l.name(p)}</Text>
          </Breadcrumbs>
          <PageTitle>{l.name(p)}</PageTitle>
          {(l.language === 'en' ? p.descriptionEn || p.descriptionRu : p.descriptionRu) && (
            <Text maw={800}>{l.language === 'en' ? p.descriptionEn || p.descriptionRu : p.descriptionRu}</Text>
          )}
          <Text size="sm" c="dimmed">
            {t('programmes.thresholdText', { pct: p.completionThresholdPct })}
          </Text>
          <Title order={2} size="h3">
            {t('programmes.intakes')}
          </Title>
          <QueryState query={intakes}>
            {(intakePage) =>
              intakePage.items.length === 0 ? (
                <Text c="dimmed">{t('programmes.noIntakes')}</Text>
              ) : (
                <QueryState query={streams}>
                  {(streamPage) => (
                    <Stack>
                      {intakePage.items.map((intake) => (
                        <IntakeCard key={intake.id} intake={intake} streams={streamPage.items.filter((s) => s.intakeId === intake.id)} />
                      ))}
                    </Stack>
                  )}
                </QueryState>
              )
            }
          </QueryState>
        </Stack>
      )}
    </QueryState>
  );
}

function IntakeCard({ intake, streams }: { intake: Intake; streams: Stream[] }) {
  const { t } = useTranslation();
  const l = useLocalised();
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {l.name(intake)}
        </Title>
        <Text size="sm" c="dimmed">
          {t('common.dateRange', { from: l.date(intake.startsOn), to: l.date(intake.endsOn) })}
        </Text>
      </Group>
      {streams.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('programmes.noStreams')}
        </Text>
      ) : (
        <TableScroll label={l.name(intake)}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('streams.name')}</Table.Th>
                <Table.Th>{t('streams.dates')}</Table.Th>
                <Table.Th>{t('streams.participants')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...streams]
                .sort((a, b) => a.number - b.number)
                .map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <AnchorLink to="/streams/$streamId" params={{ streamId: s.id }} fw={600}>
                        {l.name(s)}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{t('common.dateRange', { from: l.date(s.startsOn), to: l.date(s.endsOn) })}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">
                        {l.number(s.participantCount)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {s.canManage && (
                        <AnchorLink to="/streams/$streamId/import" params={{ streamId: s.id }} size="sm">
                          {t('imports.action')}
                        </AnchorLink>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Paper>
  );
}
