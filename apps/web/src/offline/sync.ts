import { api, type Schemas } from '../api/client';
import { session } from '../api/session';
import { db, PENDING, type CompletionDraft, type OutboxItem, type OutboxState } from './db';

/** One batch per request: well under the API's 500, small enough to answer fast on a weak network. */
const BATCH = 100;
const LOCK = 'cascade-outbox-sync';
const FIRST_RETRY_MS = 2_000;
const LAST_RETRY_MS = 5 * 60_000;

export type SyncOutcome = 'done' | 'offline' | 'signed-out';

// 'corrected' answers an item naming a completionId: a changed date or score recorded offline.
type ItemResult = {
  status: 'created' | 'corrected' | 'duplicate' | 'conflict' | 'rejected';
  reason?: string;
};
const STATE: Record<ItemResult['status'], OutboxState> = {
  created: 'stored',
  corrected: 'stored',
  duplicate: 'duplicate',
  conflict: 'conflict',
  rejected: 'rejected',
};

/** The network failed or the server could not answer now: try again later, not as a refusal. */
class Unreachable extends Error {}
class SignedOut extends Error {}

/**
 * Sends every due item of the signed-in user. One sync at a time across tabs (Web Locks): a
 * second waits for the first and then finds its items already answered, so no item is in two
 * requests at once. An
 * item is marked `sent` before its request leaves; one still `sent` later (a closed tab, a lost
 * answer) is sent again, and the API answers `duplicate` if it had stored it.
 */
export async function syncNow(): Promise<SyncOutcome> {
  const who = session.get();
  if (!who) return 'signed-out';
  if (who.expiresAt <= Date.now()) {
    // The token ran out while offline: the items wait until the user signs in again.
    session.signOut();
    return 'signed-out';
  }
  if (!navigator.locks) return drain(who.userId);
  return navigator.locks.request(LOCK, () => drain(who.userId));
}

async function drain(userId: string): Promise<SyncOutcome> {
  try {
    for (;;) {
      const due = await dueItems(userId);
      if (due.length === 0) return 'done';
      const sessions = due.filter((i) => i.kind === 'session').slice(0, BATCH);
      if (sessions.length > 0) await send(sessions, postSessions);
      for (const [cohortId, items] of byCohort(due))
        await send(items.slice(0, BATCH), postCompletions(cohortId));
    }
  } catch (error) {
    if (error instanceof SignedOut) return 'signed-out';
    if (error instanceof Unreachable || error instanceof TypeError) return 'offline';
    throw error;
  } finally {
    scheduleRetry(userId);
  }
}

async function dueItems(userId: string): Promise<OutboxItem[]> {
  const now = Date.now();
  const pending = await db.outbox
    .where('[userId+state]')
    .anyOf(PENDING.map((state) => [userId, state]))
    .toArray();
  return pending.filter((item) => item.nextAttemptAt <= now).sort((a, b) => a.createdAt - b.createdAt);
}

function byCohort(items: OutboxItem[]): Map<string, OutboxItem[]> {
  const groups = new Map<string, OutboxItem[]>();
  for (const item of items) {
    if (item.kind !== 'completion') continue;
    groups.set(item.payload.cohortId, [...(groups.get(item.payload.cohortId) ?? []), item]);
  }
  return groups;
}

type Post = (
  items: OutboxItem[],
) => Promise<{ response: Response; results?: (ItemResult & { server?: unknown })[] }>;

async function send(items: OutboxItem[], post: Post): Promise<void> {
  const refs = items.map((i) => i.clientRef);
  await db.outbox.where('clientRef').anyOf(refs).modify({ state: 'sent' });
  let answer: Awaited<ReturnType<Post>>;
  try {
    answer = await post(items);
  } catch (error) {
    await backOff(items);
    throw error;
  }
  const { response, results } = answer;
  if (response.status === 401) {
    // The API client signs the user out; the items wait for the next login.
    await db.outbox.where('clientRef').anyOf(refs).modify({ state: 'waiting' });
    throw new SignedOut();
  }
  if (!response.ok || !results) {
    await backOff(items);
    throw new Unreachable(`HTTP ${response.status}`);
  }
  await db.transaction('rw', db.outbox, async () => {
    for (const [index, result] of results.entries()) {
      await db.outbox.update(items[index].clientRef, {
        state: STATE[result.status],
        reason: result.reason,
        server: result.server,
        attempts: items[index].attempts + 1,
      } as Partial<OutboxItem>);
    }
  });
}

async function backOff(items: OutboxItem[]): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const item of items) {
      const attempts = item.attempts + 1;
      const delay =
        Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1)) * (0.75 + Math.random() / 2);
      await db.outbox.update(item.clientRef, {
        state: 'waiting',
        attempts,
        nextAttemptAt: Date.now() + delay,
      });
    }
  });
}

const postSessions: Post = async (items) => {
  const { data, response } = await api.POST('/api/v1/mentoring/sessions/batch', {
    body: {
      sessions: items.map((i) => ({
        ...(i.payload as Schemas['BatchSessionItemDto']),
        clientRef: i.clientRef,
      })),
    },
  });
  return { response, results: data?.results.map((r) => ({ ...r, server: r.session })) };
};

const postCompletions =
  (cohortId: string): Post =>
  async (items) => {
    const { data, response } = await api.POST('/api/v1/cohorts/{id}/completions/batch', {
      params: { path: { id: cohortId } },
      body: {
        completions: items.map((i) => {
          const { personId, courseId, completedOn, score, completionId } = i.payload as CompletionDraft;
          // `score` is a nullable number; the document's nullable type comes out as an empty object.
          return {
            clientRef: i.clientRef,
            personId,
            courseId,
            completedOn,
            score: score as never,
            completionId,
          };
        }),
      },
    });
    return { response, results: data?.results.map((r) => ({ ...r, server: r.completion })) };
  };

let timer: ReturnType<typeof setTimeout> | undefined;

/** Wakes up when the earliest waiting item is due again (the backoff's end). */
async function scheduleRetry(userId: string): Promise<void> {
  clearTimeout(timer);
  const waiting = await db.outbox.where('[userId+state]').equals([userId, 'waiting']).toArray();
  if (waiting.length === 0) return;
  const next = Math.min(...waiting.map((i) => i.nextAttemptAt));
  timer = setTimeout(() => void syncNow(), Math.max(0, next - Date.now()) + 50);
}

let started = false;

/** Syncs when the app opens, when the network comes back and after each sign-in. */
export function startSync(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void syncNow());
  session.subscribe(() => {
    if (session.get()) void syncNow();
  });
  void syncNow();
}
