import { useState } from 'react';
import { Button, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { fetchStaffTest, saveStaffTest, type SetTestBody, type StaffTest } from './admissions.api.ts';
import { fromLocalInput, toLocalInput } from './admissions-text.ts';

const route = getRouteApi('/app/admissions/$campaignId/test');

/** Staff set the online test: its window, the time limit and the question bank (as JSON). */
export function TestSetupPage() {
  const { t } = useTranslation();
  const { campaignId } = route.useParams();
  const query = useQuery({ queryKey: ['staff-test', campaignId], queryFn: () => fetchStaffTest(campaignId) });
  return (
    <Stack maw={900}>
      <PageTitle>{t('admissions.test.staffTitle')}</PageTitle>
      <QueryState query={query}>{(test) => <TestForm campaignId={campaignId} test={test} />}</QueryState>
    </Stack>
  );
}

function TestForm({ campaignId, test }: { campaignId: string; test: StaffTest }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opensAt, setOpensAt] = useState(test.opensAt ?? new Date().toISOString());
  const [closesAt, setClosesAt] = useState(test.closesAt ?? new Date(Date.now() + 2 * 86_400_000).toISOString());
  const [duration, setDuration] = useState<number>(test.durationMinutes ?? 60);
  const [text, setText] = useState(JSON.stringify(test.questions.map(({ id: _id, ...q }) => q), null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (questions: SetTestBody['questions']) => saveStaffTest(campaignId, { opensAt, closesAt, durationMinutes: duration, questions }),
    onSuccess: (next) => queryClient.setQueryData(['staff-test', campaignId], next),
  });
  const submit = () => {
    try {
      const parsed: unknown = JSON.parse(text);
      if (!Array.isArray(parsed)) throw new Error('not an array');
      setJsonError(null);
      save.mutate(parsed as SetTestBody['questions']);
    } catch {
      setJsonError(t('admissions.test.badJson'));
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <Text size="sm">{t('admissions.test.attempts', { count: test.attempts })}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="datetime-local" label={t('admissions.test.opensAt')} value={toLocalInput(opensAt)} onChange={(e) => e.currentTarget.value && setOpensAt(fromLocalInput(e.currentTarget.value))} />
          <TextInput type="datetime-local" label={t('admissions.test.closesAt')} value={toLocalInput(closesAt)} onChange={(e) => e.currentTarget.value && setClosesAt(fromLocalInput(e.currentTarget.value))} />
          <NumberInput label={t('admissions.test.duration')} value={duration} onChange={(n) => setDuration(Number(n) || 1)} min={1} max={600} />
        </SimpleGrid>
        <Textarea label={t('admissions.test.questions')} description={t('admissions.test.questionsHint')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={10} error={jsonError} styles={{ input: { fontFamily: 'monospace' } }} />
        <ProblemAlert error={save.error} />
        {save.isSuccess && (
          <Text size="sm" c="green.9" role="status">
            {t('admissions.test.saved2')}
          </Text>
        )}
        <Button onClick={submit} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('admissions.test.save')}
        </Button>
      </Stack>
    </Paper>
  );
}
