import { useState } from 'react';
import { Anchor, Button, Checkbox, FileInput, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { addGuest, addMilestone, DOCUMENT_ACCEPT, documentUrl, projectQuery, removeGuest, setMilestoneDone, uploadDocument, type Project } from './projects.api.ts';

function useRefresh(projectId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: projectQuery(projectId).queryKey });
}

/** Guests: members of a participant's municipal team who work on the project without being participants. */
export function GuestsSection({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const refresh = useRefresh(p.id);
  const [fullName, setFullName] = useState('');
  const [position, setPosition] = useState('');
  const [email, setEmail] = useState('');
  const add = useMutation({ mutationFn: () => addGuest(p.id, { fullName, position, email: email || null }), onSuccess: () => (refresh(), setFullName(''), setPosition(''), setEmail('')) });
  const remove = useMutation({ mutationFn: (guestId: string) => removeGuest(p.id, guestId), onSuccess: refresh });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('projects.guests')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('projects.guestsHelp')}
      </Text>
      <Stack gap={4}>
        {p.guests.length === 0 && <Text size="sm" c="dimmed">—</Text>}
        {p.guests.map((g) => (
          <Group key={g.id} justify="space-between" gap="xs">
            <Text size="sm">
              {g.fullName}
              <Text span size="xs" c="dimmed">
                {' '}
                · {[g.position, g.email].filter(Boolean).join(' · ')}
              </Text>
            </Text>
            {p.can.edit && (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(g.id)} aria-label={t('projects.removeGuest', { name: g.fullName })}>
                {t('projects.remove')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      {p.can.edit && (
        <Stack component="form" gap="xs" mt="sm" onSubmit={(e) => (e.preventDefault(), add.mutate())}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <TextInput label={t('projects.guestName')} required value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} maxLength={200} />
            <TextInput label={t('projects.guestPosition')} value={position} onChange={(e) => setPosition(e.currentTarget.value)} maxLength={200} />
            <TextInput label={t('projects.guestEmail')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} maxLength={254} />
          </SimpleGrid>
          <ProblemAlert error={add.error ?? remove.error} />
          <Group>
            <Button type="submit" variant="light" loading={add.isPending}>
              {t('projects.addGuest')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

export function MilestonesSection({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const refresh = useRefresh(p.id);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const add = useMutation({ mutationFn: () => addMilestone(p.id, title, dueOn), onSuccess: () => (refresh(), setTitle(''), setDueOn('')) });
  const toggle = useMutation({ mutationFn: ({ id, isDone }: { id: string; isDone: boolean }) => setMilestoneDone(p.id, id, isDone), onSuccess: refresh });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('projects.milestones')}
      </Title>
      <Stack gap={4}>
        {p.milestones.map((m) => (
          <Checkbox key={m.id} disabled={!p.can.edit} checked={m.doneAt !== null} onChange={(e) => toggle.mutate({ id: m.id, isDone: e.currentTarget.checked })} label={`${l.date(m.dueOn)} · ${m.title}`} />
        ))}
      </Stack>
      {p.can.edit && (
        <Group component="form" align="flex-end" mt="sm" wrap="wrap" onSubmit={(e) => (e.preventDefault(), add.mutate())}>
          <TextInput label={t('projects.milestoneTitle')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={300} />
          <TextInput label={t('projects.dueOn')} type="date" required value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} />
          <Button type="submit" variant="light" loading={add.isPending}>
            {t('projects.addMilestone')}
          </Button>
        </Group>
      )}
      <ProblemAlert error={add.error ?? toggle.error} />
    </Paper>
  );
}

export function DocumentsSection({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const refresh = useRefresh(p.id);
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({ mutationFn: (f: File) => uploadDocument(p.id, f), onSuccess: () => (refresh(), setFile(null)) });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('projects.documents')}
      </Title>
      <Stack gap={4}>
        {p.documents.length === 0 && <Text size="sm" c="dimmed">—</Text>}
        {p.documents.map((d) => (
          <Text key={d.id} size="sm">
            <Anchor href={documentUrl(p.id, d.id)} download underline="always">
              {d.fileName}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              · {d.kind.toUpperCase()} · {Math.max(1, Math.round(d.sizeBytes / 1024))} KB · {l.date(d.createdAt)}
            </Text>
          </Text>
        ))}
      </Stack>
      {p.can.edit && (
        <Group align="flex-end" mt="sm" wrap="wrap">
          <FileInput label={t('projects.upload')} description={t('projects.uploadHelp')} accept={DOCUMENT_ACCEPT} value={file} onChange={setFile} clearable w={{ base: '100%', xs: 320 }} />
          <Button variant="light" disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
            {t('projects.uploadAction')}
          </Button>
        </Group>
      )}
      <ProblemAlert error={upload.error} />
    </Paper>
  );
}
