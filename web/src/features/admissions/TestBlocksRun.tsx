import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { finishMyTest, finishMyTestBlock, startMyTest, startMyTestBlock, type CandidateTest } from './admissions.api.ts';
import { TestQuestionCard, useCountdown } from './TestQuestionCard.tsx';

type Block = CandidateTest['blocks'][number];

interface TestBlocksRunProps {
  applicationId: string;
  test: CandidateTest;
  /** The window's line ("open from … to …"). */
  window: ReactNode;
}

/**
 * A test in blocks, as the candidate takes it: the blocks' overview, the next block's intro (its limit
 * and size) before it is started, then the open block alone with its own countdown from the server's
 * deadline and a confirmed "finish this block" (its answers are final after that).
 */
export function TestBlocksRun({ applicationId, test, window }: TestBlocksRunProps) {
  const { t } = useTranslation();
  const { name } = useLocalised();
  const queryClient = useQueryClient();
  const update = (next: CandidateTest) => queryClient.setQueryData(['my-test', applicationId], next);
  const start = useMutation({ mutationFn: () => startMyTest(applicationId), onSuccess: update });
  const open = useMutation({ mutationFn: (n: number) => startMyTestBlock(applicationId, n), onSuccess: update });
  const finishBlock = useMutation({ mutationFn: (n: number) => finishMyTestBlock(applicationId, n), onSuccess: update });
  const finish = useMutation({ mutationFn: () => finishMyTest(applicationId), onSuccess: update });
  const [isConfirming, setConfirming] = useState(false);
  const secondsLeft = useCountdown(test.secondsLeft);
  const current = test.currentBlock === null ? null : (test.blocks[test.currentBlock - 1] ?? null);
  const isOpen = test.state === 'in_progress' && current?.state === 'open';
  const title = (b: Block) => name({ nameRu: b.titleRu, nameEn: b.titleEn });
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The block's time ran out on this screen: the server has moved on, so ask it where the candidate is.
  const isRunOut = isOpen && secondsLeft === 0;
  useEffect(() => {
    if (isRunOut) void queryClient.invalidateQueries({ queryKey: ['my-test', applicationId] });
  }, [isRunOut, applicationId, queryClient]);
  // A new block or its intro replaces the page's content: move the focus to its heading.
  const step = `${test.currentBlock}:${current?.state}`;
  const previousStep = useRef(step);
  useEffect(() => {
    if (previousStep.current !== step) headingRef.current?.focus();
    previousStep.current = step;
  }, [step]);

  const heading = current && (
    <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
      {t('admissions.test.blocks.heading', { n: current.number, total: test.blocks.length, title: title(current) })}
    </Title>
  );
  const missed = test.blocks.filter((b) => b.state === 'expired' && b.startedAt !== null && (current === null || b.number < current.number)).at(-1);
  const errors = [start.error, open.error, finishBlock.error, finish.error].map((error, i) => <ProblemAlert key={i} error={error} />);

  return (
    <Stack>
      {test.state === 'not_started' && window}
      <Paper withBorder p="sm" component="section" aria-labelledby="test-blocks-list">
        <Text id="test-blocks-list" fw={600} size="sm">
          {t('admissions.test.blocks.listTitle')}
        </Text>
        {test.state === 'not_started' && (
          <Text size="sm" mt={4}>
            {t('admissions.test.blocks.overview')}
          </Text>
        )}
        <List size="sm" mt="xs" spacing={2}>
          {test.blocks.map((b) => (
            <List.Item key={b.number}>
              {t('admissions.test.blocks.item', { n: b.number, title: title(b), minutes: b.timeLimitMinutes, count: b.questionCount })}
              {test.state === 'in_progress' && <Text span size="sm" c="dimmed">{` · ${t(`admissions.test.blocks.states.${b.state}`)}`}</Text>}
            </List.Item>
          ))}
        </List>
      </Paper>
      {missed && !isOpen && (
        <Alert color="yellow" role="status">
          {t('admissions.test.blocks.timeUp', { n: missed.number })}
        </Alert>
      )}
      {current && !isOpen && (
        <Stack gap="xs">
          {heading}
          <Text size="sm">{t('admissions.test.blocks.intro', { minutes: current.timeLimitMinutes, count: current.questionCount })}</Text>
          {errors}
          <Button onClick={() => (test.state === 'not_started' ? start.mutate() : open.mutate(current.number))} loading={start.isPending || open.isPending} style={{ alignSelf: 'flex-start' }}>
            {test.state === 'not_started' ? t('admissions.test.start') : t('admissions.test.blocks.start', { n: current.number })}
          </Button>
        </Stack>
      )}
      {current && isOpen && (
        <Stack>
          {heading}
          <Text fw={600} role="timer" aria-live="off">
            {t('admissions.test.left', { minutes: Math.floor(secondsLeft / 60), seconds: secondsLeft % 60 })}
          </Text>
          {test.questions.map((q, index) => (
            <TestQuestionCard key={q.id} applicationId={applicationId} question={q} number={index + 1} isLocked={secondsLeft <= 0} />
          ))}
          {errors}
          {isConfirming ? (
            <Paper withBorder p="sm" role="group" aria-label={t('admissions.test.blocks.confirm', { n: current.number })}>
              <Text size="sm" mb="xs">
                {t('admissions.test.blocks.confirm', { n: current.number })}
              </Text>
              <Group gap="xs">
                <Button color="red.9" loading={finishBlock.isPending} onClick={() => finishBlock.mutate(current.number, { onSettled: () => setConfirming(false) })}>
                  {t('admissions.test.blocks.confirmYes')}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('admissions.test.blocks.cancel')}
                </Button>
              </Group>
            </Paper>
          ) : (
            <Button onClick={() => setConfirming(true)} style={{ alignSelf: 'flex-start' }}>
              {current.number === test.blocks.length ? t('admissions.test.blocks.finishLast') : t('admissions.test.blocks.finish')}
            </Button>
          )}
        </Stack>
      )}
      {!current && test.state === 'in_progress' && (
        <Stack gap="xs">
          <Text>{t('admissions.test.blocks.allDone')}</Text>
          {errors}
          <Button onClick={() => finish.mutate()} loading={finish.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('admissions.test.finish')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
