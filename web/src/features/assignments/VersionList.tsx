import { Anchor, Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { formatSize } from './assignments-format.ts';
import { fileUrl } from './assignments.api.ts';
import type { SubmissionVersion } from '@ms/contracts/assignments';

/** Every submitted version, newest first: when, by whom, late or not, the text and the files. */
export function VersionList({ versions }: { versions: SubmissionVersion[] }) {
  const { t } = useTranslation();
  const l = useLocalised();
  if (versions.length === 0) return <Text c="dimmed">{t('assignments.noVersions')}</Text>;
  return (
    <Stack gap="xs">
      {[...versions].reverse().map((v) => (
        <Paper key={v.version} withBorder p="sm">
          <Group gap="xs" mb={4}>
            <Text fw={600} size="sm">{t('assignments.version', { version: v.version })}</Text>
            <Text size="sm">{l.dateTime(v.submittedAt)}</Text>
            {v.submittedBy && <Text size="sm" c="dimmed">{v.submittedBy}</Text>}
            {v.isLate && <Badge color="red" variant="light">{t('assignments.late')}</Badge>}
          </Group>
          {v.text && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{v.text}</Text>}
          {v.files.length > 0 && (
            <List size="sm" mt={4}>
              {v.files.map((f) => (
                <List.Item key={f.id}>
                  <Anchor href={fileUrl(f.id)} download={f.fileName}>{f.fileName}</Anchor> ({formatSize(f.sizeBytes, l.language)})
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
