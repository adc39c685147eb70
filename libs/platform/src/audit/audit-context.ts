import { AsyncLocalStorage } from 'async_hooks';
import { Actor } from '../auth/roles';
import { AuditEntry } from './audit.service';

/** The audit event of the write request being served, until a transaction commits it. */
export interface PendingAudit {
  actor: Actor;
  entry: AuditEntry;
  /** The event's id once a committed transaction holds it. */
  committedId?: string;
  /** Set while a transaction that holds the event is committing. */
  committing?: object;
  committingId?: string;
  /** The record the request created, when the code that created it said so before its commit. */
  createdId?: string;
}

/** Carries the pending event from the interceptor down to the transactions the handler commits. */
export const auditContext = new AsyncLocalStorage<PendingAudit>();

/**
 * Names the record a write request creates, from inside the transaction that creates it: its
 * audit event then names it as the event is written, and no UPDATE after the commit (a second
 * commit per request) is needed. Outside a write request, or once the event is committed, a no-op.
 */
export function auditCreated(id: string): void {
  const pending = auditContext.getStore();
  if (pending && !pending.committedId) pending.createdId = id;
}
