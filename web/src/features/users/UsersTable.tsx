import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/auth.ts';
import { useLocalised } from '../../api/names.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { PHONE_QUERY, ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import type { SortDir } from '../../components/SortableTh.tsx';
import { GrantLabel } from './GrantLabel.tsx';
import { deactivateUser, resendInvitation, type UsersSearch, type UserView } from './users.api.ts';

type UserSort = NonNullable<UsersSearch['sort']>;

interface UsersTableProps {
  users: UserView[];
  search: UsersSearch;
  onSort: (sort: UserSort, order: SortDir) => void;
  onEditGrants: (user: UserView) => void;
}

/** One page of accounts with their roles, state and actions (cards on a phone). */
export function UsersTable({ users, search, onSort, onEditGrants }: UsersTableProps) {
  const { t } = useTranslation();
  const l = useLocalised();
  const columns: Array<Column<UserView>> = [
    { key: 'displayName', label: t('users.displayName'), sortField: 'displayName', card: 'title', render: (u) => u.displayName },
    { key: 'email', label: t('fields.email'), sortField: 'email', render: (u) => u.email },
    {
      key: 'roles',
      label: t('users.roles'),
      render: (u) => (
        <Stack gap={2}>
          {u.grants.map((g, i) => (
            <Text size="sm" key={i}>
              <GrantLabel grant={g} />
            </Text>
          ))}
        </Stack>
      ),
    },
    { key: 'state', label: t('users.state'), card: 'badge', render: (u) => <UserState user={u} /> },
    { key: 'createdAt', label: t('users.createdAt'), sortField: 'createdAt', render: (u) => l.date(u.createdAt) },
    { key: 'actions', label: t('common.actions'), card: 'actions', render: (u) => <UserActions user={u} onEditGrants={() => onEditGrants(u)} /> },
  ];
  return (
    <ResponsiveTable
      caption={t('users.caption')}
      rows={users}
      rowKey={(u) => u.id}
      columns={columns}
      sort={{ field: search.sort ?? 'createdAt', dir: search.order ?? 'desc', onSort: (f, dir) => onSort(f as UserSort, dir) }}
    />
  );
}

function UserState({ user }: { user: UserView }) {
  const { t } = useTranslation();
  if (!user.isActive) return <Badge color="gray.8" miw="max-content">{t('users.deactivated')}</Badge>;
  if (!user.hasPassword) return <Badge color="yellow.9" miw="max-content">{t('users.invitedState')}</Badge>;
  return <Badge color="green.9" miw="max-content">{t('users.active')}</Badge>;
}

function UserActions({ user, onEditGrants }: { user: UserView; onEditGrants: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['users'] });
  const resend = useMutation({ mutationFn: () => resendInvitation(user.id) });
  const deactivate = useMutation({ mutationFn: () => deactivateUser(user.id), onSuccess: refresh });
  const { data: me } = useSuspenseQuery(meQuery);
  const isPhone = useMediaQuery(PHONE_QUERY) ?? false;
  if (!user.isActive) return null;
  // Switching yourself off would end this very session: not offered.
  const isSelf = me?.id === user.id;
  return (
    <Stack gap={4}>
      {/* One line in the table; on a phone's card the buttons may wrap. */}
      <Group gap={4} wrap={isPhone ? 'wrap' : 'nowrap'}>
        <Button size={isPhone ? 'xs' : 'compact-xs'} variant="default" onClick={onEditGrants} aria-label={t('users.editGrantsOf', { name: user.displayName })}>
          {t('users.editGrants')}
        </Button>
        {!user.hasPassword && (
          <Button size={isPhone ? 'xs' : 'compact-xs'} variant="default" onClick={() => resend.mutate()} loading={resend.isPending} disabled={resend.isSuccess} aria-label={t('users.resendTo', { email: user.email })}>
            {resend.isSuccess ? t('users.resent') : t('users.resend')}
          </Button>
        )}
        {!isSelf && (
          <Button
            size={isPhone ? 'xs' : 'compact-xs'}
            variant="outline"
            color="red.9"
            loading={deactivate.isPending}
            aria-label={t('users.deactivateWho', { name: user.displayName })}
            onClick={() => {
              if (window.confirm(t('users.confirmDeactivate', { name: user.displayName }))) deactivate.mutate();
            }}
          >
            {t('users.deactivate')}
          </Button>
        )}
      </Group>
      <ProblemAlert error={resend.error ?? deactivate.error} />
    </Stack>
  );
}
