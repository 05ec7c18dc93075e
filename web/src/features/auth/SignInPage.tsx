import { useState, type FormEvent } from 'react';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { rememberSession, signIn, type SignInInput } from '../../api/auth.ts';
import { isProblem } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { homeFor } from '../layout/nav-items.ts';

const route = getRouteApi('/public/sign-in');

/** E-mail and password; when the account has two-factor on, a second step asks for the code. */
export function SignInPage() {
  const { t, i18n } = useTranslation();
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [isCodeStep, setCodeStep] = useState(false);

  const mutation = useMutation({
    mutationFn: (input: SignInInput) => signIn(input),
    onSuccess: (me) => {
      rememberSession(queryClient, me);
      void i18n.changeLanguage(me.locale);
      if (redirect) void navigate({ href: redirect });
      else void navigate({ to: homeFor(me.roles) });
    },
    onError: (error) => {
      if (isProblem(error, 'totp_required')) setCodeStep(true);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ email: email.trim(), password, totpCode: isCodeStep ? totpCode.trim() : undefined });
  };
  // The server's "enter your code" answer is the cue for step two, not an error to show in red.
  const error = isProblem(mutation.error, 'totp_required') ? null : mutation.error;
  const fieldError = (field: string) => (isProblem(error) ? error.fieldError(field) : undefined);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageTitle>{t('signIn.title')}</PageTitle>
        <ProblemAlert error={error} labels={{ email: t('fields.email'), password: t('fields.password'), totpCode: t('fields.totpCode') }} />
        {!isCodeStep ? (
          <>
            <TextInput label={t('fields.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError('email')} />
            <PasswordInput label={t('fields.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldError('password')} />
          </>
        ) : (
          <>
            <Text size="sm">{t('signIn.codeHint')}</Text>
            <TextInput
              label={t('fields.totpCode')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              data-autofocus
              autoFocus
              value={totpCode}
              onChange={(e) => setTotpCode(e.currentTarget.value.replace(/\D/g, ''))}
              error={fieldError('totpCode')}
            />
          </>
        )}
        <Button type="submit" loading={mutation.isPending}>
          {t(isCodeStep ? 'signIn.confirmCode' : 'signIn.submit')}
        </Button>
        {isCodeStep ? (
          <Anchor component="button" type="button" size="sm" onClick={() => { setCodeStep(false); setTotpCode(''); mutation.reset(); }}>
            {t('signIn.back')}
          </Anchor>
        ) : (
          <AnchorLink to="/reset-password" size="sm">
            {t('signIn.forgot')}
          </AnchorLink>
        )}
      </Stack>
    </form>
  );
}
