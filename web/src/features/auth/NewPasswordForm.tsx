import { useState, type FormEvent } from 'react';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

const MIN_LENGTH = 10;

interface NewPasswordFormProps {
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (password: string) => void;
}

/** A new password typed twice; the length rule is checked here too so mistakes show before sending. */
export function NewPasswordForm({ submitLabel, isPending, error, onSubmit }: NewPasswordFormProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [localError, setLocalError] = useState<{ field: 'password' | 'repeat'; message: string } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_LENGTH) return setLocalError({ field: 'password', message: t('password.tooShort', { min: MIN_LENGTH }) });
    if (password !== repeat) return setLocalError({ field: 'repeat', message: t('password.mismatch') });
    setLocalError(null);
    onSubmit(password);
  };
  const serverFieldError = isProblem(error) ? error.fieldError('password') : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={error} />
        <PasswordInput
          label={t('password.new')}
          description={t('password.rule', { min: MIN_LENGTH })}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={localError?.field === 'password' ? localError.message : serverFieldError}
        />
        <PasswordInput
          label={t('password.repeat')}
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={localError?.field === 'repeat' ? localError.message : undefined}
        />
        <Button type="submit" loading={isPending}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
