import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { myTeamsQuery } from './teams.api.ts';
import { TeamView } from './TeamPage.tsx';

/** "My team": the participant's team page, or a list when they were in teams of several streams. */
export function MyTeamPage() {
  const { t } = useTranslation();
  const teams = useQuery(myTeamsQuery);
  return (
    <QueryState query={teams}>
      {(data) =>
        data.items.length === 1 ? (
          <TeamView teamId={data.items[0]!.teamId} />
        ) : (
          <Stack>
            <PageTitle>{t('nav.myTeam')}</PageTitle>
            {data.items.length === 0 && <Text c="dimmed">{t('teams.notInTeam')}</Text>}
            {data.items.map((item) => (
              <AnchorLink key={item.teamId} to="/teams/$teamId" params={{ teamId: item.teamId }}>
                {item.teamName} · {item.streamName}
              </AnchorLink>
            ))}
          </Stack>
        )
      }
    </QueryState>
  );
}
