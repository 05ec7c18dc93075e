import { useState } from 'react';
import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { createFeed, feedsQuery, revokeFeed, type FeedKind } from './schedule.api.ts';

/**
 * Download the timetable as an .ics file, or subscribe to it: a secret URL a calendar app polls. The
 * URL is shown once, at creation (the server keeps only its hash); earlier ones can be revoked here.
 */
export function CalendarActions({ kind, subjectId, icsUrl }: { kind: FeedKind; subjectId: string; icsUrl: string }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const feeds = useQuery(feedsQuery);
  const create = useMutation({
    mutationFn: () => createFeed(kind, subjectId),
    onSuccess: (feed) => {
      setUrl(feed.url);
      void queryClient.invalidateQueries({ queryKey: feedsQuery.queryKey });
    },
  });
  const revoke = useMutation({ mutationFn: revokeFeed, onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsQuery.queryKey }) });
  const active = (feeds.data ?? []).filter((f) => f.kind === kind && f.subjectId === subjectId && !f.revokedAt);

  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <Button component="a" href={icsUrl} download variant="light">
          {t('schedule.downloadIcs')}
        </Button>
        <Button variant="default" onClick={() => create.mutate()} loading={create.isPending}>
          {t('schedule.subscribe')}
        </Button>
      </Group>
      <ProblemAlert error={create.error ?? revoke.error} />
      {url && (
        <Alert color="blue" variant="light" title={t('schedule.feedCreated')}>
          <Stack gap="xs">
            <Text size="sm">{t('schedule.feedHint')}</Text>
            <TextInput label={t('schedule.feedUrl')} value={url} readOnly onFocus={(e) => e.currentTarget.select()} />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button size="xs" variant={copied ? 'filled' : 'light'} onClick={copy} w="fit-content">
                  {copied ? t('schedule.copied') : t('schedule.copy')}
                </Button>
              )}
            </CopyButton>
          </Stack>
        </Alert>
      )}
      {active.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('schedule.activeFeeds')}
          </Text>
          {active.map((f) => (
            <Group key={f.id} gap="xs" wrap="wrap">
              <Text size="sm">{t('schedule.feedSince', { date: l.dateTime(f.createdAt) })}</Text>
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => revoke.mutate(f.id)} loading={revoke.isPending && revoke.variables === f.id}>
                {t('schedule.revoke')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
