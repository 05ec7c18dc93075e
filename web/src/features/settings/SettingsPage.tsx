import { Paper, Stack, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/auth.ts';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';

/** The user's own settings: interface language and two-factor sign-in. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery);
  if (!me) return null;
  return (
    <Stack maw={640}>
      <PageTitle>{t('settings.title')}</PageTitle>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('settings.account')}
          </Title>
          <Text>{me.displayName}</Text>
          <Text size="sm" c="dimmed">
            {me.email}
          </Text>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs" align="flex-start">
          <Title order={2} size="h4">
            {t('settings.language')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings.languageHint')}
          </Text>
          <LanguageSwitcher />
        </Stack>
      </Paper>
      <TwoFactorSection isEnabled={me.isTotpEnabled} />
    </Stack>
  );
}
