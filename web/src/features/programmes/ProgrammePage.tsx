import { useState } from 'react';
import { Badge, Breadcrumbs, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { intakesQuery, programmeQuery, streamsQuery, type Intake, type Stream } from './programmes.api.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { ManageDialog, type Editing } from './ManageDialog.tsx';

const route = getRouteApi('/app/programmes/$programmeId');

/** One programme: its description and, per intake, the streams with their participant counts. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { programmeId } = route.useParams();
  const l = useLocalised();
  const programme = useQuery(programmeQuery(programmeId));
  const intakes = useQuery(intakesQuery(programmeId));
  const streams = useQuery(streamsQuery({ programmeId }));
  const [editing, setEditing] = useState<Editing | null>(null);

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
          <PageTitle
            actions={
              p.canManage && (
                <Button variant="light" onClick={() => setEditing({ kind: 'programme', programme: p })}>
                  {t('manage.editProgramme')}
                </Button>
              )
            }
          >
            {l.name(p)}
          </PageTitle>
          {(l.language === 'en' ? p.descriptionEn || p.descriptionRu : p.descriptionRu) && (
            <Text maw={800}>{l.language === 'en' ? p.descriptionEn || p.descriptionRu : p.descriptionRu}</Text>
          )}
          <Text size="sm" c="dimmed">
            {t('programmes.thresholdText', { pct: p.completionThresholdPct })}
          </Text>
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h3">
              {t('programmes.intakes')}
            </Title>
            {p.canManage && (
              <Button variant="light" onClick={() => setEditing({ kind: 'intake', programmeId })}>
                {t('manage.newIntake')}
              </Button>
            )}
          </Group>
          <QueryState query={intakes}>
            {(intakePage) =>
              intakePage.items.length === 0 ? (
                <Text c="dimmed">{t('programmes.noIntakes')}</Text>
              ) : (
                <QueryState query={streams}>
                  {(streamPage) => (
                    <Stack>
                      {intakePage.items.map((intake) => (
                        <IntakeCard key={intake.id} intake={intake} streams={streamPage.items.filter((s) => s.intakeId === intake.id)} onEdit={setEditing} />
                      ))}
                    </Stack>
                  )}
                </QueryState>
              )
            }
          </QueryState>
          <ManageDialog editing={editing} onClose={() => setEditing(null)} />
        </Stack>
      )}
    </QueryState>
  );
}

function IntakeCard({ intake, streams, onEdit }: { intake: Intake; streams: Stream[]; onEdit: (editing: Editing) => void }) {
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
        {intake.canManage && (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => onEdit({ kind: 'intake', programmeId: intake.programmeId, intake })} aria-label={t('manage.editNamed', { name: l.name(intake) })}>
              {t('manage.edit')}
            </Button>
            <Button
              size="xs"
              variant="light"
              onClick={() => onEdit({ kind: 'stream', intakeId: intake.id, nextNumber: Math.max(0, ...streams.map((s) => s.number)) + 1 })}
            >
              {t('manage.newStream')}
            </Button>
          </Group>
        )}
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
                        <Group gap="xs" wrap="nowrap">
                          <AnchorLink to="/streams/$streamId/import" params={{ streamId: s.id }} size="sm">
                            {t('imports.action')}
                          </AnchorLink>
                          <Button size="compact-sm" variant="subtle" onClick={() => onEdit({ kind: 'stream', intakeId: s.intakeId, stream: s })} aria-label={t('manage.editNamed', { name: l.name(s) })}>
                            {t('manage.edit')}
                          </Button>
                        </Group>
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
