import { useState } from 'react';
import { Button, Stack, Table, Text } from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/auth.ts';
import { useLocalised } from '../../api/names.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { organisationsQuery, type Organisation } from './manage.api.ts';
import { OrganisationForm } from './OrganisationForm.tsx';

/** Organisations the user holds a grant in; admins create them, their staff rename them. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const l = useLocalised();
  const { data: me } = useSuspenseQuery(meQuery);
  const organisations = useQuery(organisationsQuery);
  // null: dialog closed; 'new': creating; an organisation: editing it.
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const isAdmin = me?.roles.includes('admin') ?? false;

  return (
    <Stack>
      <PageTitle actions={isAdmin && <Button onClick={() => setEditing('new')}>{t('manage.newOrganisation')}</Button>}>{t('manage.organisations')}</PageTitle>
      <QueryState query={organisations}>
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed">{t('manage.noOrganisations')}</Text>
          ) : (
            <TableScroll label={t('manage.organisations')}>
              <Table striped>
                <Table.Caption className="visually-hidden">{t('manage.organisations')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('manage.name')}</Table.Th>
                    <Table.Th>{t('manage.slug')}</Table.Th>
                    <Table.Th>{t('manage.kind')}</Table.Th>
                    <Table.Th>
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td fw={600}>{l.name(o)}</Table.Td>
                      <Table.Td>{o.slug}</Table.Td>
                      <Table.Td>{o.kind === 'partner' ? t('manage.kinds.partner') : t('manage.kinds.operator')}</Table.Td>
                      <Table.Td>
                        {o.canManage && (
                          <Button size="compact-sm" variant="subtle" onClick={() => setEditing(o)} aria-label={t('manage.editNamed', { name: l.name(o) })}>
                            {t('manage.edit')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )
        }
      </QueryState>
      <AppModal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('manage.newOrganisation') : t('manage.editOrganisation')}>
        {editing && <OrganisationForm organisation={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      </AppModal>
    </Stack>
  );
}
