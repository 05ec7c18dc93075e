import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { credentialUrl, myDiplomasQuery, pdfUrl, type DiplomaSummary } from './diplomas.api.ts';

const STATUS_COLOR = { valid: 'green', revoked: 'red', expired: 'orange' } as const;

/** The holder's diplomas: download the PDF and the signed JSON, copy the public link to share. */
export function MyDiplomasPage() {
  const { t } = useTranslation();
  const diplomas = useQuery(myDiplomasQuery);
  return (
    <Stack>
      <PageTitle>{t('diplomas.myTitle')}</PageTitle>
      <QueryState query={diplomas}>{(data) => (data.items.length === 0 ? <Text c="dimmed">{t('diplomas.noneYet')}</Text> : data.items.map((d) => <DiplomaCard key={d.id} diploma={d} />))}</QueryState>
    </Stack>
  );
}

function DiplomaCard({ diploma: d }: { diploma: DiplomaSummary }) {
  const { t, i18n } = useTranslation();
  const l = useLocalised();
  const [isCopied, setIsCopied] = useState(false);
  // The server's PUBLIC_URL link: the same one the PDF's QR code carries.
  const link = d.verifyUrl;
  const copy = () => void navigator.clipboard?.writeText(link).then(() => setIsCopied(true));
  const en = i18n.language === 'en';
  return (
    <Card withBorder padding="lg" component="section" aria-label={d.registryNumber}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={700} size="lg">
            {en ? d.programmeNameEn : d.programmeNameRu}
          </Text>
          <Text size="sm">{en ? d.streamNameEn : d.streamNameRu}</Text>
          <Text size="sm">
            {t('diplomas.registryNumber')}: <strong>{d.registryNumber}</strong> · {t('diplomas.validFrom')}: {l.date(d.validFrom.slice(0, 10))}
          </Text>
          {d.revocationReason && (
            <Text size="sm" c="red">
              {t('diplomas.revokedBecause', { reason: d.revocationReason })}
            </Text>
          )}
        </div>
        <Badge color={STATUS_COLOR[d.status]} variant="light">{t(`diplomas.status.${d.status}`)}</Badge>
      </Group>
      <Group mt="md" gap="sm">
        <Button component="a" href={pdfUrl(d.id)} download>
          {t('diplomas.downloadPdf')}
        </Button>
        <Button component="a" href={credentialUrl(d.id)} download variant="light">
          {t('diplomas.downloadJson')}
        </Button>
        <Button variant="default" onClick={copy}>
          {isCopied ? t('diplomas.copied') : t('diplomas.copyLink')}
        </Button>
      </Group>
      <Anchor href={link} size="sm" mt="sm" display="block">
        {link}
      </Anchor>
    </Card>
  );
}
