import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { PageLoader } from './PageLoader.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';

/** Renders a query's loading and error states, and its data through `children` once it is there. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  return <>{children(query.data)}</>;
}
