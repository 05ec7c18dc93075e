import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { completePasswordReset, rememberSession, requestPasswordReset } from '../../api/auth.ts';
import { isProblem } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { homeFor } from '../layout/nav-items.ts';
import { NewPasswordForm } from './NewPasswordForm.tsx';

const route = getRouteApi('/public/reset-password');

/** Without a token: ask for a reset link. With ?token=: set the new password. */
export function ResetPasswordPage() {
  const { token } = route.useSearch();
  return token ? <CompleteReset token={token} /> : <RequestReset />;
}

function RequestReset() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const mutation = useMutation({ mutationFn: requestPasswordReset });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(email.trim());
  };
  return (
    <Stack>
      <PageTitle>{t('reset.requestTitle')}</PageTitle>
      {mutation.isSuccess ? (
        <Alert color="green" variant="light" role="status">
          {t('reset.sent')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('reset.requestHint')}</Text>
            <ProblemAlert error={mutation.error} />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={isProblem(mutation.error) ? mutation.error.fieldError('email') : undefined}
            />
            <Button type="submit" loading={mutation.isPending}>
              {t('reset.send')}
            </Button>
          </Stack>
        </form>
      )}
      <AnchorLink to="/sign-in" size="sm">
        {t('common.toSignIn')}
      </AnchorLink>
    </Stack>
  );
}

function CompleteReset({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (password: string) => completePasswordReset(token, password),
    onSuccess: (me) => {
      rememberSession(queryClient, me);
      void i18n.changeLanguage(me.locale);
      void navigate({ to: homeFor(me.roles) });
    },
  });
  return (
    <Stack>
      <PageTitle>{t('reset.completeTitle')}</PageTitle>
      <Text size="sm">{t('reset.completeHint')}</Text>
      <NewPasswordForm submitLabel={t('reset.save')} isPending={mutation.isPending} error={mutation.error} onSubmit={(p) => mutation.mutate(p)} />
      <AnchorLink to="/reset-password" size="sm">
        {t('reset.again')}
      </AnchorLink>
    </Stack>
  );
}
