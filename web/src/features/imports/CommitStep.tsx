import { useState } from 'react';
import { Alert, Button, Stack, Switch } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { commitImport, type ImportCheck } from './imports.api.ts';

/** The options of the real run and its button; a file with errors needs "skip bad rows". */
export function CommitStep({ check, onStarted, canInvite = true }: { check: ImportCheck; onStarted: (jobId: string) => void; canInvite?: boolean }) {
  const { t } = useTranslation();
  const [skipBadRows, setSkip] = useState(false);
  const [invite, setInvite] = useState(false);
  const commit = useMutation({ mutationFn: () => commitImport(check.uploadId, { skipBadRows, invite }), onSuccess: (r) => onStarted(r.jobId) });
  const goodRows = check.rowCount - check.badRowCount;
  const isBlocked = check.hasFileErrors || (check.errorCount > 0 && !skipBadRows) || goodRows <= 0;

  return (
    <Stack align="flex-start">
      <Switch checked={skipBadRows} onChange={(e) => setSkip(e.currentTarget.checked)} label={t('imports.skipBadRows')} description={t('imports.skipBadRowsHint', { count: check.badRowCount })} disabled={check.errorCount === 0} />
      {canInvite && <Switch checked={invite} onChange={(e) => setInvite(e.currentTarget.checked)} label={t('imports.invite')} description={t('imports.inviteHint')} />}
      {check.hasFileErrors && (
        <Alert color="red" variant="light">
          {t('imports.fileErrors')}
        </Alert>
      )}
      {!check.hasFileErrors && check.errorCount > 0 && !skipBadRows && (
        <Alert color="yellow" variant="light">
          {t('imports.blockedByErrors')}
        </Alert>
      )}
      <ProblemAlert error={commit.error} />
      <Button onClick={() => commit.mutate()} disabled={isBlocked} loading={commit.isPending}>
        {t('imports.commit', { count: Math.max(0, skipBadRows ? goodRows : check.rowCount) })}
      </Button>
    </Stack>
  );
}
