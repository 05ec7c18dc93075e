import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { fetchNominationBoard, nominate, withdrawNomination, type NominationBoard } from './admissions.api.ts';

const route = getRouteApi('/app/admissions/$campaignId/nominations');

/** The coordinator's nomination page: eligible applicants of their regions, quota use, nominate with a comment. */
export function NominationsPage() {
  const { t } = useTranslation();
  const { campaignId } = route.useParams();
  const board = useQuery({ queryKey: ['nomination-board', campaignId], queryFn: () => fetchNominationBoard(campaignId) });
  return (
    <Stack maw={900}>
      <PageTitle>{t('admissions.nominate.title')}</PageTitle>
      <QueryState query={board}>
        {(b) => (
          <Stack>
            <Group gap="xs">
              {b.regions.map((r) => (
                <Badge key={r.regionCode} variant="light" color={r.used >= r.quota ? 'red' : 'blue'} size="lg">
                  {t('admissions.nominate.quota', { region: r.regionCode, used: r.used, quota: r.quota })}
                </Badge>
              ))}
            </Group>
            {b.candidates.length === 0 ? (
              <Text c="dimmed">{t('admissions.nominate.none')}</Text>
            ) : (
              b.candidates.map((c) => <CandidateCard key={c.applicationId} campaignId={campaignId} candidate={c} />)
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function CandidateCard({ campaignId, candidate: c }: { campaignId: string; candidate: NominationBoard['candidates'][number] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const onSuccess = (board: NominationBoard) => queryClient.setQueryData(['nomination-board', campaignId], board);
  const add = useMutation({ mutationFn: () => nominate(campaignId, c.applicationId, comment), onSuccess });
  const remove = useMutation({ mutationFn: () => withdrawNomination(campaignId, c.applicationId), onSuccess });
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <AnchorLink to="/admissions/$campaignId/applications/$applicationId" params={{ campaignId, applicationId: c.applicationId }} fw={600}>
            {c.fullName}
          </AnchorLink>
          <Group gap="xs">
            <Badge variant="outline">{c.regionCode}</Badge>
            {c.isNominated && <Badge color="green">{t('admissions.nominate.nominated')}</Badge>}
          </Group>
        </Group>
        <Text size="sm">
          {[c.position, c.education ? t(`admissions.education.${c.education}`) : null, c.managementYears !== null ? `${t('admissions.field.managementYears')}: ${c.managementYears}` : null]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {c.motivation && (
          <Text size="sm" c="dimmed" lineClamp={4}>
            {c.motivation}
          </Text>
        )}
        {c.isNominated ? (
          <Group justify="space-between">
            <Text size="sm">{c.nominationComment}</Text>
            <Button variant="subtle" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('admissions.nominate.withdraw')}
            </Button>
          </Group>
        ) : (
          <Group align="flex-end">
            <Textarea label={t('admissions.nominate.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} style={{ flex: 1 }} autosize minRows={1} />
            <Button onClick={() => add.mutate()} disabled={!comment.trim()} loading={add.isPending}>
              {t('admissions.nominate.action')}
            </Button>
          </Group>
        )}
        <ProblemAlert error={add.error ?? remove.error} />
      </Stack>
    </Paper>
  );
}
