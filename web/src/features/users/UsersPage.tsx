import { useState } from 'react';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { GrantsEditor } from './GrantsEditor.tsx';
import { InviteForm } from './InviteForm.tsx';
import { ROLES, usersQuery, type Role, type UserView } from './users.api.ts';
import { UsersTable } from './UsersTable.tsx';

const route = getRouteApi('/app/users');

/** Accounts and invitations: find, invite, change roles, resend an invitation, deactivate. */
export function UsersPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const users = useQuery(usersQuery(search));
  const [isInviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);
  const update = (patch: Partial<typeof search>) => void navigate({ search: (s) => ({ ...s, page: 1, ...patch }), replace: true });

  return (
    <Stack>
      <PageTitle actions={<Button onClick={() => setInviting(true)}>{t('users.invite')}</Button>}>{t('users.title')}</PageTitle>
      <Group align="flex-end" wrap="wrap">
        <SearchInput label={t('users.search')} value={search.q} onSearch={(q) => update({ q })} />
        <Select
          label={t('users.role')}
          placeholder={t('common.all')}
          clearable
          w={200}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={search.role ?? null}
          onChange={(role) => update({ role: (role as Role | null) ?? undefined })}
        />
      </Group>
      <QueryState query={users}>
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed">{t('users.empty')}</Text>
          ) : (
            <div>
              <UsersTable users={page.items} search={search} onSort={(sort, order) => update({ sort, order })} onEditGrants={setEditing} />
              <TablePager page={page.page} pageSize={page.pageSize} total={page.total} onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p }) })} />
            </div>
          )
        }
      </QueryState>
      <AppModal opened={isInviting} onClose={() => setInviting(false)} title={t('users.invite')}>
        {isInviting && <InviteForm onDone={() => setInviting(false)} />}
      </AppModal>
      <AppModal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? t('users.grantsOf', { name: editing.displayName }) : ''}>
        {editing && <GrantsEditor user={editing} onDone={() => setEditing(null)} />}
      </AppModal>
    </Stack>
  );
}
