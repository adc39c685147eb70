import { useSyncExternalStore } from 'react';
import { Session, session } from '../api/session';

export function useSession(): Session | null {
  return useSyncExternalStore(session.subscribe, session.get);
}
