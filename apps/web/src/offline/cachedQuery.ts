import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { useSession } from '../app/useSession';
import { db } from './db';

export interface Cached<T> {
  data: T;
  /** When the server gave this answer (ms since the epoch). */
  asOf: number;
  /** Read from the device because the network did not answer. */
  offline: boolean;
}

/**
 * A read that also works without a network: each answer is kept in IndexedDB per user, and
 * when the request cannot reach the server the last kept answer is shown with its time.
 * A refusal from the API (403, 404) is not hidden behind an old answer.
 */
export function useCachedQuery<T>(key: string[], load: () => Promise<T>, enabled = true) {
  const who = useSession();
  const cacheKey = `${who?.userId}/${key.join('/')}`;
  return useQuery<Cached<T>>({
    queryKey: ['offline', who?.userId, ...key],
    enabled: enabled && !!who,
    networkMode: 'always',
    retry: false,
    queryFn: async () => {
      try {
        const data = await load();
        const asOf = Date.now();
        await db.cache.put({ key: cacheKey, data, asOf });
        return { data, asOf, offline: false };
      } catch (error) {
        if (error instanceof ApiError && error.status < 500) throw error;
        const kept = await db.cache.get(cacheKey);
        if (!kept) throw error;
        return { data: kept.data as T, asOf: kept.asOf, offline: true };
      }
    },
  });
}
