import { Badge, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { localName, useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { Agenda } from './Agenda.tsx';
import { CalendarActions } from './CalendarActions.tsx';
import { speakerIcsUrl, speakerQuery, speakerTimetableQuery, type Speaker } from './schedule-manage.api.ts';

const route = getRouteApi('/app/speakers/$speakerId');

/** A speaker: affiliation, organisation, bio, and (for the speaker and staff) the sessions they lead with an .ics. */
export function SpeakerPage() {
  const { speakerId } = route.useParams();
  const speaker = useQuery(speakerQuery(speakerId));
  return <QueryState query={speaker}>{(s) => <SpeakerDetails speaker={s} />}</QueryState>;
}

function SpeakerDetails({ speaker: s }: { speaker: Speaker }) {
  const { t } = useTranslation();
  const l = useLocalised();
  // Only the speaker and staff read the sessions; others see the count alone.
  const timetable = useQuery(speakerTimetableQuery(s.id));
  const organisation = localName({ nameRu: s.organisationRu, nameEn: s.organisationEn }, l.language);
  const bio = localName({ nameRu: s.bioRu, nameEn: s.bioEn }, l.language);
  return (
    <Stack>
      <AnchorLink to="/programmes/$programmeId/speakers" params={{ programmeId: s.programmeId }} search={{}} size="sm" w="fit-content">
        {t('speakers.backToList')}
      </AnchorLink>
      <PageTitle>{l.name(s)}</PageTitle>
      <Stack gap={4}>
        <Badge variant="light" color="dark" tt="none" radius="sm" w="fit-content" maw="100%">
          {t(`speakers.kind.${s.affiliationKind}`)}
        </Badge>
        {organisation && <Text style={{ overflowWrap: 'anywhere' }}>{organisation}</Text>}
        <Text size="sm">{t('speakers.sessionsLed', { count: s.sessionCount })}</Text>
        {bio && (
          <Text mt="xs" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {bio}
          </Text>
        )}
      </Stack>
      {timetable.isSuccess && (
        <Stack component="section" aria-labelledby="speaker-sessions-heading" gap="xs">
          <Title order={2} size="h3" id="speaker-sessions-heading">
            {t('speakers.sessions')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('schedule.timesHint')}
          </Text>
          <CalendarActions kind="speaker" subjectId={s.id} icsUrl={speakerIcsUrl(s.id, l.language)} />
          <Agenda sessions={timetable.data.items} />
        </Stack>
      )}
    </Stack>
  );
}
