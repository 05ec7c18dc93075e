import { Badge, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/auth.ts';
import { localName, useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { Agenda } from './Agenda.tsx';
import { CalendarActions } from './CalendarActions.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { deleteSpeaker, refreshSchedule, speakerIcsUrl, speakerQuery, speakerTimetableQuery, type Speaker } from './schedule-manage.api.ts';

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
  // Only staff see the delete button; the server decides again (staff of this programme only).
  const roles = useQuery(meQuery).data?.roles ?? [];
  const canManage = roles.includes('staff') || roles.includes('admin');
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
      {canManage && <DeleteSpeaker speaker={s} />}
    </Stack>
  );
}

/** Staff: delete a speaker who leads no session (the server refuses otherwise, and says why). */
function DeleteSpeaker({ speaker }: { speaker: Speaker }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <ConfirmDelete
      label={t('speakers.delete')}
      question={t('speakers.deleteConfirm')}
      remove={() => deleteSpeaker(speaker.id)}
      onDeleted={() => {
        refreshSchedule(queryClient);
        void navigate({ to: '/programmes/$programmeId/speakers', params: { programmeId: speaker.programmeId }, search: {} });
      }}
    />
  );
}
