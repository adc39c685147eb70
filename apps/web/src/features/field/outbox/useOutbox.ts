import { useSession } from '../../../app/useSession';
import type { OutboxItem } from '../../../offline/db';
import { itemsOf } from '../../../offline/outbox';
import { useLive } from '../../../offline/useLive';

/** The signed-in user's outbox, live across tabs. */
export function useOutbox(): OutboxItem[] | undefined {
  const userId = useSession()?.userId ?? '';
  return useLive(() => itemsOf(userId), [userId]);
}

export const isPending = (item: OutboxItem) => item.state === 'waiting' || item.state === 'sent';
export const needsAttention = (item: OutboxItem) => item.state === 'conflict' || item.state === 'rejected';
