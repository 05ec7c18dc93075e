import { useState } from 'react';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { regionsQuery } from '../../api/reference.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { bookCandidate, fetchInterviewCandidates } from './interviews.api.ts';

/**
 * Books a candidate into a slot: a searchable list filled by the server (name words, region name or code,
 * 20 at a time, the unbooked first), so a campaign of any size can be searched, not only its first page.
 */
export function InterviewCandidatePicker({ campaignId, slotId }: { campaignId: string; slotId: string }) {
  const { t } = useTranslation();
  const { name, dateTime } = useLocalised();
  const queryClient = useQueryClient();
  const regions = useQuery(regionsQuery);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  // While the field shows the chosen candidate's label, search by nothing rather than by that label.
  const q = chosen && search === chosen.label ? '' : debounced;
  const candidates = useQuery({
    queryKey: ['interview-candidates', campaignId, q],
    queryFn: ({ signal }) => fetchInterviewCandidates(campaignId, q, signal),
    placeholderData: keepPreviousData,
  });
  const book = useMutation({
    mutationFn: (applicationId: string) => bookCandidate(campaignId, slotId, applicationId),
    onSuccess: (next) => {
      queryClient.setQueryData(['interview-board', campaignId], next);
      void queryClient.invalidateQueries({ queryKey: ['interview-candidates', campaignId] });
      setChosen(null);
      setSearch('');
    },
  });
  const regionName = (code: string | null) => {
    const region = regions.data?.find((r) => r.code === code);
    return region ? name(region) : (code ?? '');
  };
  const options = (candidates.data?.items ?? []).map((c) => ({
    value: c.applicationId,
    label: [c.fullName, regionName(c.regionCode), c.bookedStartsAt ? t('admissions.interviews.alreadyBooked', { date: dateTime(c.bookedStartsAt) }) : null].filter(Boolean).join(' · '),
  }));
  if (chosen && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
  const total = candidates.data?.total ?? 0;

  return (
    <Stack gap={4}>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('admissions.interviews.candidate')}
          placeholder={t('admissions.interviews.candidateSearch')}
          data={options}
          value={chosen?.value ?? null}
          onChange={(value, option) => setChosen(value ? { value, label: option.label } : null)}
          searchValue={search}
          onSearchChange={setSearch}
          // The server has filtered already: show its answer as it is.
          filter={({ options: all }) => all}
          nothingFoundMessage={candidates.isFetching ? t('common.loading') : t('common.nothingFound')}
          searchable
          clearable
          style={{ flex: 1, minWidth: 240 }}
        />
        <Button onClick={() => chosen && book.mutate(chosen.value)} disabled={!chosen} loading={book.isPending}>
          {t('admissions.interviews.book')}
        </Button>
      </Group>
      {total > (candidates.data?.items.length ?? 0) && (
        <Text size="xs" c="dimmed">
          {t('admissions.interviews.candidatesShown', { shown: candidates.data?.items.length ?? 0, total })}
        </Text>
      )}
      <ProblemAlert error={book.error} />
    </Stack>
  );
}
