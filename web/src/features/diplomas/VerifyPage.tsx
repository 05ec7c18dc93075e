import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { publicDiplomaQuery } from './diplomas.api.ts';
import { VerificationView } from './VerificationView.tsx';

const route = getRouteApi('/public/verify/$id');

/** The public page a diploma's QR code opens: no sign-in, only what a verifier needs. */
export function VerifyPage() {
  const { t, i18n } = useTranslation();
  const { id } = route.useParams();
  const diploma = useQuery(publicDiplomaQuery(id, i18n.language));
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('diplomas.verifyTitle')}
      </Title>
      {diploma.isPending && <PageLoader />}
      {diploma.isError && (isProblem(diploma.error, 'not_found') ? <Text role="alert">{t('diplomas.notFound')}</Text> : <ProblemAlert error={diploma.error} />)}
      {diploma.data && <VerificationView result={diploma.data} programme={`${i18n.language === 'en' ? diploma.data.programmeNameEn : diploma.data.programmeNameRu} — ${i18n.language === 'en' ? diploma.data.streamNameEn : diploma.data.streamNameRu}`} />}
      <AnchorLink to="/verify" size="sm">
        {t('diplomas.verifyFileLink')}
      </AnchorLink>
    </Stack>
  );
}
