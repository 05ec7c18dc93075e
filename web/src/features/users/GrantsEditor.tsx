import { useState } from 'react';
import { Button, CloseButton, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { GrantFields } from './GrantFields.tsx';
import { GrantLabel } from './GrantLabel.tsx';
import { setGrants, type GrantInput, type UserView } from './users.api.ts';

const NEW_GRANT: GrantInput = { role: 'participant', programmeId: null, streamId: null, regionCode: null };

/** A user's roles: remove one, add one, then save them all at once. */
export function GrantsEditor({ user, onDone }: { user: UserView; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [grants, setLocal] = useState<GrantInput[]>(() => user.grants.map((g) => ({ ...g })));
  const [draft, setDraft] = useState<GrantInput>(NEW_GRANT);
  const save = useMutation({
    mutationFn: () => setGrants(user.id, grants),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onDone();
    },
  });

  return (
    <Stack>
      <ProblemAlert error={save.error} labels={{ role: t('users.role'), programmeId: t('users.programme'), streamId: t('users.stream'), regionCode: t('users.region') }} />
      {grants.length === 0 ? (
        <Text c="dimmed">{t('users.noGrants')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {grants.map((g, i) => (
            <Group key={i} component="li" gap="xs" wrap="nowrap">
              <Text size="sm">
                <GrantLabel grant={g} />
              </Text>
              <CloseButton size="sm" aria-label={t('users.removeGrant')} onClick={() => setLocal((list) => list.filter((_, j) => j !== i))} />
            </Group>
          ))}
        </Stack>
      )}
      <Title order={3} size="h5">
        {t('users.addGrant')}
      </Title>
      <GrantFields value={draft} onChange={setDraft} errorFor={(f) => (isProblem(save.error) ? save.error.fieldError(f) : undefined)} />
      <Group>
        <Button variant="light" onClick={() => setLocal((list) => [...list, draft])} disabled={draft.role === 'coordinator' && !draft.regionCode}>
          {t('users.addGrant')}
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
