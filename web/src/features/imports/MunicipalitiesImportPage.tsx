import { useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DryRun } from './ImportPage.tsx';
import { MUNICIPALITY_FIELDS, uploadMunicipalitiesFile, type ImportCheck } from './imports.api.ts';
import { JobProgress } from './JobProgress.tsx';
import { UploadStep } from './UploadStep.tsx';

/** Admin: load the municipalities reference from a file, with the same check → commit flow as people. */
export function MunicipalitiesImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const restart = () => {
    setCheck(null);
    setJobId(null);
  };
  return (
    <Stack>
      <PageTitle>{t('municipalities.importTitle')}</PageTitle>
      {jobId ? (
        <Stack align="flex-start">
          <JobProgress jobId={jobId} summaryKeys={['created', 'updated', 'skipped']} onFinished={() => void queryClient.invalidateQueries({ queryKey: ['municipalities'] })} />
          <Group>
            <Button variant="default" onClick={restart}>
              {t('imports.another')}
            </Button>
          </Group>
        </Stack>
      ) : !check ? (
        <UploadStep upload={uploadMunicipalitiesFile} hint={t('municipalities.uploadHint')} onChecked={setCheck} />
      ) : (
        <DryRun check={check} onChecked={setCheck} onStarted={setJobId} onRestart={restart} fields={MUNICIPALITY_FIELDS} canInvite={false} />
      )}
    </Stack>
  );
}
