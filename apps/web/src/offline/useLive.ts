import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/** The current answer of an IndexedDB read, kept up to date as the tables change (in any tab). */
export function useLive<T>(read: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const subscription = liveQuery(read).subscribe({ next: setValue, error: console.error });
    return () => subscription.unsubscribe();
    // The caller names what the read depends on.
  }, deps);
  return value;
}
