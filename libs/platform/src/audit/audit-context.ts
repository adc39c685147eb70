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
  /** The record the request created, as the statement that created it named it (SingleStatementWrite). */
  createdId?: string;
}

/** Carries the pending event from the interceptor down to the transactions the handler commits. */
export const auditContext = new AsyncLocalStorage<PendingAudit>();
