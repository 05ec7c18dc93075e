import { useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { DryRun } from './ImportPage.tsx';
import { APPLICATION_FIELDS, importCampaignsQuery, uploadApplicationsFile, type ImportCheck } from './imports.api.ts';
import { JobProgress } from './JobProgress.tsx';
import { UploadStep } from './UploadStep.tsx';

const route = getRouteApi('/app/import/campaigns/$campaignId');

/** Staff: load the applications of a campaign run elsewhere, with the same check → commit flow as people. */
export function ApplicationsImportPage() {
  const { t } = useTranslation();
  const l = useLocalised();
  const { campaignId } = route.useParams();
  const campaigns = useQuery(importCampaignsQuery());
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const restart = () => {
    setCheck(null);
    setJobId(null);
  };
  return (
    <QueryState query={campaigns}>
      {(page) => {
        const campaign = page.items.find((c) => c.id === campaignId);
        const title = campaign ? (l.language === 'en' && campaign.titleEn ? campaign.titleEn : campaign.titleRu) : '';
        return (
          <Stack>
            <PageTitle>{t('imports.applicationsTitleFor', { campaign: title })}</PageTitle>
            {jobId ? (
              <Stack align="flex-start">
                <JobProgress jobId={jobId} summaryKeys={['created', 'updated', 'skipped']} summaryTexts="applicationsSummary" />
                <Group>
                  <Button variant="default" onClick={restart}>
                    {t('imports.another')}
                  </Button>
                </Group>
              </Stack>
            ) : !check ? (
              <UploadStep upload={(file) => uploadApplicationsFile(campaignId, file)} hint={t('imports.applicationsUploadHint')} onChecked={setCheck} />
            ) : (
              <DryRun check={check} onChecked={setCheck} onStarted={setJobId} onRestart={restart} fields={APPLICATION_FIELDS} canInvite={false} />
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
