import { useState } from 'react';
import { Anchor, Button, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { fetchMyInterviews, scoreInterview, type MyInterviews } from './interviews.api.ts';

type Slot = MyInterviews['slots'][number];

/** A panel member's interviews (phone-friendly): their slots, candidates, and a 0–100 score each. */
export function MyInterviewsPage() {
  const { t, i18n } = useTranslation();
  const { name } = useLocalised();
  const query = useQuery({ queryKey: ['my-interviews'], queryFn: fetchMyInterviews });
  return (
    <Stack maw={720}>
      <PageTitle>{t('admissions.interviews.mine')}</PageTitle>
      <QueryState query={query}>
        {({ slots }) =>
          slots.length === 0 ? (
            <Text c="dimmed">{t('admissions.interviews.noneMine')}</Text>
          ) : (
            <Stack>
              {slots.map((slot) => (
                <Paper key={slot.id} withBorder p="sm">
                  <Stack gap="xs">
                    <Text fw={600}>{new Date(slot.startsAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}</Text>
                    <Text size="xs" c="dimmed">
                      {name({ nameRu: slot.campaignTitleRu, nameEn: slot.campaignTitleEn })}
                    </Text>
                    <Text size="sm">
                      {slot.place}
                      {slot.place && slot.onlineUrl ? ' · ' : ''}
                      {slot.onlineUrl && <Anchor href={slot.onlineUrl}>{slot.onlineUrl}</Anchor>}
                    </Text>
                    {slot.candidates.length === 0 && (
                      <Text size="sm" c="dimmed">
                        {t('admissions.interviews.noCandidates')}
                      </Text>
                    )}
                    {slot.candidates.map((c) => (
                      <CandidateScore key={c.applicationId} slotId={slot.id} candidate={c} />
                    ))}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function CandidateScore({ slotId, candidate: c }: { slotId: string; candidate: Slot['candidates'][number] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [score, setScore] = useState<number | ''>(c.myScore ?? '');
  const [comment, setComment] = useState(c.myComment ?? '');
  const save = useMutation({
    mutationFn: () => scoreInterview(slotId, c.applicationId, Number(score), comment.trim() || undefined),
    onSuccess: (next) => queryClient.setQueryData(['my-interviews'], next),
  });
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {c.fullName}
        {c.position ? ` · ${c.position}` : ''}
      </Text>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <NumberInput label={t('admissions.interviews.score')} value={score} onChange={(v) => setScore(v === '' ? '' : Number(v))} min={0} max={100} w={110} inputMode="decimal" />
        <TextInput label={t('admissions.review.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} style={{ flex: 1, minWidth: 160 }} />
        <Button onClick={() => save.mutate()} disabled={score === ''} loading={save.isPending}>
          {t('admissions.interviews.save')}
        </Button>
      </Group>
      {save.isSuccess && (
        <Text size="xs" c="green.9" role="status">
          {t('admissions.interviews.saved')}
        </Text>
      )}
      <ProblemAlert error={save.error} />
    </Stack>
  );
}
