import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { fieldErrorOf } from '../programmes/FormActions.tsx';
import { erasePerson, type Person } from './people.api.ts';

const ERASED = ['names', 'contacts', 'profile', 'accounts', 'consents', 'mail'] as const;
const KEPT = ['enrolments', 'audit'] as const;

/** Carries out an erasure request (152-FZ art. 21) after saying plainly what goes and what stays. */
export function ErasureDialog({ person, opened, onClose }: { person: Person; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const erase = useMutation({
    mutationFn: () => erasePerson(person.id, reason.trim()),
    onSuccess: () => {
      for (const key of [['person', person.id], ['roster']]) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const close = () => {
    erase.reset();
    setReason('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    erase.mutate();
  };

  return (
    <AppModal opened={opened} onClose={close} title={t('erasure.title', { name: person.fullName })}>
      {erase.isSuccess ? (
        <Stack align="flex-start">
          <Alert color="green" variant="light" role="status">
            {t('erasure.done', { count: erase.data.enrolmentsKept })}
          </Alert>
          <Button onClick={close}>{t('common.close')}</Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('erasure.intro')}</Text>
            <div>
              <Text size="sm" fw={600}>
                {t('erasure.erasedTitle')}
              </Text>
              <List size="sm">
                {ERASED.map((key) => (
                  <List.Item key={key}>{t(`erasure.erased.${key}`)}</List.Item>
                ))}
              </List>
            </div>
            <div>
              <Text size="sm" fw={600}>
                {t('erasure.keptTitle')}
              </Text>
              <List size="sm">
                {KEPT.map((key) => (
                  <List.Item key={key}>{t(`erasure.kept.${key}`)}</List.Item>
                ))}
              </List>
            </div>
            <Alert color="red" variant="light">
              {t('erasure.irreversible')}
            </Alert>
            <ProblemAlert error={erase.error} labels={{ reason: t('erasure.reason') }} />
            <Textarea
              label={t('erasure.reason')}
              description={t('erasure.reasonHint')}
              required
              minRows={2}
              autosize
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={fieldErrorOf(erase.error)('reason')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={erase.isPending} disabled={reason.trim().length < 3}>
                {t('erasure.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
