import { useState, type FormEvent } from 'react';
import { Button, FileInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { ImportCheck } from './imports.api.ts';

/** Step 1: pick a CSV or XLSX file and send it for the dry run. */
export function UploadStep({ upload: send, hint, onChecked }: { upload: (file: File) => Promise<ImportCheck>; hint?: string; onChecked: (check: ImportCheck) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({ mutationFn: send, onSuccess: onChecked });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file);
  };
  return (
    <form onSubmit={submit}>
      <Stack align="flex-start" maw={520}>
        <Text size="sm">{hint ?? t('imports.uploadHint')}</Text>
        <ProblemAlert error={upload.error} />
        <FileInput
          label={t('imports.file')}
          placeholder={t('imports.choose')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          clearable
          w="100%"
          required
        />
        <Button type="submit" disabled={!file} loading={upload.isPending}>
          {t('imports.check')}
        </Button>
      </Stack>
    </form>
  );
}
