import { DomainError } from './domain-error';

/** What a requester reads when their background job failed for a reason that is not theirs. */
export const INTERNAL_FAILURE = 'an internal error stopped it; the cause is in the server log';

/**
 * The text of a failure that a client may read: a domain error speaks to the client (a field, a
 * rule); anything else — a file system error with its paths, a module not found with its
 * require stack, a database message — stays in the log.
 */
export function publicFailure(error: unknown): string {
  return error instanceof DomainError ? error.message : INTERNAL_FAILURE;
}
