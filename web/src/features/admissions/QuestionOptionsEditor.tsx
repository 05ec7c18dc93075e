import { Button, Checkbox, Fieldset, Group, Paper, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addOption, markCorrect, MAX_OPTIONS, MIN_OPTIONS, optionKey, removeOption, type EditorQuestion } from './test-editor.ts';

interface QuestionOptionsEditorProps {
  question: EditorQuestion;
  /** The question's uid: names the radio group so each card's "correct" radios are their own. */
  groupName: string;
  onChange: (next: EditorQuestion) => void;
  /** The message for a field of this question (options.1.textRu, correct, options), if any. */
  errorFor: (field: string) => string | undefined;
}

/**
 * A choice question's options: text in both languages and the "correct" mark (a radio for a single
 * choice, a checkbox for a multiple one). Plain radios sharing a name, not a Mantine Radio.Group,
 * because a radiogroup may hold only radios and each row also has text fields and a remove button.
 */
export function QuestionOptionsEditor({ question: q, groupName, onChange, errorFor }: QuestionOptionsEditorProps) {
  const { t } = useTranslation();
  const correctError = errorFor('correct') ?? errorFor('options');
  const hintId = `${groupName}-options-hint`;
  return (
    <Fieldset legend={t('admissions.test.editor.options')} variant="unstyled">
      <Stack gap="xs">
        <Text size="sm" c="dimmed" id={hintId}>
          {t(q.kind === 'single' ? 'admissions.test.editor.optionsHintSingle' : 'admissions.test.editor.optionsHintMultiple')}
        </Text>
        {q.options.map((o, i) => {
          const key = optionKey(i);
          const correctLabel = t('admissions.test.editor.correctOption', { key });
          return (
            <Paper key={i} withBorder p="xs" bg={o.isCorrect ? 'green.0' : undefined}>
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap">
                  {q.kind === 'single' ? (
                    <Radio name={groupName} value={key} checked={o.isCorrect} onChange={() => onChange(markCorrect(q, i, true))} label={correctLabel} aria-describedby={hintId} />
                  ) : (
                    <Checkbox checked={o.isCorrect} onChange={(e) => onChange(markCorrect(q, i, e.currentTarget.checked))} label={correctLabel} aria-describedby={hintId} />
                  )}
                  {q.options.length > MIN_OPTIONS && (
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => onChange(removeOption(q, i))} aria-label={t('admissions.test.editor.removeOptionLabel', { key })}>
                      {t('admissions.test.editor.removeOption')}
                    </Button>
                  )}
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                  <TextInput
                    label={t('admissions.test.editor.optionRu', { key })}
                    value={o.textRu}
                    maxLength={500}
                    lang="ru"
                    onChange={(e) => onChange({ ...q, options: q.options.map((x, j) => (j === i ? { ...x, textRu: e.currentTarget.value } : x)) })}
                    error={errorFor(`options.${i}.textRu`)}
                  />
                  <TextInput
                    label={t('admissions.test.editor.optionEn', { key })}
                    value={o.textEn}
                    maxLength={500}
                    lang="en"
                    onChange={(e) => onChange({ ...q, options: q.options.map((x, j) => (j === i ? { ...x, textEn: e.currentTarget.value } : x)) })}
                    error={errorFor(`options.${i}.textEn`)}
                  />
                </SimpleGrid>
              </Stack>
            </Paper>
          );
        })}
        {correctError && (
          <Text size="sm" c="red.9" data-field-error>
            {correctError}
          </Text>
        )}
        {q.options.length < MAX_OPTIONS && (
          <Button variant="light" size="xs" onClick={() => onChange(addOption(q))} style={{ alignSelf: 'flex-start' }}>
            {t('admissions.test.editor.addOption')}
          </Button>
        )}
      </Stack>
    </Fieldset>
  );
}
