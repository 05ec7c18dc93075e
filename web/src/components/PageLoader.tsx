import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner that screen readers announce as "loading". */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
