import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from './outbox.api.ts';

const COLOUR = { sent: 'green.9', failed: 'red.9', not_sent: 'gray.8' } as const;

/** Sent, failed, or kept here because no SMTP server is configured. */
export function OutboxStatus({ status }: { status: OutboxItem['status'] }) {
  const { t } = useTranslation();
  return <Badge color={COLOUR[status]} miw="max-content">{t(`outbox.status.${status}`)}</Badge>;
}
