import { Accordion, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Session } from '@ms/contracts/schedule';
import { localName, useLocalised } from '../../api/names.ts';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { formatDay, formatTimeRange, groupAgenda, zoneLabel, type AgendaDay, type AgendaModule } from './agenda-format.ts';
import { SessionKindBadge } from './SessionKindBadge.tsx';

/** The module to open first: the one under way or next, else the last one (a finished programme). */
function currentModule(modules: AgendaModule[], today: string): string | undefined {
  return (modules.find((m) => (m.days.at(-1)?.date ?? '') >= today) ?? modules.at(-1))?.moduleId;
}

/**
 * A timetable as a day-by-day agenda, one collapsible section per module. Times are the venue's
 * (with its UTC offset), because that is where the reader will be when the session starts.
 */
export function Agenda({ sessions, sessionLinks }: { sessions: readonly Session[]; sessionLinks?: (session: Session) => React.ReactNode }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const modules = groupAgenda(sessions);
  if (modules.length === 0) return <Text c="dimmed">{t('schedule.empty')}</Text>;
  const today = new Date().toISOString().slice(0, 10);
  const initial = currentModule(modules, today);

  return (
    <Accordion multiple defaultValue={initial ? [initial] : []} order={2} variant="separated">
      {modules.map((m) => {
        const first = m.days[0]!.sessions[0]!;
        const from = m.days[0]!.date;
        const to = m.days.at(-1)!.date;
        return (
          <Accordion.Item key={m.moduleId} value={m.moduleId}>
            <Accordion.Control>
              <Text fw={600} span>
                {t('schedule.moduleHeading', { number: m.moduleNumber, venue: localName({ nameRu: first.venueNameRu, nameEn: first.venueNameEn }, l.language) })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('common.dateRange', { from: l.date(from), to: l.date(to) })}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="md">
                <AnchorLink to="/modules/$moduleId" params={{ moduleId: m.moduleId }} size="sm">
                  {t('schedule.aboutModule', { number: m.moduleNumber })}
                </AnchorLink>
                <DayList days={m.days} headingOrder={3} sessionLinks={sessionLinks} />
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}

/** Days, each a headed section of session cards. */
export function DayList({ days, headingOrder, sessionLinks }: { days: readonly AgendaDay[]; headingOrder: 3 | 4; sessionLinks?: (session: Session) => React.ReactNode }) {
  const l = useLocalised();
  return (
    <>
      {days.map((day) => (
        <Box component="section" key={day.date} aria-label={formatDay(day.date, l.language)}>
          <Title order={headingOrder} size="h5" mb="xs">
            {formatDay(day.date, l.language)}
          </Title>
          <SessionList sessions={day.sessions} sessionLinks={sessionLinks} />
        </Box>
      ))}
    </>
  );
}

/** Sessions as cards: time in the venue's zone, kind, title, place and speakers. */
export function SessionList({ sessions, sessionLinks }: { sessions: readonly Session[]; sessionLinks?: (session: Session) => React.ReactNode }) {
  const { t } = useTranslation();
  const l = useLocalised();
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {sessions.map((s) => {
        const title = localName({ nameRu: s.titleRu, nameEn: s.titleEn }, l.language);
        const speakers = s.speakers.map((sp) => localName(sp, l.language)).join(', ');
        const place = [localName({ nameRu: s.venueNameRu, nameEn: s.venueNameEn }, l.language), s.place].filter(Boolean).join(' · ');
        return (
          <Paper component="li" key={s.id} withBorder p="sm" mb="xs" data-session={s.id}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Text fw={600} size="sm">
                <time dateTime={s.startsAt}>{formatTimeRange(s.startsAt, s.endsAt, s.timeZone, l.language)}</time>{' '}
                <Text span size="xs" c="dimmed" fw={400}>
                  {zoneLabel(s.startsAt, s.timeZone, l.language)}
                </Text>
              </Text>
              <SessionKindBadge kind={s.kind} />
            </Group>
            <Text mt={4} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Text>
            {place && (
              <Text size="sm" c="dimmed">
                {t('schedule.place')}: {place}
              </Text>
            )}
            {speakers && (
              <Text size="sm" c="dimmed">
                {t('schedule.speakers')}: {speakers}
              </Text>
            )}
            {sessionLinks?.(s)}
          </Paper>
        );
      })}
    </Box>
  );
}
