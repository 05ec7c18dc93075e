import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { applicationDocumentsZipUrl, applicationDocumentUrl, type StaffApplicationFile } from './application-file.api.ts';
import { FileSection } from './ApplicationFacts.tsx';

const TYPE_LABELS: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/** The application's documents, each a download link, and all of them as one ZIP. */
export function DocumentsSection({ file }: { file: StaffApplicationFile }) {
  const { t } = useTranslation();
  const { dateTime, number } = useLocalised();
  return (
    <FileSection id="file-documents" title={t('applicationFile.section.documents')}>
      {file.documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('applicationFile.documents.none')}
        </Text>
      ) : (
        <>
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('applicationFile.section.documents')}>
            {file.documents.map((d) => (
              <li key={d.id}>
                <Anchor href={applicationDocumentUrl(file.campaignId, file.id, d.id)} download={d.fileName} fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {d.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[t(`admissions.my.kind.${d.kind}`), TYPE_LABELS[d.mediaType] ?? d.mediaType, t('applicationFile.documents.size', { size: number(Math.max(1, Math.ceil(d.sizeBytes / 1024))) }), dateTime(d.createdAt)].join(' · ')}
                </Text>
              </li>
            ))}
          </Stack>
          <Group>
            <Button component="a" href={applicationDocumentsZipUrl(file.campaignId, file.id)} download variant="default" size="xs">
              {t('applicationFile.documents.zip')}
            </Button>
          </Group>
        </>
      )}
    </FileSection>
  );
}
