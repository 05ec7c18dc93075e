import { useState } from 'react';
import { ActionIcon, Button, FileInput, Group, List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS } from '@ms/contracts/admissions';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { removeDocument, uploadDocument, type OwnApplication } from './admissions.api.ts';

/** Documents of a draft: upload (checked by content on the server) and remove. */
export function DocumentsSection({ application, onChange }: { application: OwnApplication; onChange: (next: OwnApplication) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<string>('diploma');
  const upload = useMutation({
    mutationFn: () => uploadDocument(application.id, kind, file!),
    onSuccess: (next) => {
      setFile(null);
      onChange(next);
    },
  });
  const remove = useMutation({ mutationFn: (documentId: string) => removeDocument(application.id, documentId), onSuccess: onChange });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t('admissions.my.documentsTitle')}
        </Title>
        <Text size="sm">{t('admissions.my.documentsHint')}</Text>
        {application.documents.length > 0 && (
          <List size="sm">
            {application.documents.map((d) => (
              <List.Item key={d.id}>
                <Group gap="xs">
                  <span>
                    {t(`admissions.my.kind.${d.kind}`)}: {d.fileName} ({Math.ceil(d.sizeBytes / 1024)} KB)
                  </span>
                  <ActionIcon variant="subtle" color="red" aria-label={t('admissions.my.remove', { name: d.fileName })} onClick={() => remove.mutate(d.id)}>
                    ×
                  </ActionIcon>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <Group align="flex-end">
          <Select label={t('admissions.my.documentKind')} data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`admissions.my.kind.${k}`) }))} value={kind} onChange={(k) => setKind(k ?? 'other')} />
          <FileInput label={t('admissions.my.file')} value={file} onChange={setFile} accept="application/pdf,image/jpeg,image/png" clearable style={{ flex: 1, minWidth: 200 }} />
          <Button onClick={() => upload.mutate()} disabled={!file} loading={upload.isPending}>
            {t('admissions.my.upload')}
          </Button>
        </Group>
        <ProblemAlert error={upload.error ?? remove.error} />
      </Stack>
    </Paper>
  );
}
