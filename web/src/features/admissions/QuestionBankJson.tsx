import { useState } from 'react';
import { Alert, Button, FileInput, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../../components/csv-download.ts';
import { exportQuestionsJson, parseQuestionsJson, type ImportProblem } from './test-editor-json.ts';
import type { EditorBlock, EditorQuestion } from './test-editor.ts';

interface QuestionBankJsonProps {
  questions: readonly EditorQuestion[];
  blocks: readonly EditorBlock[];
  /** The file's questions and blocks replace the form's (nothing is saved until the person saves the test). */
  onLoad: (bank: { questions: EditorQuestion[]; blocks: EditorBlock[] }) => void;
  fileName: string;
  isDisabled?: boolean;
}

/** The advanced way: the bank as a JSON file, to move it between campaigns. */
export function QuestionBankJson({ questions, blocks, onLoad, fileName, isDisabled = false }: QuestionBankJsonProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [loaded, setLoaded] = useState<number | null>(null);
  const load = async (next: File | null) => {
    setFile(next);
    setLoaded(null);
    setProblems([]);
    if (!next) return;
    const result = parseQuestionsJson(await next.text());
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    onLoad({ questions: result.questions, blocks: result.blocks });
    setLoaded(result.questions.length);
  };
  return (
    <Stack gap="sm">
      <Text size="sm">{t('admissions.test.editor.json.hint')}</Text>
      <Button variant="default" onClick={() => downloadText(fileName, exportQuestionsJson(questions, blocks), 'application/json;charset=utf-8')} disabled={questions.length === 0} style={{ alignSelf: 'flex-start' }}>
        {t('admissions.test.editor.json.download')}
      </Button>
      <FileInput
        label={t('admissions.test.editor.json.load')}
        description={t('admissions.test.editor.json.replaceWarning')}
        placeholder={t('admissions.test.editor.json.choose')}
        accept="application/json,.json"
        value={file}
        onChange={(next) => void load(next)}
        clearable
        disabled={isDisabled}
        maw={480}
      />
      {problems.length > 0 && (
        <Alert color="red" variant="light" role="alert" title={t('admissions.test.editor.json.bad')}>
          <List size="sm">
            {problems.map((p) => (
              <List.Item key={`${p.path}:${p.message}`}>{p.path ? `${p.path}: ${p.message}` : p.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {loaded !== null && (
        <Text size="sm" c="green.9" role="status">
          {t('admissions.test.editor.json.loaded', { count: loaded })}
        </Text>
      )}
    </Stack>
  );
}
