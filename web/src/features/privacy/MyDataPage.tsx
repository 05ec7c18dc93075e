import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/auth.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ConsentsSection } from './ConsentsSection.tsx';
import { PublishConsentSection } from './PublishConsentSection.tsx';
import { EXPORT_URL } from './privacy.api.ts';

/** The person's own data under 152-FZ: download everything held about them, and their consents. */
export function MyDataPage() {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery);
  return (
    <Stack maw={820}>
      <PageTitle>{t('myData.title')}</PageTitle>
      <Paper withBorder p="md">
        <Stack gap="sm" align="flex-start">
          <Title order={2} size="h4">
            {t('myData.exportTitle')}
          </Title>
          <Text size="sm">{t('myData.exportHint')}</Text>
          <Button component="a" href={EXPORT_URL} download>
            {t('myData.download')}
          </Button>
        </Stack>
      </Paper>
      {me?.personId ? (
        <ConsentsSection />
      ) : (
        // A standing note, not news: Mantine's default role="alert" would interrupt screen readers.
        <Alert color="gray" variant="light" title={t('myData.consentsTitle')} role="note">
          {t('myData.noPerson')}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('myData.erasureTitle')}
          </Title>
          <Text size="sm">{t('myData.erasureHint')}</Text>
        </Stack>
      </Paper>
      {me?.roles.includes('admin') && <PublishConsentSection />}
    </Stack>
  );
}
