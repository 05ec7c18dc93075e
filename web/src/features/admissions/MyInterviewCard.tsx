import type { ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchOwnInterview, ownInterviewIcsUrl, type OwnInterview } from './interviews.api.ts';
import { interviewTimeText } from './interview-time.ts';

/**
 * The applicant's interview on their status page: day and hours on their own clock (and the programme's
 * when it differs), place or meeting link, length, the panel's size (its members are not named to
 * candidates), and an .ics file for their calendar. Shows nothing until a slot is booked.
 */
export function MyInterviewCard({ applicationId }: { applicationId: string }) {
  const query = useQuery({ queryKey: ['my-application-interview', applicationId], queryFn: () => fetchOwnInterview(applicationId) });
  const interview = query.data?.interview;
  return interview ? <InterviewDetails applicationId={applicationId} interview={interview} /> : null;
}

function InterviewDetails({ applicationId, interview: i }: { applicationId: string; interview: NonNullable<OwnInterview['interview']> }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ru';
  const time = interviewTimeText(i.startsAt, i.endsAt, { language, programmeZone: i.timeZone });
  const isPast = new Date(i.endsAt).getTime() < Date.now();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-interview-title">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="my-interview-title">
            {t('admissions.myInterview.title')}
          </Title>
          {isPast && (
            <Badge color="gray" variant="light">
              {t('admissions.myInterview.past')}
            </Badge>
          )}
        </Group>
        <Text fw={600} size="lg">
          {time.day}, {time.hours}
        </Text>
        <Text size="sm" c="dimmed">
          {t('admissions.myInterview.yourTime', { zone: time.zoneName })}
          {time.programmeHours && ` ${t('admissions.myInterview.programmeTime', { hours: time.programmeHours })}`}
        </Text>
        <dl style={{ margin: 0 }}>
          <Row label={t('admissions.myInterview.duration')}>{t('admissions.interviews.minutes', { count: i.durationMinutes })}</Row>
          {i.place && <Row label={t('admissions.myInterview.place')}>{i.place}</Row>}
          {i.onlineUrl && (
            <Row label={t('admissions.myInterview.online')}>
              <Anchor href={i.onlineUrl} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
                {i.onlineUrl}
              </Anchor>
            </Row>
          )}
          <Row label={t('admissions.myInterview.panel')}>{t('admissions.myInterview.panelSize', { count: i.panelSize })}</Row>
        </dl>
        <Text size="xs" c="dimmed">
          {t('admissions.myInterview.panelHint')}
        </Text>
        {!isPast && (
          <Button component="a" href={ownInterviewIcsUrl(applicationId, language)} download="interview.ics" variant="light" style={{ alignSelf: 'flex-start' }}>
            {t('admissions.myInterview.addToCalendar')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text component="dt" size="sm" fw={600} style={{ flexShrink: 0 }}>
        {label}:
      </Text>
      <Text component="dd" size="sm" m={0} style={{ minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}
