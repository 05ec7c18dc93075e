import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from './PageTitle.tsx';
import { AnchorLink } from './RouterLinks.tsx';

/** Shown for an address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack component="main" id="main" p="md">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Text>{t('notFound.text')}</Text>
      <AnchorLink to="/">{t('notFound.home')}</AnchorLink>
    </Stack>
  );
}
