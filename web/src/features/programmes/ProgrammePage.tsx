import { useId, useState } from 'react';
import { Badge, Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink, ButtonLink } from '../../components/RouterLinks.tsx';
import { intakesQuery, programmeQuery, streamsQuery, type Intake, type Stream } from './programmes.api.ts';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
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
  const headingId = useId();
  const columns: Array<Column<Stream>> = [
    {
      key: 'name',
      label: t('streams.name'),
      card: 'title',
      render: (s) => (
        <AnchorLink to="/streams/$streamId" params={{ streamId: s.id }} fw={600}>
          {l.name(s)}
        </AnchorLink>
      ),
    },
    { key: 'dates', label: t('streams.dates'), render: (s) => t('common.dateRange', { from: l.date(s.startsOn), to: l.date(s.endsOn) }) },
    { key: 'participants', label: t('streams.participants'), render: (s) => <Badge variant="light">{l.number(s.participantCount)}</Badge> },
    {
      key: 'actions',
      label: t('common.actions'),
      hideLabel: true,
      card: 'actions',
      render: (s, layout) =>
        s.canManage &&
        (layout === 'card' ? (
          <Group gap="xs">
            <ButtonLink to="/streams/$streamId/import" params={{ streamId: s.id }} size="xs" variant="light">
              {t('imports.action')}
            </ButtonLink>
            <Button size="xs" variant="default" onClick={() => onEdit({ kind: 'stream', intakeId: s.intakeId, stream: s })} aria-label={t('manage.editNamed', { name: l.name(s) })}>
              {t('manage.edit')}
            </Button>
          </Group>
        ) : (
          <Group gap="xs" wrap="nowrap">
            <AnchorLink to="/streams/$streamId/import" params={{ streamId: s.id }} size="sm">
              {t('imports.action')}
            </AnchorLink>
            <Button size="compact-sm" variant="subtle" onClick={() => onEdit({ kind: 'stream', intakeId: s.intakeId, stream: s })} aria-label={t('manage.editNamed', { name: l.name(s) })}>
              {t('manage.edit')}
            </Button>
          </Group>
        )),
    },
  ];
  // A named region per intake: the streams below belong to it (and journeys find them by it).
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id={headingId}>
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
        <ResponsiveTable
          caption={t('programmes.streamsCaption', { name: l.name(intake) })}
          rows={[...streams].sort((a, b) => a.number - b.number)}
          rowKey={(s) => s.id}
          columns={columns}
          striped={false}
          highlightOnHover={false}
        />
      )}
    </Paper>
  );
}
