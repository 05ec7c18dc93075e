import { Alert, List } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { optionKey } from './test-editor.ts';

const WINDOW_FIELDS: Record<string, 'admissions.test.opensAt' | 'admissions.test.closesAt' | 'admissions.test.duration'> = {
  opensAt: 'admissions.test.opensAt',
  closesAt: 'admissions.test.closesAt',
  durationMinutes: 'admissions.test.duration',
};
const QUESTION_FIELDS: Record<string, 'admissions.test.editor.textRu' | 'admissions.test.editor.textEn' | 'admissions.test.editor.points' | 'admissions.test.editor.correct' | 'admissions.test.editor.kind' | 'admissions.test.editor.blocks.select'> = {
  textRu: 'admissions.test.editor.textRu',
  textEn: 'admissions.test.editor.textEn',
  points: 'admissions.test.editor.points',
  correct: 'admissions.test.editor.correct',
  kind: 'admissions.test.editor.kind',
  block: 'admissions.test.editor.blocks.select',
};
const BLOCK_FIELDS: Record<string, 'admissions.test.editor.blocks.titleRu' | 'admissions.test.editor.blocks.titleEn' | 'admissions.test.editor.blocks.limit'> = {
  titleRu: 'admissions.test.editor.blocks.titleRu',
  titleEn: 'admissions.test.editor.blocks.titleEn',
  timeLimitMinutes: 'admissions.test.editor.blocks.limit',
};

/** "Question 3, Question text (English)" for a server path such as body.questions.2.textEn. */
export function problemFieldLabel(t: TFunction, rawPath: string): string {
  const path = rawPath.replace(/^body\./, '');
  const windowField = WINDOW_FIELDS[path];
  if (windowField) return t(windowField);
  const block = /^blocks\.(\d+)(?:\.([^.]+))?/.exec(path);
  if (block) {
    const name = t('admissions.test.editor.blocks.block', { n: Number(block[1]) + 1 });
    const field = block[2] ? BLOCK_FIELDS[block[2]] : undefined;
    return field ? `${name}, ${t(field)}` : name;
  }
  const match = /^questions\.(\d+)\.([^.]+)(?:\.(\d+)\.(textRu|textEn))?/.exec(path);
  if (!match) return path;
  const [, index, field, option, language] = match;
  const n = Number(index) + 1;
  let label: string;
  if (field === 'options' && option !== undefined) label = t(language === 'textEn' ? 'admissions.test.editor.optionEn' : 'admissions.test.editor.optionRu', { key: optionKey(Number(option)) });
  else label = QUESTION_FIELDS[field!] ? t(QUESTION_FIELDS[field!]!) : t('admissions.test.editor.options');
  return `${t('admissions.test.question', { n })}, ${label}`;
}

/**
 * A refused save: each field error with the question and field it is about (the same errors are also
 * shown at the fields themselves); other problems (network, the test already started) as usual.
 */
export function QuestionBankProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isProblem(error) || error.problem.errors.length === 0) return <ProblemAlert error={error} />;
  return (
    <Alert color="red" variant="light" role="alert" title={error.problem.title}>
      <List size="sm">
        {error.problem.errors.map((e) => (
          <List.Item key={`${e.path}:${e.message}`}>{`${problemFieldLabel(t, e.path)}: ${e.message}`}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
