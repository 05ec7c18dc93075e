import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/auth.ts';
import { useLocalised } from '../../api/names.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { SortableTh, type SortDir } from '../../components/SortableTh.tsx';
import { GrantLabel } from './GrantLabel.tsx';
import { deactivateUser, resendInvitation, type UsersSearch, type UserView } from './users.api.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

type UserSort = NonNullable<UsersSearch['sort']>;

interface UsersTableProps {
  users: UserView[];
  search: UsersSearch;
  onSort: (sort: UserSort, order: SortDir) => void;
  onEditGrants: (user: UserView) => void;
}

/** One page of accounts with their roles, state and actions. */
export function UsersTable({ users, search, onSort, onEditGrants }: UsersTableProps) {
  const { t } = useTranslation();
  const l = useLocalised();
  const th = (field: UserSort, label: string) => (
    <SortableTh field={field} label={label} sort={search.sort ?? 'createdAt'} dir={search.order ?? 'desc'} onSort={(f, dir) => onSort(f as UserSort, dir)} />
  );
  return (
    <TableScroll label={t('users.caption')}>
      <Table striped highlightOnHover>
        <Table.Caption className="visually-hidden">{t('users.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {th('displayName', t('users.displayName'))}
            {th('email', t('fields.email'))}
            <Table.Th>{t('users.roles')}</Table.Th>
            <Table.Th>{t('users.state')}</Table.Th>
            {th('createdAt', t('users.createdAt'))}
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>{u.email}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {u.grants.map((g, i) => (
                    <Text size="sm" key={i}>
                      <GrantLabel grant={g} />
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                <UserState user={u} />
              </Table.Td>
              <Table.Td>{l.date(u.createdAt)}</Table.Td>
              <Table.Td>
                <UserActions user={u} onEditGrants={() => onEditGrants(u)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
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
  if (!user.isActive) return null;
  // Switching yourself off would end this very session: not offered.
  const isSelf = me?.id === user.id;
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap">
        <Button size="compact-xs" variant="default" onClick={onEditGrants} aria-label={t('users.editGrantsOf', { name: user.displayName })}>
          {t('users.editGrants')}
        </Button>
        {!user.hasPassword && (
          <Button size="compact-xs" variant="default" onClick={() => resend.mutate()} loading={resend.isPending} disabled={resend.isSuccess} aria-label={t('users.resendTo', { email: user.email })}>
            {resend.isSuccess ? t('users.resent') : t('users.resend')}
          </Button>
        )}
        {!isSelf && (
          <Button
            size="compact-xs"
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
