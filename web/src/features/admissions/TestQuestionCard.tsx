import { useEffect, useState } from 'react';
import { Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { saveTestAnswer, type CandidateTest } from './admissions.api.ts';
import { QuestionView } from './QuestionView.tsx';

type Question = CandidateTest['questions'][number];

/** Counts down from the server's figure; the server refuses late answers whatever this shows. */
export function useCountdown(initial: number | null): number {
  const [left, setLeft] = useState(initial ?? 0);
  useEffect(() => {
    setLeft(initial ?? 0);
    if (!initial) return;
    const started = Date.now();
    const timer = setInterval(() => setLeft(Math.max(0, initial - Math.floor((Date.now() - started) / 1000))), 1000);
    return () => clearInterval(timer);
  }, [initial]);
  return left;
}

/** One question of the candidate's test: each choice is saved at once, a number when the field is left. */
export function TestQuestionCard({ applicationId, question: q, number, isLocked }: { applicationId: string; question: Question; number: number; isLocked: boolean }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<unknown>(q.answer);
  const save = useMutation({ mutationFn: (value: string[] | number) => saveTestAnswer(applicationId, q.id, value) });
  const choose = (value: string[]) => {
    setAnswer(value);
    save.mutate(value);
  };
  return (
    <QuestionView question={q} number={number} answer={answer} onChoose={choose} onNumberChange={setAnswer} onNumberDone={() => typeof answer === 'number' && save.mutate(answer)} isLocked={isLocked}>
      {save.isSuccess && (
        <Text size="xs" c="green.9" role="status">
          {t('admissions.test.saved')}
        </Text>
      )}
      <ProblemAlert error={save.error} />
    </QuestionView>
  );
}
