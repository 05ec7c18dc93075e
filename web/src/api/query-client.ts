import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isProblem } from './client.ts';

/**
 * Client errors (4xx) are answers, not glitches: they are not retried. A 401 on any query other than
 * "who am I" means the session ended, and `onSessionEnded` takes the user to the sign-in page.
 */
export function createQueryClient(onSessionEnded: () => void): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] === 'me') return;
        if (isProblem(error, 'unauthenticated')) {
          client.setQueryData(['me'], null);
          onSessionEnded();
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(isProblem(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
