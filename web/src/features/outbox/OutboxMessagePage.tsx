import { Alert, Breadcrumbs, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { outboxMessageQuery } from './outbox.api.ts';
import { OutboxStatus } from './OutboxStatus.tsx';

const route = getRouteApi('/app/outbox/$messageId');

/** One message as it was (or would have been) sent: headers and the plain-text body. */
export function OutboxMessagePage() {
  const { t } = useTranslation();
  const { messageId } = route.useParams();
  const l = useLocalised();
  const message = useQuery(outboxMessageQuery(messageId));
  return (
    <QueryState query={message}>
      {(m) => (
        <Stack maw={820}>
          <Breadcrumbs>
            <AnchorLink to="/outbox">
              {t('outbox.title')}
            </AnchorLink>
            <Text>{m.subject}</Text>
          </Breadcrumbs>
          <PageTitle>{m.subject}</PageTitle>
          <Group gap="lg" wrap="wrap">
            <Text size="sm">
              <b>{t('outbox.to')}:</b> {m.toAddress}
            </Text>
            <Text size="sm">
              <b>{t('outbox.createdAt')}:</b> {l.dateTime(m.createdAt)}
            </Text>
            {m.sentAt && (
              <Text size="sm">
                <b>{t('outbox.sentAt')}:</b> {l.dateTime(m.sentAt)}
              </Text>
            )}
            <OutboxStatus status={m.status} />
          </Group>
          {m.error && (
            <Alert color="red" variant="light" title={t('outbox.error')}>
              {m.error}
            </Alert>
          )}
          <Paper withBorder p="md">
            <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0, fontFamily: 'inherit' }}>
              {m.textBody}
            </Text>
          </Paper>
        </Stack>
      )}
    </QueryState>
  );
}
