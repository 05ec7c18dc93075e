import { useState } from 'react';
import { Button, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { programmesQuery, streamsQuery } from '../programmes/programmes.api.ts';
import { importCampaignsQuery } from './imports.api.ts';

/** Where staff start an import: choose the programme and the stream the people go into. */
export function ImportStreamPickerPage() {
  const { t } = useTranslation();
  const l = useLocalised();
  const navigate = useNavigate();
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [streamId, setStreamId] = useState<string | null>(null);
  const programmes = useQuery(programmesQuery({ page: 1, pageSize: 500 }));
  const streams = useQuery({ ...streamsQuery({ programmeId: programmeId ?? undefined }), enabled: Boolean(programmeId) });
  const manageable = (streams.data?.items ?? []).filter((s) => s.canManage);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const campaigns = useQuery(importCampaignsQuery());

  return (
    <Stack maw={520}>
      <PageTitle>{t('imports.title')}</PageTitle>
      <Text size="sm">{t('imports.pickHint')}</Text>
      <QueryState query={programmes}>
        {(page) => (
          <Select
            label={t('imports.programme')}
            data={page.items.filter((p) => p.canManage).map((p) => ({ value: p.id, label: l.name(p) }))}
            value={programmeId}
            onChange={(v) => {
              setProgrammeId(v);
              setStreamId(null);
            }}
            searchable
            nothingFoundMessage={t('common.nothingFound')}
          />
        )}
      </QueryState>
      <Select
        label={t('imports.stream')}
        data={manageable.map((s) => ({ value: s.id, label: l.name(s) }))}
        value={streamId}
        onChange={setStreamId}
        disabled={!programmeId || streams.isPending}
      />
      <div>
        <Button disabled={!streamId} onClick={() => streamId && void navigate({ to: '/streams/$streamId/import', params: { streamId } })}>
          {t('imports.continue')}
        </Button>
      </div>
      <Title order={2} size="h4" mt="lg">
        {t('imports.applicationsPick')}
      </Title>
      <Text size="sm">{t('imports.applicationsPickHint')}</Text>
      <Select
        label={t('imports.campaign')}
        data={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: l.language === 'en' && c.titleEn ? c.titleEn : c.titleRu }))}
        value={campaignId}
        onChange={setCampaignId}
        disabled={campaigns.isPending || campaigns.isError}
        searchable
        nothingFoundMessage={t('common.nothingFound')}
      />
      <div>
        <Button
          variant="light"
          disabled={!campaignId}
          onClick={() => campaignId && void navigate({ to: '/import/campaigns/$campaignId', params: { campaignId } })}
        >
          {t('imports.continue')}
        </Button>
      </div>
    </Stack>
  );
}
