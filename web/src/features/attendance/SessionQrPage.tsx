import { useEffect, useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { get } from '../../api/client.ts';
import { localName, useLocalised } from '../../api/names.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ButtonLink } from '../../components/RouterLinks.tsx';
import { formatTimeRange } from '../schedule/agenda-format.ts';
import { sessionQuery } from '../schedule/schedule.api.ts';
import { checkInUrl, rollCallQuery, type SessionQr } from './attendance.api.ts';
import { QrImage } from './QrImage.tsx';

const route = getRouteApi('/screen/sessions/$sessionId/qr');

/** Fetch the next code this long before the current one expires, so the screen never shows a dead code. */
const LEAD_MS = 3_000;

/**
 * The session screen for the room's projector: the rotating check-in code as a large QR (a link to the
 * check-in page), the session's title and a live count of who has checked in.
 */
export function SessionQrPage() {
  const { t } = useTranslation();
  const l = useLocalised();
  const { sessionId } = route.useParams();
  const session = useQuery(sessionQuery(sessionId));
  const qr = useQuery({
    queryKey: ['session-qr', sessionId],
    queryFn: ({ signal }) => get<SessionQr>(`/api/sessions/${sessionId}/qr`, undefined, signal),
    // Time the next fetch off the code's own expiry, capped by the step in case the clocks disagree.
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data) return 5_000;
      return Math.min(data.stepSeconds * 1000, Math.max(1_000, Date.parse(data.expiresAt) - Date.now() - LEAD_MS));
    },
    refetchIntervalInBackground: true,
    gcTime: 0,
  });
  const marks = useQuery({ ...rollCallQuery(sessionId), refetchInterval: 5_000, refetchIntervalInBackground: true });
  const secondsLeft = useSecondsUntil(qr.data?.expiresAt);
  const title = session.data ? localName({ nameRu: session.data.titleRu, nameEn: session.data.titleEn }, l.language) : '';
  useDocumentTitle(title ? `${t('attendance.qrTitle')}: ${title}` : t('attendance.qrTitle'));

  if (session.isPending) return <PageLoader />;
  if (session.isError) return <ProblemAlert error={session.error} />;
  const s = session.data;
  const checkedIn = marks.data?.items.filter((i) => i.status === 'present' || i.status === 'late').length;

  return (
    <Stack align="center" gap="md" p="md" mih="100vh" justify="center">
      <Title order={1} size="h2" ta="center">
        {title}
      </Title>
      <Text ta="center">
        {l.date(s.localDate)}, {formatTimeRange(s.startsAt, s.endsAt, s.timeZone, l.language)} · {localName({ nameRu: s.venueNameRu, nameEn: s.venueNameEn }, l.language)}
        {s.place && ` · ${s.place}`}
      </Text>
      {qr.isError ? (
        <ProblemAlert error={qr.error} />
      ) : qr.data ? (
        <QrImage value={checkInUrl(window.location.origin, qr.data.token)} alt={t('attendance.qrAlt')} size="min(70vh, 90vw)" />
      ) : (
        <PageLoader />
      )}
      <Text size="lg" ta="center" fw={500}>
        {t('attendance.qrHint', { url: `${window.location.host}/check-in` })}
      </Text>
      {secondsLeft !== null && (
        <Text size="sm" c="dimmed" aria-hidden="true">
          {t('attendance.qrRefresh', { seconds: secondsLeft })}
        </Text>
      )}
      {checkedIn !== undefined && marks.data && (
        <Text size="xl" fw={700} aria-live="polite" data-testid="checked-in-count">
          {t('attendance.checkedIn', { count: checkedIn, total: marks.data.items.length })}
        </Text>
      )}
      <Group gap="xs">
        <Button variant="default" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
          {t('attendance.fullScreen')}
        </Button>
        <ButtonLink variant="default" to="/sessions/$sessionId/roll-call" params={{ sessionId }}>
          {t('attendance.rollCallLink')}
        </ButtonLink>
        <ButtonLink variant="subtle" to="/streams/$streamId" params={{ streamId: s.streamId }} search={{ view: 'timetable' }}>
          {t('attendance.backToStream')}
        </ButtonLink>
      </Group>
    </Stack>
  );
}

function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}

/** Whole seconds until an instant, ticking once a second; null without one. */
function useSecondsUntil(instant: string | undefined): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  if (!instant) return null;
  return Math.max(0, Math.round((Date.parse(instant) - now) / 1000));
}
