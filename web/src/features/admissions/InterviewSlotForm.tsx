import { useState } from 'react';
import { Button, Group, MultiSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { fromLocalInput, toLocalInput } from './admissions-text.ts';
import { fetchExpertUsers } from './experts.api.ts';
import { createSlot, updateSlot, type CreateSlotBody, type InterviewBoard } from './interviews.api.ts';

type Slot = InterviewBoard['slots'][number];

/** Whether the change moves booked candidates (time, length, place, link), which the server asks to confirm. */
export function movesCandidates(slot: Slot, body: CreateSlotBody): boolean {
  return (
    slot.candidates.length > 0 &&
    (new Date(slot.startsAt).getTime() !== new Date(body.startsAt).getTime() ||
      slot.durationMinutes !== body.durationMinutes ||
      (slot.place ?? undefined) !== body.place ||
      (slot.onlineUrl ?? undefined) !== body.onlineUrl)
  );
}

/**
 * A slot's time (Moscow), length, capacity, place or link and panel: a new slot, or a change to one.
 * Moving a slot with booked candidates asks first, saying that they will be e-mailed.
 */
export function InterviewSlotForm({ campaignId, slot, onDone }: { campaignId: string; slot?: Slot; onDone?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const experts = useQuery({ queryKey: ['expert-users'], queryFn: fetchExpertUsers });
  const [startsAt, setStartsAt] = useState(slot?.startsAt ?? new Date(Date.now() + 7 * 86_400_000).toISOString());
  const [duration, setDuration] = useState<number>(slot?.durationMinutes ?? 30);
  const [capacity, setCapacity] = useState<number>(slot?.capacity ?? 4);
  const [place, setPlace] = useState(slot?.place ?? '');
  const [onlineUrl, setOnlineUrl] = useState(slot?.onlineUrl ?? '');
  const [panel, setPanel] = useState<string[]>(slot?.panel.map((p) => p.userId) ?? []);
  const [isAsking, setAsking] = useState(false);
  const body: CreateSlotBody = { startsAt, durationMinutes: duration, capacity, panel, ...(place.trim() ? { place: place.trim() } : {}), ...(onlineUrl.trim() ? { onlineUrl: onlineUrl.trim() } : {}) };
  const save = useMutation({
    mutationFn: (isConfirmed: boolean) => (slot ? updateSlot(campaignId, slot.id, { ...body, isConfirmed }) : createSlot(campaignId, body)),
    onSuccess: (next) => {
      queryClient.setQueryData(['interview-board', campaignId], next);
      setAsking(false);
      // Slots are usually created as a series: the next one starts where this one ends, same place and panel.
      if (!slot) setStartsAt(new Date(new Date(startsAt).getTime() + duration * 60_000).toISOString());
      onDone?.();
    },
  });
  // Experts on the panel stay listed even if the expert list has not loaded yet.
  const expertOptions = new Map((experts.data?.items ?? []).map((u) => [u.id, u.displayName]));
  for (const p of slot?.panel ?? []) if (!expertOptions.has(p.userId)) expertOptions.set(p.userId, p.displayName);
  const submit = () => (slot && movesCandidates(slot, body) ? setAsking(true) : save.mutate(false));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="datetime-local"
            label={t('admissions.interviews.startsAt')}
            description={t('admissions.interviews.moscowTime')}
            value={toLocalInput(startsAt)}
            onChange={(e) => e.currentTarget.value && setStartsAt(fromLocalInput(e.currentTarget.value))}
            required
          />
          <NumberInput label={t('admissions.interviews.duration')} value={duration} onChange={(n) => setDuration(Number(n) || 5)} min={5} max={600} required />
          <NumberInput label={t('admissions.interviews.capacity')} value={capacity} onChange={(n) => setCapacity(Number(n) || 1)} min={1} max={200} required />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('admissions.interviews.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} maxLength={300} />
          <TextInput type="url" label={t('admissions.interviews.onlineUrl')} placeholder="https://" value={onlineUrl} onChange={(e) => setOnlineUrl(e.currentTarget.value)} maxLength={500} />
        </SimpleGrid>
        <MultiSelect label={t('admissions.interviews.panel')} data={[...expertOptions].map(([value, label]) => ({ value, label }))} value={panel} onChange={setPanel} searchable required />
        <ProblemAlert error={save.error} />
        {isAsking && slot ? (
          <Paper withBorder p="sm" role="alertdialog" aria-labelledby="confirm-move-title" aria-describedby="confirm-move-text" style={{ borderColor: 'var(--mantine-color-orange-8)' }}>
            <Stack gap="sm">
              <Text fw={600} id="confirm-move-title">
                {t('admissions.interviews.confirmMoveTitle')}
              </Text>
              <Text size="sm" id="confirm-move-text">
                {t('admissions.interviews.confirmMove', { count: slot.candidates.length })}
              </Text>
              <Group gap="sm">
                <Button onClick={() => save.mutate(true)} loading={save.isPending}>
                  {t('admissions.interviews.saveAndNotify')}
                </Button>
                <Button variant="default" onClick={() => setAsking(false)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : (
          <Group gap="sm">
            <Button type="submit" loading={save.isPending} disabled={panel.length === 0}>
              {slot ? t('admissions.interviews.saveSlot') : t('admissions.interviews.create')}
            </Button>
            {onDone && (
              <Button variant="default" onClick={onDone}>
                {t('common.cancel')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </form>
  );
}
