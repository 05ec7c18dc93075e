import { useState, type FormEvent } from 'react';
import { Alert, Button, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { GrantFields } from './GrantFields.tsx';
import { createUser, type GrantInput } from './users.api.ts';

const EMPTY_GRANT: GrantInput = { role: 'staff', programmeId: null, streamId: null, regionCode: null };

/** Create an account with one role and (by default) mail the invitation link. */
export function InviteForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [locale, setLocale] = useState<'ru' | 'en'>('ru');
  const [grant, setGrant] = useState<GrantInput>(EMPTY_GRANT);
  const [sendInvitation, setSend] = useState(true);
  const create = useMutation({
    mutationFn: () => createUser({ email: email.trim(), displayName: displayName.trim(), locale, grants: [grant], sendInvitation }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
  const fieldError = (field: string) => (isProblem(create.error) ? create.error.fieldError(field) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  if (create.isSuccess) {
    return (
      <Stack align="flex-start">
        <Alert color="green" variant="light" role="status">
          {t(sendInvitation ? 'users.invited' : 'users.created', { email: create.data.email })}
        </Alert>
        <Button onClick={onDone}>{t('common.close')}</Button>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert
          error={create.error}
          labels={{ email: t('fields.email'), displayName: t('users.displayName'), role: t('users.role'), programmeId: t('users.programme'), streamId: t('users.stream'), regionCode: t('users.region') }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('fields.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError('email')} />
          <TextInput label={t('users.displayName')} required value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={fieldError('displayName')} />
          <Select
            label={t('users.locale')}
            allowDeselect={false}
            data={[
              { value: 'ru', label: 'Русский' },
              { value: 'en', label: 'English' },
            ]}
            value={locale}
            onChange={(v) => setLocale(v === 'en' ? 'en' : 'ru')}
          />
        </SimpleGrid>
        <GrantFields value={grant} onChange={setGrant} errorFor={fieldError} />
        <Switch checked={sendInvitation} onChange={(e) => setSend(e.currentTarget.checked)} label={t('users.sendInvitation')} />
        <div>
          <Button type="submit" loading={create.isPending}>
            {t('users.create')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
