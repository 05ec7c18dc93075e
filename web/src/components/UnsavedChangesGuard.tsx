import { Button, Group, Text } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AppModal } from './AppModal.tsx';

/**
 * Asks before leaving a form with unsaved changes: inside the app (a link, Back) with our own dialog, and
 * on closing or reloading the tab with the browser's own question (browsers show only their own text there).
 */
export function UnsavedChangesGuard({ isDirty }: { isDirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker({ shouldBlockFn: () => isDirty, enableBeforeUnload: () => isDirty, withResolver: true });
  if (blocker.status !== 'blocked') return null;
  return (
    <AppModal opened onClose={blocker.reset} title={t('common.unsaved.title')} size="md">
      <Text size="sm" mb="md">
        {t('common.unsaved.text')}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={blocker.reset} data-autofocus>
          {t('common.unsaved.stay')}
        </Button>
        <Button color="red" onClick={blocker.proceed}>
          {t('common.unsaved.leave')}
        </Button>
      </Group>
    </AppModal>
  );
}
