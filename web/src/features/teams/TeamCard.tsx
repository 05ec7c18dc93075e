import { Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import type { TeamMember } from './teams.api.ts';

interface TeamCardProps {
  name: string;
  members: TeamMember[];
  regionClashes: number;
  /** A saved team links to its page; a preview has no id yet. */
  teamId?: string;
  tutorName?: string | null;
}

/** One team as a card: name, tutor, and who is in it with region and age. */
export function TeamCard({ name, members, regionClashes, teamId, tutorName }: TeamCardProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          {teamId ? (
            <AnchorLink to="/teams/$teamId" params={{ teamId }} fw={600}>
              {name}
            </AnchorLink>
          ) : (
            <Text fw={600}>{name}</Text>
          )}
          <Group gap={4}>
            <Badge variant="light">{t('teams.size', { count: members.length })}</Badge>
            {regionClashes > 0 && (
              <Badge variant="light" color="orange">
                {t('teams.clashes', { count: regionClashes })}
              </Badge>
            )}
          </Group>
        </Group>
        {tutorName !== undefined && (
          <Text size="sm" c="dimmed">
            {t('teams.tutor')}: {tutorName ?? t('teams.noTutor')}
          </Text>
        )}
        <List size="sm" spacing={2}>
          {members.map((m) => (
            <List.Item key={m.personId}>
              {m.fullName}
              <Text span size="xs" c="dimmed">
                {' '}
                · {[m.regionName, m.municipalityName, m.age !== null ? t('teams.age', { age: m.age }) : null].filter(Boolean).join(' · ')}
              </Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
