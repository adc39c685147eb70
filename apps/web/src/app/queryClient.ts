import { QueryClient } from '@tanstack/react-query';

/** The app's one cache of server state; route loaders use it to start reads before a page's code arrives. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
});
