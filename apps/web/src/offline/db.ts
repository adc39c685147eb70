import Dexie, { type EntityTable } from 'dexie';
import type { Schemas } from '../api/client';

/**
 * waiting: saved on the device, not yet answered; sent: a request carrying it left and no answer
 * came back (resent as is: the API keys it by clientRef); stored and duplicate: on the server
 * (a duplicate was stored by an earlier send); conflict: the server holds other content under
 * the same clientRef; rejected: the API refused it, with its reason.
 */
export const OUTBOX_STATES = ['waiting', 'sent', 'stored', 'duplicate', 'conflict', 'rejected'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
/** The states that still need a request. */
export const PENDING: OutboxState[] = ['waiting', 'sent'];

export type SessionDraft = Omit<Schemas['BatchSessionItemDto'], 'clientRef'>;
export interface CompletionDraft {
  cohortId: string;
  personId: string;
  courseId: string;
  completedOn: string;
  score: number | null;
  /** The stored completion whose date and score this replaces (a correction), if any. */
  completionId?: string;
}

interface OutboxBase {
  clientRef: string;
  /** Whose item it is: a shared phone sends each user's items only under their own login. */
  userId: string;
  /** What the list shows (a mentee's or a participant's name) without another look-up. */
  label: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  reason?: string;
}
export type OutboxItem =
  | (OutboxBase & { kind: 'session'; payload: SessionDraft; server?: Schemas['SessionView'] })
  | (OutboxBase & { kind: 'completion'; payload: CompletionDraft; server?: Schemas['CompletionView'] });

/** The last answer of a read, shown offline with the time it was fetched. */
export interface CacheEntry {
  key: string;
  data: unknown;
  asOf: number;
}

export const db = new Dexie('cascade-field') as Dexie & {
  outbox: EntityTable<OutboxItem, 'clientRef'>;
  cache: EntityTable<CacheEntry, 'key'>;
};
db.version(1).stores({ outbox: 'clientRef, [userId+state], createdAt', cache: 'key' });

/** A key made on the device when the user saves: the API stores a resent key once. */
export function newClientRef(kind: OutboxItem['kind']): string {
  return `${kind === 'session' ? 's' : 'c'}-${crypto.randomUUID()}`;
}
