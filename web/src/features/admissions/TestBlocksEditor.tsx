import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TEST_BLOCK_LIMITS } from '@ms/contracts/admissions';
import type { EditorBlock, EditorQuestion } from './test-editor.ts';

interface TestBlocksEditorProps {
  blocks: readonly EditorBlock[];
  questions: readonly EditorQuestion[];
  onChange: (index: number, next: EditorBlock) => void;
  onMove: (index: number, delta: -1 | 1) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
  /** The message for a field by its path (blocks.1.titleRu, blocks.1 for the block as a whole). */
  errorFor: (path: string) => string | undefined;
  isDisabled?: boolean;
}

/** The test's blocks: titles, time limits and order. Without blocks the test has one time limit. */
export function TestBlocksEditor({ blocks, questions, onChange, onMove, onRemove, onAdd, errorFor, isDisabled = false }: TestBlocksEditorProps) {
  const { t } = useTranslation();
  const total = blocks.reduce((sum, b) => sum + (typeof b.timeLimitMinutes === 'number' ? b.timeLimitMinutes : 0), 0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="test-blocks-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4" id="test-blocks-heading">
            {t('admissions.test.editor.blocks.title')}
          </Title>
          {blocks.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('admissions.test.editor.blocks.total', { minutes: total })}
            </Text>
          )}
        </Group>
        <Text size="sm">{t('admissions.test.editor.blocks.hint')}</Text>
        {blocks.map((block, index) => {
          const n = index + 1;
          const headingId = `${block.uid}-heading`;
          const count = questions.filter((q) => q.blockUid === block.uid).length;
          const blockError = errorFor(`blocks.${index}`);
          return (
            <Paper key={block.uid} withBorder p="sm" component="section" aria-labelledby={headingId} bg="gray.0">
              <Stack gap="xs">
                <Group justify="space-between" gap="xs">
                  <Group gap="xs" align="baseline">
                    <Title order={3} size="h5" id={headingId}>
                      {t('admissions.test.editor.blocks.block', { n })}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {t('admissions.test.editor.blocks.questions', { count })}
                    </Text>
                  </Group>
                  <Group gap={4}>
                    <Button size="compact-sm" variant="subtle" onClick={() => onMove(index, -1)} disabled={isDisabled || index === 0} aria-label={t('admissions.test.editor.blocks.moveUp', { n })}>
                      {t('admissions.test.editor.moveUp')}
                    </Button>
                    <Button size="compact-sm" variant="subtle" onClick={() => onMove(index, 1)} disabled={isDisabled || index === blocks.length - 1} aria-label={t('admissions.test.editor.blocks.moveDown', { n })}>
                      {t('admissions.test.editor.moveDown')}
                    </Button>
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => onRemove(index)} disabled={isDisabled} aria-label={t('admissions.test.editor.blocks.remove', { n })}>
                      {t('admissions.test.editor.delete')}
                    </Button>
                  </Group>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <TextInput label={t('admissions.test.editor.blocks.titleRu')} lang="ru" value={block.titleRu} maxLength={200} onChange={(e) => onChange(index, { ...block, titleRu: e.currentTarget.value })} error={errorFor(`blocks.${index}.titleRu`)} disabled={isDisabled} />
                  <TextInput label={t('admissions.test.editor.blocks.titleEn')} lang="en" value={block.titleEn} maxLength={200} onChange={(e) => onChange(index, { ...block, titleEn: e.currentTarget.value })} error={errorFor(`blocks.${index}.titleEn`)} disabled={isDisabled} />
                  <NumberInput
                    label={t('admissions.test.editor.blocks.limit')}
                    value={block.timeLimitMinutes}
                    min={TEST_BLOCK_LIMITS.minMinutes}
                    max={TEST_BLOCK_LIMITS.maxMinutes}
                    allowDecimal={false}
                    onChange={(v) => onChange(index, { ...block, timeLimitMinutes: v })}
                    error={errorFor(`blocks.${index}.timeLimitMinutes`)}
                    disabled={isDisabled}
                  />
                </SimpleGrid>
                {blockError && (
                  <Text size="sm" c="red.9" role="alert">
                    {blockError}
                  </Text>
                )}
              </Stack>
            </Paper>
          );
        })}
        <Button variant="light" onClick={onAdd} disabled={isDisabled || blocks.length >= TEST_BLOCK_LIMITS.maxBlocks} style={{ alignSelf: 'flex-start' }}>
          {t('admissions.test.editor.blocks.add')}
        </Button>
      </Stack>
    </Paper>
  );
}
