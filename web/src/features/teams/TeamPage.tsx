import { useState } from 'react';
import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { moveMember, streamTeamsQuery, teamQuery, tutorsQuery, updateTeam, type Team } from './teams.api.ts';
import { TeamCard } from './TeamCard.tsx';

const route = getRouteApi('/app/teams/$teamId');

/** A team's page: its members and tutor; staff rename it, set the tutor and move people in. */
export function TeamPage() {
  const { teamId } = route.useParams();
  return <TeamView teamId={teamId} />;
}

/** The team's content, also shown on "My team". */
export function TeamView({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const team = useQuery(teamQuery(teamId));
  return (
    <QueryState query={team}>
      {(data) => (
        <Stack>
          <PageTitle>{data.name}</PageTitle>
          <AnchorLink to="/streams/$streamId" params={{ streamId: data.streamId }} search={{ view: 'teams' }} size="sm">
            {t('teams.backToStream')}
          </AnchorLink>
          <TeamCard name={data.name} members={data.members} regionClashes={data.regionClashes} tutorName={data.tutorName} />
          <StaffTools team={data} />
        </Stack>
      )}
    </QueryState>
  );
}

function StaffTools({ team }: { team: Team }) {
  const stream = useQuery(streamTeamsQuery(team.streamId));
  if (!stream.data?.canManage) return null;
  const others = [...stream.data.items.filter((x) => x.id !== team.id).flatMap((x) => x.members), ...stream.data.unassigned];
  return <TeamEditor team={team} candidates={others.map((m) => ({ value: m.personId, label: m.fullName }))} />;
}

function TeamEditor({ team, candidates }: { team: Team; candidates: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tutors = useQuery(tutorsQuery(team.streamId));
  const [name, setName] = useState(team.name);
  const [tutor, setTutor] = useState<string | null>(team.tutorUserId);
  const [person, setPerson] = useState<string | null>(null);
  const refresh = (data: Team) => {
    queryClient.setQueryData(teamQuery(team.id).queryKey, data);
    void queryClient.invalidateQueries({ queryKey: ['teams', team.streamId] });
  };
  const save = useMutation({ mutationFn: () => updateTeam(team.id, { name, tutorUserId: tutor }), onSuccess: refresh });
  const move = useMutation({ mutationFn: (personId: string) => moveMember(team.id, personId), onSuccess: (data) => (refresh(data), setPerson(null)) });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t('teams.edit')}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('teams.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100} />
          <Select
            label={t('teams.tutor')}
            clearable
            searchable
            data={(tutors.data?.items ?? []).map((o) => ({ value: o.userId, label: o.displayName }))}
            value={tutor}
            onChange={setTutor}
          />
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
        <ProblemAlert error={save.error} />
        <Group align="flex-end" wrap="wrap">
          <Select label={t('teams.moveIn')} searchable data={candidates} value={person} onChange={setPerson} w={320} />
          <Button variant="light" disabled={!person} onClick={() => person && move.mutate(person)} loading={move.isPending}>
            {t('teams.move')}
          </Button>
        </Group>
        <ProblemAlert error={move.error} />
      </Stack>
    </Paper>
  );
}
