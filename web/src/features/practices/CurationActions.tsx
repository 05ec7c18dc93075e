import { useState } from 'react';
import { Button, Group, List, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { approvePractice, mergePractice, practiceHistoryQuery, practicesQuery, rejectPractice, type Practice } from './practices.api.ts';

/** Staff tools on a practice page: approve or reject a proposal, merge a duplicate, and the edit history. */
export function CurationActions({ practice }: { practice: Practice }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [intoText, setIntoText] = useState('');
  const [intoId, setIntoId] = useState<string | null>(null);
  const history = useQuery(practiceHistoryQuery(practice.id));
  const candidates = useQuery({ ...practicesQuery({ q: intoText || undefined, sort: intoText ? 'relevance' : 'title' }), enabled: practice.status !== 'merged' });
  const done = async (updated: Practice) => {
    queryClient.setQueryData(['practice', updated.id], updated);
    await queryClient.invalidateQueries({ queryKey: ['practices'] });
    await queryClient.invalidateQueries({ queryKey: ['practice', practice.id] });
  };
  const decide = useMutation({ mutationFn: (decision: 'approve' | 'reject') => (decision === 'approve' ? approvePractice(practice.id, note) : rejectPractice(practice.id, note)), onSuccess: done });
  const merge = useMutation({ mutationFn: () => mergePractice(practice.id, intoId ?? ''), onSuccess: done });

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t('practices.curation.actions')}
        </Title>
        {practice.status !== 'merged' && practice.status !== 'approved' && (
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('practices.curation.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} w={{ base: '100%', xs: 320 }} />
            <Button onClick={() => decide.mutate('approve')} loading={decide.isPending && decide.variables === 'approve'}>
              {t('practices.curation.approve')}
            </Button>
            {practice.status === 'proposed' && (
              <Button color="red" variant="light" onClick={() => decide.mutate('reject')} loading={decide.isPending && decide.variables === 'reject'}>
                {t('practices.curation.reject')}
              </Button>
            )}
          </Group>
        )}
        {practice.status !== 'merged' && (
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('practices.curation.mergeInto')}
              data={(candidates.data?.items ?? []).filter((c) => c.id !== practice.id).map((c) => ({ value: c.id, label: c.title }))}
              value={intoId}
              onChange={setIntoId}
              searchValue={intoText}
              onSearchChange={setIntoText}
              searchable
              w={{ base: '100%', xs: 420 }}
            />
            <Button variant="light" disabled={!intoId} onClick={() => merge.mutate()} loading={merge.isPending}>
              {t('practices.curation.merge')}
            </Button>
          </Group>
        )}
        <ProblemAlert error={decide.error ?? merge.error} />
        <Title order={3} size="h5">
          {t('practices.curation.history')}
        </Title>
        <List size="sm" spacing={4}>
          {(history.data?.items ?? []).map((h) => (
            <List.Item key={h.id}>
              {l.dateTime(h.createdAt)} — {t(`practices.curation.actionsLog.${h.action}`, { defaultValue: h.action })}
              {h.editorName ? ` (${h.editorName})` : ''}
              {h.changes.length > 0 && `: ${h.changes.map((c) => c.field).join(', ')}`}
              {h.note && <Text size="sm" c="dimmed">{h.note}</Text>}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
