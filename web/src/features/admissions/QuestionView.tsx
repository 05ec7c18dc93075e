import type { ReactNode } from 'react';
import { Checkbox, NumberInput, Paper, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CandidateTest } from '@ms/contracts/admissions';
import { useLocalised } from '../../api/names.ts';

/** What the candidate is shown of a question: no correct answer. */
export type ShownQuestion = Pick<CandidateTest['questions'][number], 'kind' | 'textRu' | 'textEn' | 'options'>;

interface QuestionViewProps {
  question: ShownQuestion;
  /** The question's place in the candidate's own order (1-based). */
  number: number;
  /** The answer so far: option keys, a number, or null. */
  answer: unknown;
  /** A choice was made (saved at once by the test page). */
  onChoose: (answer: string[]) => void;
  /** The number being typed; onNumberDone fires when the field is left (then the test page saves it). */
  onNumberChange: (answer: number | null) => void;
  onNumberDone?: () => void;
  isLocked?: boolean;
  /** Below the question: the "saved" note and errors on the test page. */
  children?: ReactNode;
}

/**
 * One question as a candidate sees it; shared by the test itself and the staff's preview so that the
 * preview cannot drift from what candidates get.
 */
export function QuestionView({ question: q, number, answer, onChoose, onNumberChange, onNumberDone, isLocked = false, children }: QuestionViewProps) {
  const { t } = useTranslation();
  const { name } = useLocalised();
  const label = `${t('admissions.test.question', { n: number })}. ${name({ nameRu: q.textRu, nameEn: q.textEn })}`;
  const chosen = Array.isArray(answer) ? (answer as string[]) : [];
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        {q.kind === 'single' && (
          <Radio.Group label={label} value={chosen[0] ?? null} onChange={(key) => onChoose([key])}>
            <Stack gap={4} mt="xs">
              {q.options.map((o) => (
                <Radio key={o.key} value={o.key} label={name({ nameRu: o.textRu, nameEn: o.textEn })} disabled={isLocked} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {q.kind === 'multiple' && (
          <Checkbox.Group label={label} value={chosen} onChange={(keys) => onChoose(keys)}>
            <Stack gap={4} mt="xs">
              {q.options.map((o) => (
                <Checkbox key={o.key} value={o.key} label={name({ nameRu: o.textRu, nameEn: o.textEn })} disabled={isLocked} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {q.kind === 'numeric' && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {label}
            </Text>
            <NumberInput
              label={t('admissions.test.numberAnswer')}
              value={typeof answer === 'number' ? answer : ''}
              onChange={(n) => onNumberChange(n === '' ? null : Number(n))}
              onBlur={onNumberDone}
              disabled={isLocked}
            />
          </Stack>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
