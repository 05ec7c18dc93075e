import { useState } from 'react';
import { Button, FileInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { verifyCredential } from './diplomas.api.ts';
import { VerificationView } from './VerificationView.tsx';

/** Anyone checks a credential JSON they were given (a file or pasted text), offline on the server. */
export function VerifyUploadPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const verify = useMutation({ mutationFn: verifyCredential });

  const submit = () => {
    setParseError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setParseError(t('diplomas.malformed'));
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      setParseError(t('diplomas.malformed'));
      return;
    }
    verify.mutate(parsed as Record<string, unknown>);
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('diplomas.verifyFileTitle')}
      </Title>
      <Text size="sm">{t('diplomas.verifyFileHint')}</Text>
      <FileInput label={t('diplomas.file')} accept="application/json,application/ld+json,.json" clearable onChange={(file) => void file?.text().then(setText)} />
      <Textarea label={t('diplomas.paste')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={4} maxRows={12} error={parseError} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} />
      <Button onClick={submit} loading={verify.isPending} disabled={!text.trim()}>
        {t('diplomas.verifyButton')}
      </Button>
      <ProblemAlert error={verify.error} />
      {verify.data && <VerificationView result={verify.data} />}
    </Stack>
  );
}
