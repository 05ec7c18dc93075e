import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { projectQuery, type Project } from './projects.api.ts';
import { DefenceSection, ImplementationSection } from './ProjectDefence.tsx';
import { DocumentsSection, GuestsSection, MilestonesSection } from './ProjectWork.tsx';
import { RESULT_COLORS } from './StreamProjects.tsx';

const route = getRouteApi('/app/projects/$projectId');

/** A final project: who works on it, milestones, documents, the defence and, later, its implementation. */
export function ProjectPage() {
  const { projectId } = route.useParams();
  return <ProjectView projectId={projectId} />;
}

/** The project's content, also shown on "My project". */
export function ProjectView({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const project = useQuery(projectQuery(projectId));
  return (
    <QueryState query={project}>
      {(p) => (
        <Stack>
          <PageTitle>{p.title}</PageTitle>
          <Group gap="xs" wrap="wrap">
            <Badge color={RESULT_COLORS[p.defence.result]}>{t(`projects.results.${p.defence.result}`)}</Badge>
            {p.areas.map((a) => (
              <Badge key={a} variant="light">
                {t(`improvements.areas.${a}`)}
              </Badge>
            ))}
            <AnchorLink to="/streams/$streamId" params={{ streamId: p.streamId }} search={{ view: 'projects' }} size="sm">
              {t('projects.backToStream')}
            </AnchorLink>
          </Group>
          {p.summary && <Text>{p.summary}</Text>}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <PeopleSection project={p} />
            <GuestsSection project={p} />
          </SimpleGrid>
          <MilestonesSection project={p} />
          <DocumentsSection project={p} />
          <DefenceSection project={p} />
          <ImplementationSection project={p} />
        </Stack>
      )}
    </QueryState>
  );
}

function PeopleSection({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('projects.members')}
      </Title>
      <Text size="sm" c="dimmed">
        {p.teamId && p.teamName ? (
          <>
            {t('projects.team')}:{' '}
            <AnchorLink to="/teams/$teamId" params={{ teamId: p.teamId }} underline="always">
              {p.teamName}
            </AnchorLink>
          </>
        ) : (
          t('projects.individual')
        )}
        {' · '}
        {t('projects.supervisor')}: {p.supervisorName ?? '—'}
      </Text>
      <Stack gap={2} mt="xs">
        {p.members.map((m) => (
          <Text key={m.personId} size="sm">
            {m.fullName}
            <Text span size="xs" c="dimmed">
              {' '}
              · {[m.municipalityName, m.regionCode].filter(Boolean).join(' · ')}
            </Text>
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
