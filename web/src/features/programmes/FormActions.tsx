import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/client.ts';

/** Cancel and save under a form; the save button submits the form. */
export function FormActions({ isPending, onCancel }: { isPending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={isPending}>
        {t('common.save')}
      </Button>
    </Group>
  );
}

/** The server's message for one field of a failed save (matched on the path's last segment). */
export function fieldErrorOf(error: unknown): (field: string) => string | undefined {
  return (field) => (isProblem(error) ? error.fieldError(field) : undefined);
}
