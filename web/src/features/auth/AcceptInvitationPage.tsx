import { Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { acceptInvitation, describeInvitation, rememberSession } from '../../api/auth.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { homeFor } from '../layout/nav-items.ts';
import { NewPasswordForm } from './NewPasswordForm.tsx';

const route = getRouteApi('/public/accept-invitation');

/** An invitation link: shows whom it is for, sets the password and signs in. */
export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const { token } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const info = useQuery({ queryKey: ['invitation', token], queryFn: () => describeInvitation(token!), enabled: Boolean(token) });
  const accept = useMutation({
    mutationFn: (password: string) => acceptInvitation(token!, password),
    onSuccess: (me) => {
      rememberSession(queryClient, me);
      void i18n.changeLanguage(me.locale);
      void navigate({ to: homeFor(me.roles) });
    },
  });

  return (
    <Stack>
      <PageTitle>{t('invitation.title')}</PageTitle>
      {!token ? (
        <ProblemAlert error={true} title={t('invitation.missingToken')} />
      ) : (
        <QueryState query={info}>
          {(person) => (
            <Stack>
              <Text>{t('invitation.greeting', { name: person.displayName, email: person.email })}</Text>
              <NewPasswordForm submitLabel={t('invitation.submit')} isPending={accept.isPending} error={accept.error} onSubmit={(p) => accept.mutate(p)} />
            </Stack>
          )}
        </QueryState>
      )}
      <AnchorLink to="/sign-in" size="sm">
        {t('common.toSignIn')}
      </AnchorLink>
    </Stack>
  );
}
