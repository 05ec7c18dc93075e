import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { myProjectsQuery } from './projects.api.ts';
import { ProjectView } from './ProjectPage.tsx';

/** "My project": the participant's (or alumnus') project, or a list when there are several. */
export function MyProjectPage() {
  const { t } = useTranslation();
  const projects = useQuery(myProjectsQuery);
  return (
    <QueryState query={projects}>
      {(data) =>
        data.items.length === 1 ? (
          <ProjectView projectId={data.items[0]!.projectId} />
        ) : (
          <Stack>
            <PageTitle>{t('nav.myProject')}</PageTitle>
            {data.items.length === 0 && <Text c="dimmed">{t('projects.notOnProject')}</Text>}
            {data.items.map((item) => (
              <AnchorLink key={item.projectId} to="/projects/$projectId" params={{ projectId: item.projectId }}>
                {item.title}
              </AnchorLink>
            ))}
          </Stack>
        )
      }
    </QueryState>
  );
}
