import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { fetchMe, meQuery } from '../../api/auth.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { NewPasswordForm } from '../auth/NewPasswordForm.tsx';
import { confirmEmail, describeConfirmation } from './admissions.api.ts';

const route = getRouteApi('/public/apply/confirm');

/** The link from the confirmation letter: sets the password (new account) and opens the draft. */
export function ConfirmApplicationPage() {
  const { t } = useTranslation();
  const { token } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const info = useQuery({ queryKey: ['admission-confirmation', token], queryFn: () => describeConfirmation(token!), enabled: Boolean(token), retry: false });
  const confirm = useMutation({
    mutationFn: (password?: string) => confirmEmail(token!, password),
    onSuccess: async (result) => {
      if (!result.isSignedIn) return;
      queryClient.setQueryData(meQuery.queryKey, await fetchMe());
      void navigate({ to: '/my-applications/$applicationId', params: { applicationId: result.applicationId } });
    },
  });

  return (
    <Stack>
      <PageTitle>{t('admissions.confirm.title')}</PageTitle>
      {!token ? (
        <ProblemAlert error={true} title={t('admissions.confirm.missingToken')} />
      ) : confirm.data && !confirm.data.isSignedIn ? (
        <Alert color="green" role="status">
          {t('admissions.confirm.done')}
        </Alert>
      ) : (
        <QueryState query={info}>
          {(i) =>
            i.hasAccount ? (
              <Stack>
                <Text>{t('admissions.confirm.existingAccount', { email: i.email })}</Text>
                <ProblemAlert error={confirm.error} />
                <Button onClick={() => confirm.mutate(undefined)} loading={confirm.isPending}>
                  {t('admissions.confirm.submitExisting')}
                </Button>
              </Stack>
            ) : (
              <Stack>
                <Text>{t('admissions.confirm.newAccount', { email: i.email })}</Text>
                <NewPasswordForm submitLabel={t('admissions.confirm.submit')} isPending={confirm.isPending} error={confirm.error} onSubmit={(p) => confirm.mutate(p)} />
              </Stack>
            )
          }
        </QueryState>
      )}
      <AnchorLink to="/sign-in" size="sm">
        {t('common.toSignIn')}
      </AnchorLink>
    </Stack>
  );
}
