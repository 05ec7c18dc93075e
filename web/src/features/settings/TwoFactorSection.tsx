import { useState, type FormEvent } from 'react';
import { Badge, Button, Code, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { beginTotp, confirmTotp, disableTotp, meQuery } from '../../api/auth.ts';
import { isProblem } from '../../api/client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { OtpQrCode } from './OtpQrCode.tsx';

/** Two-factor sign-in: enrol (secret + otpauth URL, confirm with a code) or turn it off with a code. */
export function TwoFactorSection({ isEnabled }: { isEnabled: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('totp.title')}
          </Title>
          <Badge color={isEnabled ? 'green.9' : 'gray.7'} variant="filled">
            {t(isEnabled ? 'totp.on' : 'totp.off')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('totp.hint')}
        </Text>
        {isEnabled ? <DisableForm /> : <Enrol />}
      </Stack>
    </Paper>
  );
}

function CodeForm({ label, submitLabel, isPending, error, color, onSubmit }: {
  label: string;
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  color?: string;
  onSubmit: (code: string) => void;
}) {
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(code);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" align="flex-start">
        <ProblemAlert error={error} />
        <TextInput
          label={label}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          w={200}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
          error={isProblem(error) ? error.fieldError('code') : undefined}
        />
        <Button type="submit" loading={isPending} color={color}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

function Enrol() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setup = useMutation({ mutationFn: beginTotp });
  const confirm = useMutation({
    mutationFn: confirmTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
  });

  if (!setup.data) {
    return (
      <Stack align="flex-start">
        <ProblemAlert error={setup.error} />
        <Button onClick={() => setup.mutate()} loading={setup.isPending}>
          {t('totp.start')}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <List type="ordered" size="sm" spacing="xs">
        <List.Item>{t('totp.step1')}</List.Item>
        <List.Item>{t('totp.step2')}</List.Item>
        <List.Item>{t('totp.step3')}</List.Item>
      </List>
      <OtpQrCode url={setup.data.otpauthUrl} alt={t('totp.qrAlt')} />
      <Text size="sm" fw={600}>
        {t('totp.secret')}
      </Text>
      <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {setup.data.secret}
      </Code>
      <Text size="sm" fw={600}>
        {t('totp.url')}
      </Text>
      <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {setup.data.otpauthUrl}
      </Code>
      <CodeForm label={t('fields.totpCode')} submitLabel={t('totp.confirm')} isPending={confirm.isPending} error={confirm.error} onSubmit={(code) => confirm.mutate(code)} />
    </Stack>
  );
}

function DisableForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const disable = useMutation({
    mutationFn: disableTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
  });
  return <CodeForm label={t('fields.totpCode')} submitLabel={t('totp.disable')} color="red.9" isPending={disable.isPending} error={disable.error} onSubmit={(code) => disable.mutate(code)} />;
}
