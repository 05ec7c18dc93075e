import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ButtonLink } from '../../components/RouterLinks.tsx';
import { fetchMyTest, finishMyTest, startMyTest, type CandidateTest } from './admissions.api.ts';
import { TestBlocksRun } from './TestBlocksRun.tsx';
import { TestQuestionCard, useCountdown } from './TestQuestionCard.tsx';

const route = getRouteApi('/public/my-applications/$applicationId/test');

/** The candidate's online test: start, answer (each answer saved at once), the server's countdown, finish; block by block when the test has blocks. */
export function TakeTestPage() {
  const { t } = useTranslation();
  const { applicationId } = route.useParams();
  const query = useQuery({ queryKey: ['my-test', applicationId], queryFn: () => fetchMyTest(applicationId) });
  return (
    <Stack>
      <PageTitle>{t('admissions.test.title')}</PageTitle>
      <QueryState query={query}>{(test) => <TestView applicationId={applicationId} test={test} />}</QueryState>
    </Stack>
  );
}

function TestView({ applicationId, test }: { applicationId: string; test: CandidateTest }) {
  const { t } = useTranslation();
  const { dateTime } = useLocalised();
  const queryClient = useQueryClient();
  const update = (next: CandidateTest) => queryClient.setQueryData(['my-test', applicationId], next);
  const start = useMutation({ mutationFn: () => startMyTest(applicationId), onSuccess: update });
  const finish = useMutation({ mutationFn: () => finishMyTest(applicationId), onSuccess: update });
  const secondsLeft = useCountdown(test.secondsLeft);

  if (!test.opensAt || !test.closesAt) return <Text>{t('admissions.test.notConfigured')}</Text>;
  const window = <Text size="sm">{t('admissions.test.window', { from: dateTime(test.opensAt), to: dateTime(test.closesAt), minutes: test.durationMinutes ?? 0 })}</Text>;
  if (test.state === 'finished') {
    return (
      <Alert color="green" role="status">
        {t('admissions.test.finished', { score: test.score ?? 0 })}
      </Alert>
    );
  }
  if (test.blocks.length > 0) return <TestBlocksRun applicationId={applicationId} test={test} window={window} />;
  if (test.state === 'not_started') {
    return (
      <Stack>
        {window}
        <Text size="sm">{t('admissions.test.startHint')}</Text>
        <ProblemAlert error={start.error} />
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t('admissions.test.start')}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack>
      <Text fw={600} role="timer" aria-live="off">
        {secondsLeft > 0 ? t('admissions.test.left', { minutes: Math.floor(secondsLeft / 60), seconds: secondsLeft % 60 }) : t('admissions.test.timeUp')}
      </Text>
      {test.questions.map((q, index) => (
        <TestQuestionCard key={q.id} applicationId={applicationId} question={q} number={index + 1} isLocked={secondsLeft <= 0} />
      ))}
      <ProblemAlert error={finish.error} />
      <Button onClick={() => finish.mutate()} loading={finish.isPending}>
        {t('admissions.test.finish')}
      </Button>
    </Stack>
  );
}

/**
 * The online test on the candidate's application page, from the same cache as the test page: the result
 * once finished, "continue" while in progress, "take" before the start, nothing when no test is set.
 */
export function MyTestEntry({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['my-test', applicationId], queryFn: () => fetchMyTest(applicationId) });
  const test = query.data;
  if (!test?.opensAt || !test.closesAt) return null;
  if (test.state === 'finished') {
    return (
      <Alert color="green" variant="light" title={t('admissions.test.title')} role="note">
        {t('admissions.test.finished', { score: test.score ?? 0 })}
      </Alert>
    );
  }
  return (
    <ButtonLink to="/my-applications/$applicationId/test" params={{ applicationId }} variant="light" style={{ alignSelf: 'flex-start' }}>
      {t(test.state === 'in_progress' ? 'admissions.test.continue' : 'admissions.test.open')}
    </ButtonLink>
  );
}
