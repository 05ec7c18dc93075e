import { useState } from 'react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal.tsx';
import { QuestionView } from './QuestionView.tsx';
import { optionKey, type EditorQuestion } from './test-editor.ts';

/**
 * "How a candidate sees question N": the candidate's own rendering of the card as it stands (saved or
 * not), answerable but saving nothing.
 */
export function QuestionPreview({ question, number, onClose }: { question: EditorQuestion | null; number: number; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={question !== null} onClose={onClose} title={t('admissions.test.editor.previewTitle', { n: number })}>
      {question && <PreviewBody key={question.uid} question={question} number={number} />}
    </AppModal>
  );
}

function PreviewBody({ question: q, number }: { question: EditorQuestion; number: number }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<unknown>(null);
  const shown = { kind: q.kind, textRu: q.textRu, textEn: q.textEn, options: q.options.map((o, i) => ({ key: optionKey(i), textRu: o.textRu, textEn: o.textEn })) };
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('admissions.test.editor.previewHint')}
      </Text>
      <QuestionView question={shown} number={number} answer={answer} onChoose={setAnswer} onNumberChange={setAnswer} />
    </Stack>
  );
}
