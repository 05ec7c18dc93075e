import { useState, type FormEvent } from 'react';
import { Alert, Button, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { fieldErrorOf } from '../programmes/FormActions.tsx';
import { currentConsentDocumentQuery, publishConsentDocument } from './privacy.api.ts';

/** Admin: publish a new version of the consent text; a published version can never be changed. */
export function PublishConsentSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState('');
  const [textRu, setTextRu] = useState('');
  const [textEn, setTextEn] = useState('');
  const publish = useMutation({
    mutationFn: () => publishConsentDocument({ version: version.trim(), textRu, textEn }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: currentConsentDocumentQuery.queryKey });
      setVersion('');
      setTextRu('');
      setTextEn('');
    },
  });
  const fieldError = fieldErrorOf(publish.error);
  const labels = { version: t('consentAdmin.version'), textRu: t('consentAdmin.textRu'), textEn: t('consentAdmin.textEn') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    publish.mutate();
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('consentAdmin.title')}
          </Title>
          <Text size="sm">{t('consentAdmin.hint')}</Text>
          {publish.isSuccess && (
            <Alert color="green" variant="light" role="status">
              {t('consentAdmin.published', { version: publish.data.version })}
            </Alert>
          )}
          <ProblemAlert error={publish.error} labels={labels} />
          <TextInput label={labels.version} description={t('consentAdmin.versionHint')} required w={{ base: '100%', xs: 240 }} value={version} onChange={(e) => setVersion(e.currentTarget.value)} error={fieldError('version')} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Textarea label={labels.textRu} lang="ru" required autosize minRows={6} maxRows={16} value={textRu} onChange={(e) => setTextRu(e.currentTarget.value)} error={fieldError('textRu')} />
            <Textarea label={labels.textEn} lang="en" required autosize minRows={6} maxRows={16} value={textEn} onChange={(e) => setTextEn(e.currentTarget.value)} error={fieldError('textEn')} />
          </SimpleGrid>
          <div>
            <Button type="submit" loading={publish.isPending}>
              {t('consentAdmin.publish')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
