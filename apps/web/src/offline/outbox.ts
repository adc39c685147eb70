import { db, newClientRef, type CompletionDraft, type OutboxItem, type SessionDraft } from './db';

/** Saves a session on the device; it is sent when the network allows. */
export async function queueSession(userId: string, label: string, payload: SessionDraft): Promise<string> {
  return add({ kind: 'session', userId, label, payload });
}

export async function queueCompletion(
  userId: string,
  label: string,
  payload: CompletionDraft,
): Promise<string> {
  return add({ kind: 'completion', userId, label, payload });
}

type NewItem = Pick<OutboxItem, 'kind' | 'userId' | 'label' | 'payload'>;

async function add(item: NewItem): Promise<string> {
  const clientRef = newClientRef(item.kind);
  const now = Date.now();
  await db.outbox.add({
    ...item,
    clientRef,
    state: 'waiting',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  } as OutboxItem);
  return clientRef;
}

/**
 * A rejected item corrected by the user goes out again under the same clientRef: the server
 * stored nothing under it, so the key still means "this session".
 */
export async function resend(clientRef: string, payload: SessionDraft | CompletionDraft): Promise<void> {
  await db.outbox.update(clientRef, {
    payload,
    state: 'waiting',
    reason: undefined,
    server: undefined,
    attempts: 0,
    nextAttemptAt: Date.now(),
  } as Partial<OutboxItem>);
}

/** The conflict is settled (the server's copy kept, or overwritten with the device's): the item is done. */
export async function settle(clientRef: string, server: OutboxItem['server']): Promise<void> {
  await db.outbox.update(clientRef, { state: 'stored', reason: undefined, server } as Partial<OutboxItem>);
}

/** The user's items, newest first. */
export function itemsOf(userId: string): Promise<OutboxItem[]> {
  return db.outbox
    .orderBy('createdAt')
    .reverse()
    .filter((item) => item.userId === userId)
    .toArray();
}
