import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../api/client.ts';

interface ProblemAlertProps {
  error: unknown;
  title?: string;
  /** Field name (last segment of the error path) → its label, to say which field each message is about. */
  labels?: Record<string, string>;
}

/** Shows a failed request: the server's translated title and every field error it named. */
export function ProblemAlert({ error, title, labels }: ProblemAlertProps) {
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
            <List.Item key={`${e.path}:${e.message}`}>{labelFor(e.path, labels) ? `${labelFor(e.path, labels)}: ${e.message}` : e.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

function labelFor(path: string, labels: Record<string, string> | undefined): string | undefined {
  return labels?.[path.split('.').at(-1) ?? ''];
}
