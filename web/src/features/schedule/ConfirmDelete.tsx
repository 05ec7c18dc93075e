import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

interface ConfirmDeleteProps {
  /** The button's text ("Delete session") and the question asked before deleting. */
  label: string;
  question: string;
  /** The delete request; `onDeleted` runs once it succeeded. */
  remove: () => Promise<unknown>;
  onDeleted: () => void;
}

/** A quiet delete button that asks once before acting, and shows why the server refused (e.g. still in use). */
export function ConfirmDelete({ label, question, remove, onDeleted }: ConfirmDeleteProps) {
  const { t } = useTranslation();
  const [isConfirming, setIsConfirming] = useState(false);
  const deletion = useMutation({ mutationFn: remove, onSuccess: onDeleted });
  return (
    <Stack gap="xs">
      <ProblemAlert error={deletion.error} />
      {isConfirming ? (
        <Group gap="sm">
          <Text size="sm">{question}</Text>
          <Button color="red.9" size="xs" onClick={() => deletion.mutate()} loading={deletion.isPending}>
            {t('scheduleForm.deleteYes')}
          </Button>
          <Button variant="default" size="xs" onClick={() => setIsConfirming(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      ) : (
        <Button variant="subtle" color="red" w="fit-content" onClick={() => setIsConfirming(true)}>
          {label}
        </Button>
      )}
    </Stack>
  );
}
