import { useEffect, useRef, useState } from 'react';
import { Accordion, Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard.tsx';
import { fetchStaffTest, saveStaffTest, type SetTestBody, type StaffTest } from './admissions.api.ts';
import { fromLocalInput, toLocalInput } from './admissions-text.ts';
import { QuestionBankJson } from './QuestionBankJson.tsx';
import { QuestionBankProblem } from './QuestionBankProblem.tsx';
import { QuestionEditorCard } from './QuestionEditorCard.tsx';
import { QuestionPreview } from './QuestionPreview.tsx';
import { TestBlocksEditor } from './TestBlocksEditor.tsx';
import { addBlock, bankToEditor, buildSetTestBody, duplicateQuestion, MAX_QUESTIONS, moveBlock, moveQuestion, newQuestion, removeBlock, serverErrorsByPath, validateTest, type EditorBlock, type EditorQuestion, type QuestionKind } from './test-editor.ts';

const route = getRouteApi('/app/admissions/$campaignId/test');
const KINDS: QuestionKind[] = ['single', 'multiple', 'numeric'];

/** Staff set the online test: its window, its blocks with their time limits (or one limit) and the question bank, question by question. */
export function TestSetupPage() {
  const { t } = useTranslation();
  const { campaignId } = route.useParams();
  const query = useQuery({ queryKey: ['staff-test', campaignId], queryFn: () => fetchStaffTest(campaignId) });
  return (
    <Stack maw={960}>
      <PageTitle>{t('admissions.test.staffTitle')}</PageTitle>
      <QueryState query={query}>{(test) => <TestForm campaignId={campaignId} test={test} />}</QueryState>
    </Stack>
  );
}

function TestForm({ campaignId, test }: { campaignId: string; test: StaffTest }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLDivElement>(null);
  const [opensAt, setOpensAt] = useState(test.opensAt ?? new Date().toISOString());
  const [closesAt, setClosesAt] = useState(test.closesAt ?? new Date(Date.now() + 2 * 86_400_000).toISOString());
  const [duration, setDuration] = useState<number | string>(test.durationMinutes ?? 60);
  const [initial] = useState(() => bankToEditor(test));
  const [questions, setQuestions] = useState<EditorQuestion[]>(initial.questions);
  const [blocks, setBlocks] = useState<EditorBlock[]>(initial.blocks);
  // Client checks show after the first save attempt and then follow every edit.
  const [isAttempted, setAttempted] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const [previewIndex, setPreviewIndex] = useState<number | null>(null);
  const isLocked = test.attempts > 0;
  // What the server holds, in the shape the form would send: the form is dirty when they differ.
  const [savedBody, setSavedBody] = useState(() => JSON.stringify(buildSetTestBody({ opensAt, closesAt, durationMinutes: Number(duration) }, initial.questions, initial.blocks)));
  const save = useMutation({
    mutationFn: (body: SetTestBody) => saveStaffTest(campaignId, body),
    onSuccess: (next, body) => {
      queryClient.setQueryData(['staff-test', campaignId], next);
      setSavedBody(JSON.stringify(body));
    },
    onError: () => setFocusTick((n) => n + 1),
  });
  const isDirty = !isLocked && JSON.stringify(buildSetTestBody({ opensAt, closesAt, durationMinutes: Number(duration) }, questions, blocks)) !== savedBody;

  const testWindow = { opensAt, closesAt, durationMinutes: duration };
  const problems = isAttempted ? validateTest(testWindow, questions, blocks) : [];
  const errors: Record<string, string> =
    problems.length > 0
      ? problems.reduce<Record<string, string>>((byPath, p) => ({ [p.path]: t(`admissions.test.editor.errors.${p.key}`, p.params ?? {}), ...byPath }), {})
      : isProblem(save.error)
        ? serverErrorsByPath(save.error.problem.errors, questions)
        : {};

  useEffect(() => {
    if (focusTick === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
    invalid?.scrollIntoView({ block: 'center' });
  }, [focusTick]);

  // A structural change renumbers the cards, so the server's errors (by position) no longer apply.
  const restructure = (next: EditorQuestion[]) => {
    setQuestions(next);
    save.reset();
  };
  const update = (index: number, next: EditorQuestion) => setQuestions((list) => list.map((q, i) => (i === index ? next : q)));
  // Blocks are renumbered by these too, so the server's errors (by position) no longer apply.
  const restructureBank = (next: { blocks: EditorBlock[]; questions: EditorQuestion[] }) => {
    setBlocks(next.blocks);
    setQuestions(next.questions);
    save.reset();
  };
  const submit = () => {
    setAttempted(true);
    const found = validateTest(testWindow, questions, blocks);
    if (found.length > 0) {
      save.reset();
      setFocusTick((n) => n + 1);
      return;
    }
    save.mutate(buildSetTestBody({ opensAt, closesAt, durationMinutes: Number(duration) }, questions, blocks));
  };
  const totalPoints = questions.reduce((sum, q) => sum + (typeof q.points === 'number' ? q.points : 0), 0);

  return (
    <Stack ref={formRef}>
      <UnsavedChangesGuard isDirty={isDirty} />
      <Paper withBorder p="md">
        <Stack>
          <Text size="sm">{t('admissions.test.attempts', { count: test.attempts })}</Text>
          {isLocked && (
            <Alert color="yellow" role="note">
              {t('admissions.test.editor.locked')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="datetime-local" label={t('admissions.test.opensAt')} value={toLocalInput(opensAt)} onChange={(e) => e.currentTarget.value && setOpensAt(fromLocalInput(e.currentTarget.value))} error={errors.opensAt} />
            <TextInput type="datetime-local" label={t('admissions.test.closesAt')} value={toLocalInput(closesAt)} onChange={(e) => e.currentTarget.value && setClosesAt(fromLocalInput(e.currentTarget.value))} error={errors.closesAt} />
            {blocks.length === 0 ? (
              <NumberInput label={t('admissions.test.duration')} value={duration} onChange={setDuration} min={1} max={600} allowDecimal={false} error={errors.durationMinutes} />
            ) : (
              <Text size="sm" style={{ alignSelf: 'end' }}>
                {t('admissions.test.editor.blocks.durationByBlocks')}
              </Text>
            )}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('admissions.test.editor.moscowTime')}
          </Text>
        </Stack>
      </Paper>

      <TestBlocksEditor
        blocks={blocks}
        questions={questions}
        onChange={(index, next) => setBlocks((list) => list.map((b, i) => (i === index ? next : b)))}
        onMove={(index, delta) => restructureBank({ blocks: moveBlock(blocks, index, delta), questions })}
        onRemove={(index) => restructureBank(removeBlock(blocks, questions, index))}
        onAdd={() => restructureBank(addBlock(blocks, questions))}
        errorFor={(path) => errors[path]}
        isDisabled={isLocked}
      />

      <Group justify="space-between" align="baseline">
        <Title order={2} size="h4">
          {t('admissions.test.questions')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('admissions.test.editor.summary', { count: questions.length, points: totalPoints })}
        </Text>
      </Group>
      {questions.length === 0 && <Text size="sm">{t('admissions.test.editor.empty')}</Text>}
      {errors.questions && (
        <Text size="sm" c="red.9">
          {errors.questions}
        </Text>
      )}
      {questions.map((q, index) => (
        <QuestionEditorCard
          key={q.uid}
          question={q}
          index={index}
          total={questions.length}
          blocks={blocks}
          onChange={(next) => update(index, next)}
          onMove={(delta) => restructure(moveQuestion(questions, index, delta))}
          onDuplicate={() => restructure(duplicateQuestion(questions, index))}
          onDelete={() => restructure(questions.filter((_, i) => i !== index))}
          onPreview={() => setPreviewIndex(index)}
          errorFor={(field) => errors[`questions.${index}.${field}`]}
          isDisabled={isLocked}
        />
      ))}
      <Paper withBorder p="md" component="section" aria-labelledby="add-question-heading">
        <Text id="add-question-heading" fw={600} size="sm" mb="xs">
          {t('admissions.test.editor.addTitle')}
        </Text>
        <Group gap="xs">
          {KINDS.map((kind) => (
            <Button key={kind} variant="light" onClick={() => restructure([...questions, newQuestion(kind, blocks.at(-1)?.uid ?? null)])} disabled={isLocked || questions.length >= MAX_QUESTIONS}>
              {t(`admissions.test.editor.add.${kind}`)}
            </Button>
          ))}
        </Group>
      </Paper>

      {problems.length > 0 && (
        <Alert color="red" variant="light" role="alert">
          {t('admissions.test.editor.fixErrors', { count: problems.length })}
        </Alert>
      )}
      <QuestionBankProblem error={save.error} />
      {save.isSuccess && (
        <Text size="sm" c="green.9" role="status">
          {t('admissions.test.saved2')}
        </Text>
      )}
      <Button onClick={submit} loading={save.isPending} disabled={isLocked} style={{ alignSelf: 'flex-start' }}>
        {t('admissions.test.save')}
      </Button>

      <Accordion variant="contained">
        <Accordion.Item value="json">
          <Accordion.Control>{t('admissions.test.editor.json.title')}</Accordion.Control>
          <Accordion.Panel>
            <QuestionBankJson questions={questions} blocks={blocks} onLoad={restructureBank} fileName={`test-questions-${campaignId}.json`} isDisabled={isLocked} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>

      <QuestionPreview question={previewIndex === null ? null : (questions[previewIndex] ?? null)} number={(previewIndex ?? 0) + 1} onClose={() => setPreviewIndex(null)} />
    </Stack>
  );
}
