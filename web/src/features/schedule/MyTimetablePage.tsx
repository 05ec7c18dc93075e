import { Stack, Text } from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/auth.ts';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ButtonLink } from '../../components/RouterLinks.tsx';
import { Agenda } from './Agenda.tsx';
import { CalendarActions } from './CalendarActions.tsx';
import { MyTravel } from './MyTravel.tsx';
import { myIcsUrl, myTimetableQuery } from './schedule.api.ts';

/** «Моё расписание»: a participant's sessions by module and day, calendar download and subscription, and «Мои поездки». */
export function MyTimetablePage() {
  const { t } = useTranslation();
  const l = useLocalised();
  const { data: me } = useSuspenseQuery(meQuery);
  const timetable = useQuery(myTimetableQuery);
  return (
    <Stack>
      <PageTitle
        actions={
          <ButtonLink to="/check-in" variant="filled">
            {t('nav.checkIn')}
          </ButtonLink>
        }
      >
        {t('schedule.myTitle')}
      </PageTitle>
      <Text size="sm" c="dimmed">
        {t('schedule.timesHint')}
      </Text>
      {me?.personId && <CalendarActions kind="participant" subjectId={me.personId} icsUrl={myIcsUrl(l.language)} />}
      <QueryState query={timetable}>
        {(data) => (
          <>
            <Agenda sessions={data.items} />
            <MyTravel sessions={data.items} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
