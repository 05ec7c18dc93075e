import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { regionsQuery } from '../../api/reference.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { InterviewCandidatePicker } from './InterviewCandidatePicker.tsx';
import { InterviewSlotForm } from './InterviewSlotForm.tsx';
import { deleteSlot, fetchInterviewBoard, unbookCandidate, type InterviewBoard } from './interviews.api.ts';

const route = getRouteApi('/app/admissions/$campaignId/interviews');
type Slot = InterviewBoard['slots'][number];

/** Staff plan interviews: slots with a place or link and a panel; book, move and cancel candidates' interviews. */
export function InterviewsPage() {
  const { t } = useTranslation();
  const { campaignId } = route.useParams();
  const board = useQuery({ queryKey: ['interview-board', campaignId], queryFn: () => fetchInterviewBoard(campaignId) });
  const [editing, setEditing] = useState<Slot | null>(null);
  return (
    <Stack maw={1000}>
      <PageTitle>{t('admissions.interviews.title')}</PageTitle>
      <Paper withBorder p="md">
        <Stack>
          <Title order={2} size="h3">
            {t('admissions.interviews.newSlot')}
          </Title>
          <InterviewSlotForm campaignId={campaignId} />
        </Stack>
      </Paper>
      <QueryState query={board}>
        {(b) =>
          b.slots.length === 0 ? (
            <Text c="dimmed">{t('admissions.interviews.none')}</Text>
          ) : (
            <Stack>
              <Title order={2} size="h3">
                {t('admissions.interviews.slots')}
              </Title>
              {b.slots.map((slot) => (
                <SlotCard key={slot.id} campaignId={campaignId} slot={slot} onEdit={() => setEditing(slot)} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <AppModal opened={editing !== null} onClose={() => setEditing(null)} title={t('admissions.interviews.editSlot')}>
        {editing && <InterviewSlotForm key={editing.id} campaignId={campaignId} slot={editing} onDone={() => setEditing(null)} />}
      </AppModal>
    </Stack>
  );
}

/** "12 мар. 2031 г., 10:00" in Moscow time, the zone slots are entered in. */
function slotTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'ru-RU', { timeZone: 'Europe/Moscow', dateStyle: 'medium', timeStyle: 'short' });
}

function SlotCard({ campaignId, slot, onEdit }: { campaignId: string; slot: Slot; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const { name } = useLocalised();
  const regions = useQuery(regionsQuery);
  const regionName = (code: string) => {
    const region = regions.data?.find((r) => r.code === code);
    return region ? name(region) : code;
  };
  const queryClient = useQueryClient();
  const [isConfirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteSlot(campaignId, slot.id, true),
    onSuccess: (next) => {
      queryClient.setQueryData(['interview-board', campaignId], next);
      void queryClient.invalidateQueries({ queryKey: ['interview-candidates', campaignId] });
    },
  });
  const [unbooking, setUnbooking] = useState<string | null>(null);
  const unbook = useMutation({
    mutationFn: (applicationId: string) => unbookCandidate(campaignId, slot.id, applicationId),
    onSuccess: (next) => {
      queryClient.setQueryData(['interview-board', campaignId], next);
      void queryClient.invalidateQueries({ queryKey: ['interview-candidates', campaignId] });
      setUnbooking(null);
    },
  });
  const isFull = slot.candidates.length >= slot.capacity;
  const when = slotTime(slot.startsAt, i18n.language);
  return (
    <Paper withBorder p="md" component="section" aria-label={t('admissions.interviews.slotLabel', { when })}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5">
            {when} {t('admissions.interviews.msk')} · {t('admissions.interviews.minutes', { count: slot.durationMinutes })}
          </Title>
          <Badge variant="light" color={isFull ? 'red' : 'blue'}>
            {t('admissions.interviews.booked', { booked: slot.candidates.length, capacity: slot.capacity })}
          </Badge>
        </Group>
        <Text size="sm">
          {slot.place}
          {slot.place && slot.onlineUrl ? ' · ' : ''}
          {slot.onlineUrl && <Anchor href={slot.onlineUrl}>{slot.onlineUrl}</Anchor>}
        </Text>
        <Text size="sm" c="dimmed">
          {t('admissions.interviews.panel')}: {slot.panel.map((p) => p.displayName).join(', ')}
        </Text>
        {slot.candidates.map((c) => (
          <Group key={c.applicationId} justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              {c.fullName} {c.regionCode ? `· ${regionName(c.regionCode)}` : ''}
            </Text>
            <Group gap="xs">
              <Text size="sm">{c.interviewScore === null ? t('admissions.interviews.scoresSoFar', { count: c.scores }) : c.interviewScore}</Text>
              {c.scores === 0 &&
                (unbooking === c.applicationId ? (
                  <>
                    <Button color="red.9" size="compact-xs" onClick={() => unbook.mutate(c.applicationId)} loading={unbook.isPending}>
                      {t('admissions.interviews.unbookYes')}
                    </Button>
                    <Button variant="default" size="compact-xs" onClick={() => setUnbooking(null)}>
                      {t('common.cancel')}
                    </Button>
                  </>
                ) : (
                  <Button variant="subtle" color="red" c="red.9" size="compact-xs" onClick={() => setUnbooking(c.applicationId)} aria-label={t('admissions.interviews.unbookLabel', { name: c.fullName })}>
                    {t('admissions.interviews.unbook')}
                  </Button>
                ))}
            </Group>
          </Group>
        ))}
        <ProblemAlert error={unbook.error} />
        {!isFull && <InterviewCandidatePicker campaignId={campaignId} slotId={slot.id} />}
        <ProblemAlert error={remove.error} />
        {isConfirming ? (
          <Group gap="sm" role="group" aria-label={t('admissions.interviews.deleteSlot')}>
            <Text size="sm">{slot.candidates.length > 0 ? t('admissions.interviews.confirmDeleteBooked', { count: slot.candidates.length }) : t('admissions.interviews.confirmDelete')}</Text>
            <Button color="red.9" size="xs" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('admissions.interviews.deleteYes')}
            </Button>
            <Button variant="default" size="xs" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        ) : (
          <Group gap="xs">
            <Button variant="light" size="xs" onClick={onEdit}>
              {t('admissions.interviews.edit')}
            </Button>
            <Button variant="subtle" color="red" c="red.9" size="xs" onClick={() => setConfirming(true)}>
              {t('admissions.interviews.deleteSlot')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
