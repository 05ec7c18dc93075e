import { useState } from 'react';
import { Anchor, Badge, Button, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { fetchApplications } from './admissions.api.ts';
import { fromLocalInput, toLocalInput } from './admissions-text.ts';
import { fetchExpertUsers } from './experts.api.ts';
import { bookCandidate, createSlot, fetchInterviewBoard, type InterviewBoard } from './interviews.api.ts';

const route = getRouteApi('/app/admissions/$campaignId/interviews');

/** Staff plan interviews: slots with a place or link and a panel, then book candidates into them. */
export function InterviewsPage() {
  const { t } = useTranslation();
  const { campaignId } = route.useParams();
  const board = useQuery({ queryKey: ['interview-board', campaignId], queryFn: () => fetchInterviewBoard(campaignId) });
  return (
    <Stack maw={1000}>
      <PageTitle>{t('admissions.interviews.title')}</PageTitle>
      <SlotForm campaignId={campaignId} />
      <QueryState query={board}>
        {(b) =>
          b.slots.length === 0 ? (
            <Text c="dimmed">{t('admissions.interviews.none')}</Text>
          ) : (
            <Stack>
              {b.slots.map((slot) => (
                <SlotCard key={slot.id} campaignId={campaignId} slot={slot} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function SlotForm({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const experts = useQuery({ queryKey: ['expert-users'], queryFn: fetchExpertUsers });
  const [startsAt, setStartsAt] = useState(new Date(Date.now() + 7 * 86_400_000).toISOString());
  const [duration, setDuration] = useState<number>(30);
  const [capacity, setCapacity] = useState<number>(4);
  const [place, setPlace] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [panel, setPanel] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: () =>
      createSlot(campaignId, { startsAt, durationMinutes: duration, capacity, panel, ...(place.trim() ? { place } : {}), ...(onlineUrl.trim() ? { onlineUrl } : {}) }),
    onSuccess: (next) => queryClient.setQueryData(['interview-board', campaignId], next),
  });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>{t('admissions.interviews.newSlot')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="datetime-local" label={t('admissions.interviews.startsAt')} value={toLocalInput(startsAt)} onChange={(e) => e.currentTarget.value && setStartsAt(fromLocalInput(e.currentTarget.value))} />
          <NumberInput label={t('admissions.interviews.duration')} value={duration} onChange={(n) => setDuration(Number(n) || 5)} min={5} max={600} />
          <NumberInput label={t('admissions.interviews.capacity')} value={capacity} onChange={(n) => setCapacity(Number(n) || 1)} min={1} max={200} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('admissions.interviews.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
          <TextInput label={t('admissions.interviews.onlineUrl')} placeholder="https://" value={onlineUrl} onChange={(e) => setOnlineUrl(e.currentTarget.value)} />
        </SimpleGrid>
        <MultiSelect label={t('admissions.interviews.panel')} data={(experts.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))} value={panel} onChange={setPanel} searchable />
        <ProblemAlert error={save.error} />
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={panel.length === 0} style={{ alignSelf: 'flex-start' }}>
          {t('admissions.interviews.create')}
        </Button>
      </Stack>
    </Paper>
  );
}

function SlotCard({ campaignId, slot }: { campaignId: string; slot: InterviewBoard['slots'][number] }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const candidates = useQuery({ queryKey: ['interview-candidates', campaignId], queryFn: () => fetchApplications(campaignId, { page: 1 }) });
  const book = useMutation({
    mutationFn: (applicationId: string) => bookCandidate(campaignId, slot.id, applicationId),
    onSuccess: (next) => {
      queryClient.setQueryData(['interview-board', campaignId], next);
      setChosen(null);
    },
  });
  const isFull = slot.candidates.length >= slot.capacity;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            {new Date(slot.startsAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })} · {t('admissions.interviews.minutes', { count: slot.durationMinutes })}
          </Text>
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
          <Group key={c.applicationId} justify="space-between">
            <Text size="sm">
              {c.fullName} {c.regionCode ? `· ${c.regionCode}` : ''}
            </Text>
            <Text size="sm">{c.interviewScore === null ? t('admissions.interviews.scoresSoFar', { count: c.scores }) : c.interviewScore}</Text>
          </Group>
        ))}
        {!isFull && (
          <Group align="flex-end">
            <Select
              label={t('admissions.interviews.candidate')}
              data={(candidates.data?.items ?? []).filter((a) => a.isEligible).map((a) => ({ value: a.id, label: `${a.fullName}${a.regionCode ? ` · ${a.regionCode}` : ''}` }))}
              value={chosen}
              onChange={setChosen}
              searchValue={search}
              onSearchChange={setSearch}
              searchable
              style={{ flex: 1 }}
            />
            <Button onClick={() => chosen && book.mutate(chosen)} disabled={!chosen} loading={book.isPending}>
              {t('admissions.interviews.book')}
            </Button>
          </Group>
        )}
        <ProblemAlert error={book.error} />
      </Stack>
    </Paper>
  );
}
