import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../api/client.ts';

/** Shows a failed request: the server's translated title and every field error it named. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = isProblem(error) ? error.problem : null;
  const heading = title ?? (problem?.code === 'network' || !problem?.title ? t('errors.network') : problem.title);
  const fieldErrors = problem?.errors ?? [];
  const detail = problem && fieldErrors.length === 0 && problem.detail && problem.detail !== problem.title ? problem.detail : null;
  return (
    <Alert color="red" variant="light" title={heading} role="alert">
      {detail}
      {fieldErrors.length > 0 && (
        <List size="sm">
          {fieldErrors.map((e) => (
            <List.Item key={`${e.path}:${e.message}`}>{e.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
