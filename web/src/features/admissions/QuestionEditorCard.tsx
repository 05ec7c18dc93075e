import { useState } from 'react';
import { Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QuestionOptionsEditor } from './QuestionOptionsEditor.tsx';
import { changeKind, type EditorBlock, type EditorQuestion, type QuestionKind } from './test-editor.ts';

const KINDS: QuestionKind[] = ['single', 'multiple', 'numeric'];

interface QuestionEditorCardProps {
  question: EditorQuestion;
  index: number;
  total: number;
  /** The test's blocks; the card asks for the question's block when there are any. */
  blocks?: readonly EditorBlock[];
  onChange: (next: EditorQuestion) => void;
  onMove: (delta: -1 | 1) => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onPreview: () => void;
  /** The message for a field of this question by its path below questions.N (textRu, options.0.textEn…). */
  errorFor: (field: string) => string | undefined;
  isDisabled?: boolean;
}

/** One question of the bank as an editable card: kind, texts, points, options or the numeric answer. */
export function QuestionEditorCard({ question: q, index, total, blocks = [], onChange, onMove, onDuplicate, onDelete, onPreview, errorFor, isDisabled = false }: QuestionEditorCardProps) {
  const { t } = useTranslation();
  const [isConfirming, setConfirming] = useState(false);
  const n = index + 1;
  const headingId = `${q.uid}-heading`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id={headingId}>
            {t('admissions.test.question', { n })}
          </Title>
          <Group gap={4}>
            <Button size="compact-sm" variant="subtle" onClick={() => onMove(-1)} disabled={index === 0}>
              {t('admissions.test.editor.moveUp')}
            </Button>
            <Button size="compact-sm" variant="subtle" onClick={() => onMove(1)} disabled={index === total - 1}>
              {t('admissions.test.editor.moveDown')}
            </Button>
            <Button size="compact-sm" variant="subtle" onClick={onDuplicate} disabled={isDisabled}>
              {t('admissions.test.editor.duplicate')}
            </Button>
            <Button size="compact-sm" variant="subtle" onClick={onPreview}>
              {t('admissions.test.editor.preview')}
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => setConfirming(true)} disabled={isDisabled}>
              {t('admissions.test.editor.delete')}
            </Button>
          </Group>
        </Group>
        {isConfirming && (
          <Group gap="xs" role="group" aria-label={t('admissions.test.editor.confirmDelete', { n })}>
            <Text size="sm">{t('admissions.test.editor.confirmDelete', { n })}</Text>
            <Button size="compact-sm" color="red.9" onClick={onDelete}>
              {t('admissions.test.editor.confirmYes')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={() => setConfirming(false)}>
              {t('admissions.test.editor.cancel')}
            </Button>
          </Group>
        )}
        <SimpleGrid cols={{ base: 1, sm: blocks.length > 0 ? 3 : 2 }} spacing="sm">
          {blocks.length > 0 && (
            <NativeSelect
              label={t('admissions.test.editor.blocks.select')}
              value={q.blockUid ?? ''}
              data={[
                ...(blocks.some((b) => b.uid === q.blockUid) ? [] : [{ value: '', label: t('admissions.test.editor.blocks.none') }]),
                ...blocks.map((b, i) => ({ value: b.uid, label: `${i + 1}. ${b.titleRu.trim() || t('admissions.test.editor.blocks.block', { n: i + 1 })}` })),
              ]}
              onChange={(e) => onChange({ ...q, blockUid: e.currentTarget.value || null })}
              error={errorFor('block')}
              disabled={isDisabled}
            />
          )}
          <NativeSelect
            label={t('admissions.test.editor.kind')}
            value={q.kind}
            data={KINDS.map((kind) => ({ value: kind, label: t(`admissions.test.editor.kinds.${kind}`) }))}
            onChange={(e) => onChange(changeKind(q, e.currentTarget.value as QuestionKind))}
          />
          <NumberInput label={t('admissions.test.editor.points')} value={q.points} min={1} max={100} allowDecimal={false} onChange={(v) => onChange({ ...q, points: v })} error={errorFor('points')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Textarea label={t('admissions.test.editor.textRu')} value={q.textRu} lang="ru" autosize minRows={2} maxLength={2000} onChange={(e) => onChange({ ...q, textRu: e.currentTarget.value })} error={errorFor('textRu')} />
          <Textarea label={t('admissions.test.editor.textEn')} value={q.textEn} autosize minRows={2} maxLength={2000} lang="en" onChange={(e) => onChange({ ...q, textEn: e.currentTarget.value })} error={errorFor('textEn')} />
        </SimpleGrid>
        {q.kind === 'numeric' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput label={t('admissions.test.editor.value')} value={q.value} onChange={(v) => onChange({ ...q, value: v })} error={errorFor('value')} />
            <NumberInput
              label={t('admissions.test.editor.tolerance')}
              description={t('admissions.test.editor.toleranceHint')}
              value={q.tolerance}
              min={0}
              onChange={(v) => onChange({ ...q, tolerance: v })}
              error={errorFor('tolerance')}
            />
          </SimpleGrid>
        ) : (
          <QuestionOptionsEditor question={q} groupName={q.uid} onChange={onChange} errorFor={errorFor} />
        )}
      </Stack>
    </Paper>
  );
}
