import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { commitTeams, previewTeams, streamTeamsQuery, type StreamTeams as StreamTeamsData, type TeamPreview } from './teams.api.ts';
import { TeamCard } from './TeamCard.tsx';

/** The stream's teams tab: staff generate a preview, compare its diversity with random splits, and save it. */
export function StreamTeams({ streamId }: { streamId: string }) {
  const { t } = useTranslation();
  const teams = useQuery(streamTeamsQuery(streamId));
  return (
    <QueryState query={teams}>
      {(data) => (
        <Stack>
          {data.canManage && <TeamBuilder streamId={streamId} hasTeams={data.items.length > 0} />}
          <Title order={2} size="h4">
            {t('teams.current')}
          </Title>
          {data.diversity && <DiversitySummary diversity={data.diversity} />}
          {data.items.length === 0 ? (
            <Text c="dimmed">{t('teams.none')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {data.items.map((team) => (
                <TeamCard key={team.id} teamId={team.id} name={team.name} members={team.members} regionClashes={team.regionClashes} tutorName={team.tutorName} />
              ))}
            </SimpleGrid>
          )}
          {data.unassigned.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('teams.unassigned', { count: data.unassigned.length })}: {data.unassigned.map((m) => m.fullName).join(', ')}
            </Text>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

function DiversitySummary({ diversity }: { diversity: NonNullable<StreamTeamsData['diversity']> }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="diversity">
      <Group gap="xl" wrap="wrap">
        <Stat label={t('teams.score')} value={diversity.score.toFixed(1)} />
        <Stat label={t('teams.randomScore')} value={diversity.randomScore.toFixed(1)} />
        <Stat label={t('teams.percentile')} value={`${diversity.percentile}%`} />
        <Stat label={t('teams.regionClashes')} value={`${diversity.regionClashes} / ${diversity.minimumRegionClashes}`} />
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('teams.scoreHelp', { samples: diversity.samples })}
      </Text>
    </Paper>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </div>
  );
}

function TeamBuilder({ streamId, hasTeams }: { streamId: string; hasTeams: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [seed, setSeed] = useState<number>(1);
  const [preview, setPreview] = useState<TeamPreview | null>(null);
  const generate = useMutation({ mutationFn: () => previewTeams(streamId, seed), onSuccess: setPreview });
  const save = useMutation({
    mutationFn: (p: TeamPreview) => commitTeams(streamId, { seed: p.seed, teams: p.teams.map((team) => ({ name: team.name, personIds: team.members.map((m) => m.personId) })) }),
    onSuccess: (data) => {
      queryClient.setQueryData(streamTeamsQuery(streamId).queryKey, data);
      setPreview(null);
    },
  });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t('teams.builder')}
        </Title>
        <Text size="sm">{t('teams.builderHelp')}</Text>
        <Group align="flex-end" wrap="wrap">
          <NumberInput label={t('teams.seed')} value={seed} min={0} max={2_147_483_647} allowDecimal={false} onChange={(v) => setSeed(typeof v === 'number' ? v : 0)} w={160} />
          <Button onClick={() => generate.mutate()} loading={generate.isPending}>
            {t('teams.generate')}
          </Button>
        </Group>
        <ProblemAlert error={generate.error} />
        {preview && (
          <Stack>
            <DiversitySummary diversity={preview.diversity} />
            {hasTeams && (
              <Alert color="yellow" variant="light">
                {t('teams.replaceWarning')}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {preview.teams.map((team) => (
                <TeamCard key={team.name} name={team.name} members={team.members} regionClashes={team.regionClashes} />
              ))}
            </SimpleGrid>
            <ProblemAlert error={save.error} />
            <Group>
              <Button onClick={() => save.mutate(preview)} loading={save.isPending}>
                {t('teams.save')}
              </Button>
              <Button variant="default" onClick={() => setPreview(null)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
