import { Anchor, Box, Container, Group, Paper, Text } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';

/** The frame of pages seen before signing in: name and language in the header, a card in the middle. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group h={56} px="md" justify="space-between" wrap="nowrap">
          <Anchor href="/sign-in" fw={700} size="lg" c="dark" underline="never">
            {t('app.name')}
          </Anchor>
          <LanguageSwitcher />
        </Group>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size={440} py="xl">
        <Paper withBorder shadow="xs" p="lg" radius="md">
          <Outlet />
        </Paper>
        <Text size="xs" c="dimmed" ta="center" mt="md">
          {t('app.tagline')}
        </Text>
      </Container>
    </Box>
  );
}
