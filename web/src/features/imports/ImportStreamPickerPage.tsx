import { useState } from 'react';
import { Button, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { programmesQuery, streamsQuery } from '../programmes/programmes.api.ts';

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
    </Stack>
  );
}
